#pragma once
// Numbers as people read them and as the parser reads back.
#include <string>

namespace descent {

// The shortest decimal that reads back as the same double: 0.1, 1e-05, 12, inf, nan.
std::string formatNumber(double value);

// A number split for typesetting as mantissa x 10^exponent: 1e-05 -> {"1", "5", negative}.
struct Scientific {
  std::string mantissa;
  std::string exponent;  // digits only, without sign or leading zeros; empty for plain decimals
  bool negativeExponent = false;
};
Scientific scientific(double value);

// How a person would write a computed value: a short decimal when one lies within rounding of it
// (0.30000000000000004 -> 0.3), else a fraction p/q with q <= 1000 when one does (0.3333333333333333
// -> 1/3, -1.6666666666666665 -> -5/3), else the exact shortest decimal. What is printed may differ
// from the double in its last bits; it never differs by more than a few units in the last place.
struct Readable {
  bool isFraction;
  double value;        // the decimal to print when !isFraction
  double numerator;    // p, with the sign of the value, when isFraction
  double denominator;  // q >= 2 when isFraction
};
Readable readable(double value);

// p/q with 2 <= q <= maxDenominator within rounding of value, if there is one.
bool nearFraction(double value, int maxDenominator, double& numerator, double& denominator);

}  // namespace descent
