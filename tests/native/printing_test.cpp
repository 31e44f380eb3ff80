// How f, f' and f'' read once printed: plain text as a person writes it, LaTeX for a post and MathML for the
// page. Decimals stay decimals. (The round trip of every derivative row is in derivatives_test.cpp, next to
// that table.)
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expr/function.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using descent::Function;

namespace {

struct PrintedRow {
  const char* text;
  const char* f;
  const char* df;
  const char* d2f;
};

// clang-format off
const std::vector<PrintedRow> kText = {
  // input                  f                        f'                         f''
  {"x^4 - 3x^2 + 2",        "x^4 - 3*x^2 + 2",       "4*x^3 - 6*x",             "12*x^2 - 6"},
  {"x**4 - 3*x**2 + 2",     "x^4 - 3*x^2 + 2",       "4*x^3 - 6*x",             "12*x^2 - 6"},
  {"(x-3)^2",               "(x - 3)^2",             "2*x - 6",                 "2"},
  {"-x^2",                  "-x^2",                  "-2*x",                    "-2"},
  {"sqrt(x)",               "sqrt(x)",               "1/(2*sqrt(x))",           "-1/(4*sqrt(x)^3)"},
  {"0.5*(0.75*x-1.2)^4",    "0.5*(0.75*x - 1.2)^4",  "1.5*(0.75*x - 1.2)^3",    "3.375*(0.75*x - 1.2)^2"},
  {"sin(x)",                "sin(x)",                "cos(x)",                  "-sin(x)"},
  {"1/x",                   "1/x",                   "-1/x^2",                  "2/x^3"},
  {"x^-2",                  "1/x^2",                 "-2/x^3",                  "6/x^4"},
  {"ln(x)",                 "log(x)",                "1/x",                     "-1/x^2"},
  {"exp(x)",                "exp(x)",                "exp(x)",                  "exp(x)"},
  {"e^x",                   "e^x",                   "e^x",                     "e^x"},
  {"2^x",                   "2^x",                   "2^x*log(2)",              "2^x*log(2)^2"},
  {"x^x",                   "x^x",                   "(log(x) + 1)*x^x",        "x^x*(log(x) + 1)^2 + x^(x - 1)"},
  {"abs(x)",                "abs(x)",                "sign(x)",                 "0"},
  {"relu(x)",               "relu(x)",               "step(x)",                 "0"},
  {"softplus(x)",           "softplus(x)",           "sigmoid(x)",              "(1 - sigmoid(x))*sigmoid(x)"},
  {"tanh(x)",               "tanh(x)",               "1 - tanh(x)^2",           "-2*(1 - tanh(x)^2)*tanh(x)"},
  {"atan(x)",               "atan(x)",               "1/(x^2 + 1)",             "-2*x/(x^2 + 1)^2"},
  {"3(x+1)",                "3*x + 3",               "3",                       "0"},
  {"2x*-x+3",               "3 - 2*x^2",             "-4*x",                    "-4"},
  {"1/2x",                  "0.5*x",                 "0.5",                     "0"},
  {"(x+1)(x-1)",            "(x - 1)*(x + 1)",       "2*x",                     "2"},
  {"0.1*x^2",               "0.1*x^2",               "0.2*x",                   "0.2"},
  {"0.001*x^2",             "0.001*x^2",             "0.002*x",                 "0.002"},
  {"12.5*x",                "12.5*x",                "12.5",                    "0"},
  {"3.14159*x",             "3.14159*x",             "3.14159",                 "0"},
  {"1234.5678*x",           "1234.5678*x",           "1234.5678",               "0"},
  {"sin(0.5x)",             "sin(0.5*x)",            "0.5*cos(0.5*x)",          "-0.25*sin(0.5*x)"},
  {"x^1.5",                 "x^1.5",                 "1.5*x^0.5",               "0.75/x^0.5"},
  {"2pi*x",                 "2*pi*x",                "2*pi",                    "0"},
};
// clang-format on

struct TypesetRow {
  const char* text;
  const char* latexOfDf;
};

// clang-format off
const std::vector<TypesetRow> kLatex = {
  {"x^4 - 3x^2 + 2",      "4x^{3} - 6x"},
  {"(x-3)^2",             "2x - 6"},
  {"sqrt(x)",             "\\frac{1}{2\\sqrt{x}}"},
  {"1/x",                 "-\\frac{1}{x^{2}}"},
  {"x/(x+1)",             "\\frac{1}{x + 1} - \\frac{x}{\\left(x + 1\\right)^{2}}"},
  {"cos(x)",              "-\\sin\\left(x\\right)"},
  {"asin(x)",             "\\frac{1}{\\sqrt{1 - x^{2}}}"},
  {"log2(x)",             "\\frac{1}{x\\ln\\left(2\\right)}"},
  {"0.5*(0.75*x-1.2)^4",  "1.5\\left(0.75x - 1.2\\right)^{3}"},
  {"softplus(x)",         "\\sigma\\left(x\\right)"},
  {"x^x",                 "\\left(\\ln\\left(x\\right) + 1\\right)x^{x}"},
  {"1.5e-7*x^2",          "3 \\times 10^{-7}x"},
  {"2^-x^2",              "-2x \\cdot 2^{-x^{2}}\\ln\\left(2\\right)"},
};
// clang-format on

}  // namespace

