#include "expr/number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace descent {

std::string formatNumber(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  char buffer[40];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

Scientific scientific(double value) {
  const std::string text = formatNumber(value);
  const auto e = text.find('e');
  if (e == std::string::npos) return {text, "", false};
  Scientific result{text.substr(0, e), text.substr(e + 1), false};
  std::string& exponent = result.exponent;
  if (exponent[0] == '+' || exponent[0] == '-') {
    result.negativeExponent = exponent[0] == '-';
    exponent.erase(0, 1);
  }
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return result;
}

namespace {

std::size_t significantDigits(const std::string& text) {
  std::size_t digits = 0;
  for (char ch : text) {
    if (ch == 'e') break;
    if (ch >= '0' && ch <= '9' && (digits > 0 || ch != '0')) ++digits;
  }
  return digits;
}

// A few units in the last place: what a chain of folded constants can drift by.
bool withinRounding(double a, double b) { return std::fabs(a - b) <= 8e-16 * std::fabs(b); }

}  // namespace

bool nearFraction(double value, int maxDenominator, double& numerator, double& denominator) {
  if (!std::isfinite(value) || std::floor(value) == value) return false;
  for (int q = 2; q <= maxDenominator; ++q) {
    const double p = std::round(value * q);
    if (std::fabs(p) < 1e15 && withinRounding(p / q, value)) {
      numerator = p;
      denominator = q;
      return true;
    }
  }
  return false;
}

Readable readable(double value) {
  Readable result{false, value, 0, 0};
  if (!std::isfinite(value) || significantDigits(formatNumber(value)) <= 12) return result;
  char buffer[40];
  for (int digits = 1; digits <= 12; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    const double shorter = std::strtod(buffer, nullptr);
    if (withinRounding(shorter, value)) {
      result.value = shorter;
      return result;
    }
  }
  result.isFraction = nearFraction(value, 1000, result.numerator, result.denominator);
  return result;
}

}  // namespace descent
