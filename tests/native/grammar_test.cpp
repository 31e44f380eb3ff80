// The grammar of the expression language as a table: each row is an input a student might type and the same
// function written in C++, compared at a few points. The rows follow the table in the design: numbers,
// constants, operators, power, unary minus, implicit products, functions, and the Unicode a paste brings in.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "reference_functions.hpp"

using descent::Function;

namespace {

using descent::reference::kE;
using descent::reference::kPi;
using descent::reference::relu;
using descent::reference::sigmoid;
using descent::reference::sign;
using descent::reference::softplus;
using descent::reference::step;

struct GrammarRow {
  const char* text;
  double (*meaning)(double);
};

#define F(expression)      \
  [](double x) -> double { \
    static_cast<void>(x);  \
    return (expression);   \
  }

// Points inside the domain of every function below except log, sqrt and friends at -0.6, where both sides
// must agree on NaN.
const std::vector<double> kPoints = {-0.6, 0.3, 0.8, 1.7};

const std::vector<GrammarRow> kNumbersAndConstants = {
    {"3", F(3.0)},
    {"0.5", F(0.5)},
    {".5", F(0.5)},
    {"1e-3", F(0.001)},
    {"2.5E+4", F(25000.0)},
    {"2e-1", F(0.2)},      // longest number wins: 2e-1 is a number, not 2*e - 1
    {"2e", F(2 * kE)},     // a number followed by the constant e
    {"2e2x", F(200 * x)},  // 2e2 is a number, then an implicit product with x
    {"x", F(x)},
    {"pi", F(kPi)},
    {"e", F(kE)},
    {"π", F(kPi)},
    {"2π", F(2 * kPi)},
    {"0.000001", F(1e-6)},
    {"123456789", F(123456789.0)},
    {"  x  ", F(x)},
    {"x\t+\n1", F(x + 1)},  // tabs and newlines are spaces
};

const std::vector<GrammarRow> kOperators = {
    {"x + 2", F(x + 2)},
    {"x - 2", F(x - 2)},
    {"2*x", F(2 * x)},
    {"x/2", F(x / 2)},
    {"x^2", F(x* x)},
    {"x**2", F(x* x)},
    {"x**4 - 3*x**2 + 2", F(std::pow(x, 4) - 3 * x * x + 2)},
    {"10 - 4 - 3", F(3.0)},   // left-associative
    {"64/4/2", F(8.0)},       // left-associative
    {"2/x*3", F(2 / x * 3)},  // (2/x)*3
    {"1 + 2*3", F(7.0)},
    {"(1 + 2)*3", F(9.0)},
    {"x - (x - 1)", F(1.0)},
    {"x−1", F(x - 1)},  // U+2212, the minus sign of typeset maths
    {"−x^2", F(-(x* x))},
    {"x×2", F(2 * x)},  // U+00D7 multiplication sign
    {"x·2", F(2 * x)},  // U+00B7 middle dot
    {"x÷2", F(x / 2)},  // U+00F7 division sign
};

const std::vector<GrammarRow> kPowerAndSigns = {
    {"2^3^2", F(512.0)},  // right-associative: 2^(3^2)
    {"2**3**2", F(512.0)},
    {"x^-2", F(1 / (x * x))},
    {"x**-1", F(1 / x)},
    {"2^-x^2", F(std::pow(2, -(x* x)))},  // the exponent carries its sign: 2^(-(x^2))
    {"2^-x", F(std::pow(2, -x))},
    {"2^+3", F(8.0)},
    {"x^2^-1", F(std::sqrt(x))},  // x^(2^(-1))
    {"-2^2", F(-4.0)},            // ^ binds tighter than unary minus
    {"(-2)^2", F(4.0)},
    {"-x^2", F(-(x* x))},
    {"2*-x+3", F(2 * -x + 3)},
    {"3 - -x", F(3 + x)},
    {"--x", F(x)},
    {"-+-x", F(x)},
    {"+x", F(x)},
    {"-sin(x)", F(-std::sin(x))},
    {"e^x", F(std::exp(x))},
    {"x^x", F(std::pow(x, x))},
    {"2^x^2", F(std::pow(2, x* x))},
    {"-x^-x", F(-std::pow(x, -x))},
};

const std::vector<GrammarRow> kImplicitProducts = {
    {"2x", F(2 * x)},
    {"3(x+1)", F(3 * (x + 1))},
    {"2pi", F(2 * kPi)},
    {"2 pi", F(2 * kPi)},
    {"(x+1)(x-1)", F((x + 1) * (x - 1))},
    {"2 sin(x)", F(2 * std::sin(x))},
    {"2sin(x)cos(x)", F(2 * std::sin(x) * std::cos(x))},
    {"(x+1)sin(x)", F((x + 1) * std::sin(x))},
    {"sin(x)x", F(std::sin(x) * x)},
    {"1/2x", F(0.5 * x)},  // same precedence as *: (1/2)*x
    {"1/2(x+1)", F(0.5 * (x + 1))},
    {"x/2x", F(x / 2 * x)},
    {"2x^2", F(2 * x * x)},  // the implicit factor is a power: 2*(x^2)
    {"-2x^2", F(-2 * x * x)},
    {"2(x)^2", F(2 * x * x)},
    {"2 x", F(2 * x)},
    {"3x - 2x", F(x)},
};

const std::vector<GrammarRow> kFunctions = {
    {"sin(x)", F(std::sin(x))},
    {"cos(x)", F(std::cos(x))},
    {"tan(x)", F(std::tan(x))},
    {"asin(x)", F(std::asin(x))},
    {"acos(x)", F(std::acos(x))},
    {"atan(x)", F(std::atan(x))},
    {"sinh(x)", F(std::sinh(x))},
    {"cosh(x)", F(std::cosh(x))},
    {"tanh(x)", F(std::tanh(x))},
    {"exp(x)", F(std::exp(x))},
    {"log(x)", F(std::log(x))},  // natural
    {"ln(x)", F(std::log(x))},
    {"log2(x)", F(std::log2(x))},
    {"log10(x)", F(std::log10(x))},
    {"sqrt(x)", F(std::sqrt(x))},
    {"cbrt(x)", F(std::cbrt(x))},
    {"abs(x)", F(std::fabs(x))},
    {"sign(x)", F(sign(x))},
    {"sigmoid(x)", F(sigmoid(x))},
    {"softplus(x)", F(softplus(x))},
    {"relu(x)", F(relu(x))},
    {"step(x)", F(step(x))},  // not in the design's list, but f' of relu prints it
    {"sin(x)^2", F(std::sin(x) * std::sin(x))},
    {"sin(x^2)", F(std::sin(x* x))},
    {"exp(-x^2/2)", F(std::exp(-x* x / 2))},
    {"log(exp(x))", F(x)},
    {"sqrt(abs(x))", F(std::sqrt(std::fabs(x)))},
    {"( sin ( x ) )", F(std::sin(x))},
};

bool sameValue(double actual, double expected) {
  if (std::isnan(expected)) return std::isnan(actual);
  if (std::isinf(expected)) return actual == expected;
  return std::fabs(actual - expected) <= 1e-12 * std::fabs(expected) + 1e-14;
}

void checkRows(const std::vector<GrammarRow>& rows) {
  for (const GrammarRow& row : rows) {
    INFO("input: " << row.text);
    Function fn = Function::parse(row.text);
    for (double x : kPoints) {
      INFO("x = " << x << ", engine " << fn.value(x) << ", expected " << row.meaning(x));
      CHECK(sameValue(fn.value(x), row.meaning(x)));
    }
  }
}

}  // namespace

TEST_CASE("numbers, the variable and the constants", "[grammar]") { checkRows(kNumbersAndConstants); }

TEST_CASE("operators and their associativity", "[grammar]") { checkRows(kOperators); }

TEST_CASE("power is right-associative and binds tighter than a sign", "[grammar]") {
  checkRows(kPowerAndSigns);
}

TEST_CASE("implicit products have the precedence of *", "[grammar]") { checkRows(kImplicitProducts); }

TEST_CASE("every function of the language", "[grammar]") { checkRows(kFunctions); }

TEST_CASE("ln is another name for log", "[grammar]") {
  CHECK(Function::parse("ln(x)").printed().text == Function::parse("log(x)").printed().text);
}
