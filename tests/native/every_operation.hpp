#pragma once
// Expressions that use every kind of operation the evaluators know, and points that reach their edges
// (a pole, overflow, infinity, NaN): the table the machine-code writers are checked against the program with.
#include <cmath>
#include <cstring>
#include <limits>

namespace descent_test {

inline const char* const kEveryOperation[] = {

    "x^4 - 3x^2 + 2",                       // seed 001: powers by squaring, a sum
    "(x-2)^2",                              // seed 000
    "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2",  // seed 000's tilted well
    "sin(x)*exp(-x^2/4)",                   // e^u as exp
    "sigmoid(x) + softplus(x - 1) - 0.5*x",
    "1 - 0.5x + 0.25x^2 + 2x^3 - 1.5x^4 + 0.3x^5 - 0.2x^6 + 0.1x^7 + 0.05x^8 - 0.04x^9",
    "-x^3 + x",                     // a leading negated term
    "1/x + 2/x^3 - x^-5",           // reciprocals, negative powers
    "x^0.5 + x^(2/3) + 2^x + x^x",  // pow
    "x^65 + x^64",                  // past and at the squaring limit
    "e^x + pi*x + e",               // constants
    "tan(x) + asin(x/4) + acos(x/4) + atan(x)",
    "sinh(x) + cosh(x) + tanh(x)",
    "log(x) + log2(x) + log10(x) + ln(1 + x^2)",
    "sqrt(x) + cbrt(x) + abs(x)",
    "sign(x)*x^2 + step(x) + relu(x - 1)",
    "cos(sin(cos(x)))*x - x*cos(x)",  // common subexpressions
    "exp(exp(x))",                    // overflow
    "x/(x - 1)",                      // a pole
    "x",                              // no steps at all: outputs x, 1 and 0
    "-x",                             // a negation alone
    "7",                              // a constant: x is never read
    "cos(3x) - x*sin(3x)",            // cos before sin of one argument: one call for both
    // More values at once than registers, around calls: f'' of these keeps dozens alive.
    "(x+1)*(x+2)*(x+3)*(x+4)*(x+5)*(x+6)*(x+7)*(x+8)*(x+9)*(x+10)*(x+11)*(x+12)*(x+13)*(x+14)*(x+15)*(x+16)",
    "sin(x)*exp(x/3) + cos(2x)*log(x^2 + 1) + tanh(x)*sqrt(x^2 + 2) + atan(x)*x^5 + sinh(x/4)*x^3",
};

inline const double kEdgePoints[] = {-3.5,
                                     -1,
                                     -0.25,
                                     0,
                                     0.5,
                                     1,
                                     1.75,
                                     4,
                                     710,
                                     -1e200,
                                     std::numeric_limits<double>::infinity(),
                                     std::numeric_limits<double>::quiet_NaN()};

// Equal bits, or both NaN (the sign and payload of a NaN may differ between evaluators).
inline bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

}  // namespace descent_test
