// How f, f' and f'' read once printed: plain text as a person writes it (the rows of
// tests/tables/expressions.tsv), LaTeX for a post and MathML for the page.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "tables.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using descent::Function;

namespace {

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

TEST_CASE("f, f' and f'' print as the expression table says", "[printing]") {
  for (const descent_test::ExpressionRow& row : descent_test::expressionRows()) {
    INFO("expressions.tsv line " << row.line << ": " << row.input);
    const Function fn = Function::parse(row.input);
    const descent::Printed* printed[] = {&fn.printed(), &fn.derivative(), &fn.second()};
    for (int order = 0; order < 3; ++order) {
      if (row.printed[order] != "-") CHECK(printed[order]->text == row.printed[order]);
    }
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

// Brackets stretch only around something taller than text, and a bracketed or numeric base of a power is
// x-high, so its exponent sits where one on x does (Chromium without a maths font raises it otherwise).
TEST_CASE("MathML keeps brackets around flat terms unstretched and their exponents level", "[printing]") {
  const std::string power = Function::parse("(x-1)^4").printed().mathml;
  CHECK_THAT(power, Contains("<msup><mpadded height=\"1ex\"><mrow><mo stretchy=\"false\">(</mo>"));
  CHECK_THAT(Function::parse("sin(x)^2").printed().mathml, Contains("<msup><mpadded height=\"1ex\">"));
  CHECK_THAT(Function::parse("2^x").printed().mathml, Contains("<msup><mpadded height=\"1ex\"><mn>2</mn></mpadded>"));
  CHECK_THAT(Function::parse("x^2").printed().mathml, Contains("<msup><mi>x</mi>"));
  CHECK_THAT(Function::parse("abs(x-1)").printed().mathml, Contains("<mo stretchy=\"false\">|</mo>"));
  const std::string tall = Function::parse("(sqrt(x)+1)^2").printed().mathml;
  CHECK_THAT(tall, Contains("<msup><mrow><mo>(</mo>"));
  CHECK_THAT(tall, !Contains("mpadded"));
  CHECK_THAT(Function::parse("exp(1/x)").printed().mathml, Contains("<mrow><mo>(</mo><mfrac>"));
}

// Printed text parses back to the same function, and printing that again changes nothing.
TEST_CASE("f, f' and f'' of every row round-trip through their printed text", "[printing][round-trip]") {
  for (const descent_test::ExpressionRow& row : descent_test::expressionRows()) {
    const Function fn = Function::parse(row.input);
    for (int order = 0; order < 3; ++order) {
      const std::string& text = row.printed[order];
      if (text == "-") continue;
      INFO("expressions.tsv line " << row.line << ": " << row.input << ", derivative " << order << ": "
                                   << text);
      const Function again = Function::parse(text);
      CHECK(again.printed().text == text);
      for (double x : row.points) {
        const descent::Values engine = fn.at(x);
        const double expected = order == 0 ? engine.f : order == 1 ? engine.df : engine.d2f;
        INFO("x = " << x << ": " << again.value(x) << " != " << expected);
        CHECK(std::fabs(again.value(x) - expected) <= 1e-12 * std::fabs(expected) + 1e-300);
      }
    }
  }
}