TEST_CASE("f, f' and f'' print as a person writes them", "[printing]") {
  for (const PrintedRow& row : kText) {
    INFO("input: " << row.text);
    Function fn = Function::parse(row.text);
    CHECK(fn.printed().text == row.f);
    CHECK(fn.derivative().text == row.df);
    CHECK(fn.second().text == row.d2f);
  }
}

TEST_CASE("LaTeX of f' for a post", "[printing]") {
  for (const TypesetRow& row : kLatex) {
    INFO("input: " << row.text);
    CHECK(Function::parse(row.text).derivative().latex == row.latexOfDf);
  }
}

TEST_CASE("LaTeX of f uses named functions, \\left( and \\frac", "[printing]") {
  CHECK(Function::parse("x^4 - 3x^2 + 2").printed().latex == "x^{4} - 3x^{2} + 2");
  CHECK(Function::parse("sin(x)").printed().latex == "\\sin\\left(x\\right)");
  CHECK(Function::parse("abs(x)").printed().latex == "\\left|x\\right|");
  CHECK(Function::parse("cbrt(x)").printed().latex == "\\sqrt[3]{x}");
  CHECK(Function::parse("log10(x)").printed().latex == "\\log_{10}\\left(x\\right)");
  CHECK(Function::parse("relu(x)").printed().latex == "\\operatorname{relu}\\left(x\\right)");
  CHECK_THAT(Function::parse("x/(x+1)").printed().latex, Contains("\\frac{x}{x + 1}"));
}

TEST_CASE("MathML is a <math> element with numbers, names and operators marked up", "[printing]") {
  Function fn = Function::parse("x^4 - 3x^2 + 2");
  for (const std::string& mathml : {fn.printed().mathml, fn.derivative().mathml, fn.second().mathml}) {
    CHECK_THAT(mathml, StartsWith("<math"));
    CHECK_THAT(mathml, Contains("</math>"));
  }
  CHECK_THAT(fn.derivative().mathml, Contains("<mn>4</mn>"));
  CHECK_THAT(fn.derivative().mathml, Contains("<msup><mi>x</mi><mrow><mn>3</mn></mrow></msup>"));
  CHECK_THAT(fn.derivative().mathml, Contains("<mo>&#x2212;</mo>"));  // a true minus sign
  CHECK_THAT(Function::parse("sqrt(x)").derivative().mathml, Contains("<mfrac>"));
  CHECK_THAT(Function::parse("sqrt(x)").printed().mathml, Contains("<msqrt><mi>x</mi></msqrt>"));
  CHECK_THAT(Function::parse("sin(x)").printed().mathml, Contains("<mi>sin</mi>"));
  CHECK_THAT(Function::parse("0.5*(0.75*x-1.2)^4").derivative().mathml, Contains("<mn>0.75</mn>"));
}

TEST_CASE("printing the printed text again changes nothing", "[printing][round-trip]") {
  for (const PrintedRow& row : kText) {
    for (const char* printed : {row.f, row.df, row.d2f}) {
      INFO("input: " << row.text << ", printed: " << printed);
      CHECK(Function::parse(printed).printed().text == printed);
    }
  }
}

// A decimal typed by the student stays the decimal they typed, whatever its size.
TEST_CASE("decimals with many digits stay decimals", "[printing]") {
  CHECK(Function::parse("123456789.123*x").printed().text == "123456789.123*x");
  CHECK(Function::parse("123456789.123*x").derivative().text == "123456789.123");
}

// A rational exponent typed as a fraction reads as one in f' and f'', not as a 17-digit decimal.
TEST_CASE("fractional exponents of f stay fractions in f' and f''", "[printing]") {
  Function fn = Function::parse("x^(2/3)");
  CHECK(fn.derivative().text == "2/(3*x^(1/3))");
  CHECK(fn.second().text == "-2/(9*x^(4/3))");
  CHECK_THAT(Function::parse("(x^2 + 1)^(1/3)").second().text, !Contains("0.666666"));
}

// Arithmetic on typed decimals should not show binary rounding noise a student never typed.
TEST_CASE("sums of typed decimals print without rounding noise", "[printing]") {
  CHECK(Function::parse("x*0.1 + 0.2*x").printed().text == "0.3*x");
  CHECK(Function::parse("x^0.1").second().text == "-0.09/x^1.9");
}
