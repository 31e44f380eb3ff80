#include "expr/builtin.hpp"

#include <cmath>
#include <iterator>

namespace descent {
namespace {

constexpr BuiltinInfo kBuiltins[] = {
    {Builtin::sin, "sin", "\\sin", ""},
    {Builtin::cos, "cos", "\\cos", ""},
    {Builtin::tan, "tan", "\\tan", ""},
    {Builtin::asin, "asin", "\\arcsin", "-1 <= u <= 1"},
    {Builtin::acos, "acos", "\\arccos", "-1 <= u <= 1"},
    {Builtin::atan, "atan", "\\arctan", ""},
    {Builtin::sinh, "sinh", "\\sinh", ""},
    {Builtin::cosh, "cosh", "\\cosh", ""},
    {Builtin::tanh, "tanh", "\\tanh", ""},
    {Builtin::exp, "exp", "\\exp", ""},
    {Builtin::log, "log", "\\ln", "u > 0"},
    {Builtin::log2, "log2", "\\log_{2}", "u > 0"},
    {Builtin::log10, "log10", "\\log_{10}", "u > 0"},
    {Builtin::sqrt, "sqrt", "", "u >= 0"},
    {Builtin::cbrt, "cbrt", "", ""},
    {Builtin::abs, "abs", "", ""},
    {Builtin::sign, "sign", "\\operatorname{sign}", ""},
    {Builtin::step, "step", "\\operatorname{step}", ""},
    {Builtin::sigmoid, "sigmoid", "\\sigma", ""},
    {Builtin::softplus, "softplus", "\\operatorname{softplus}", ""},
    {Builtin::relu, "relu", "\\operatorname{relu}", ""},
};

double sigmoid(double x) {
  // Two forms so that exp never overflows.
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double t = std::exp(x);
  return t / (1 + t);
}

double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

double sign(double x) {
  if (std::isnan(x)) return x;
  return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
}

}  // namespace

std::optional<Builtin> builtinNamed(std::string_view name) {
  if (name == "ln") return Builtin::log;
  for (const auto& info : kBuiltins)
    if (info.name == name) return info.builtin;
  return std::nullopt;
}

const BuiltinInfo& infoOf(Builtin builtin) { return kBuiltins[static_cast<int>(builtin)]; }
std::string_view nameOf(Builtin builtin) { return infoOf(builtin).name; }

const BuiltinInfo* allBuiltins(std::size_t& count) {
  count = std::size(kBuiltins);
  return kBuiltins;
}

double evaluate(Builtin builtin, double x) noexcept {
  switch (builtin) {
    case Builtin::sin:
      return std::sin(x);
    case Builtin::cos:
      return std::cos(x);
    case Builtin::tan:
      return std::tan(x);
    case Builtin::asin:
      return std::asin(x);
    case Builtin::acos:
      return std::acos(x);
    case Builtin::atan:
      return std::atan(x);
    case Builtin::sinh:
      return std::sinh(x);
    case Builtin::cosh:
      return std::cosh(x);
    case Builtin::tanh:
      return std::tanh(x);
    case Builtin::exp:
      return std::exp(x);
    case Builtin::log:
      return std::log(x);
    case Builtin::log2:
      return std::log2(x);
    case Builtin::log10:
      return std::log10(x);
    case Builtin::sqrt:
      return std::sqrt(x);
    case Builtin::cbrt:
      return std::cbrt(x);
    case Builtin::abs:
      return std::fabs(x);
    case Builtin::sign:
      return sign(x);
    case Builtin::step:
      return std::isnan(x) ? x : (x > 0 ? 1.0 : 0.0);
    case Builtin::sigmoid:
      return sigmoid(x);
    case Builtin::softplus:
      return softplus(x);
    case Builtin::relu:
      return std::isnan(x) ? x : (x > 0 ? x : 0.0);
  }
  return x;
}

}  // namespace descent
