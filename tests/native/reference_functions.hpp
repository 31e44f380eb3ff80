#pragma once
// The language's constants and kinked functions written plainly in C++, for tables that compare the
// engine against hand-written expressions.
#include <cmath>

namespace descent::reference {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

inline double sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0; }
inline double step(double x) { return x > 0 ? 1.0 : 0.0; }
inline double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }
inline double softplus(double x) { return std::log1p(std::exp(x)); }
inline double relu(double x) { return x > 0 ? x : 0.0; }

}  // namespace descent::reference
