// Straight-line code (expr/straight_line.hpp) is the one internal form of f, f' and f''; the program
// (expr/program.hpp) folds its steps into fewer instructions and must still compute exactly what the steps
// compute. The rows of tests/tables/expressions.tsv tagged evaluators, which use every kind of operation,
// run through both at points that reach their edges, and the bits are compared.
#include "expr/straight_line.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "tables.hpp"

namespace {

using descent::Function;
using descent::StraightLine;

// The plainest evaluation of straight-line code: one register per value, one step at a time.
std::vector<double> evaluate(const StraightLine& code, double x) {
  std::vector<double> r = code.value;
  r[0] = x;
  for (std::size_t i = 0; i < code.steps.size(); ++i) {
    const StraightLine::Step& s = code.steps[i];
    double& out = r[code.target[i]];
    switch (s.code) {
      case StraightLine::Code::add:
        out = r[s.a] + r[s.b];
        break;
      case StraightLine::Code::subtract:
        out = r[s.a] - r[s.b];
        break;
      case StraightLine::Code::multiply:
        out = r[s.a] * r[s.b];
        break;
      case StraightLine::Code::divide:
        out = r[s.a] / r[s.b];
        break;
      case StraightLine::Code::negate:
        out = -r[s.a];
        break;
      case StraightLine::Code::pow:
        out = std::pow(r[s.a], r[s.b]);
        break;
      case StraightLine::Code::exp:
        out = std::exp(r[s.a]);
        break;
      case StraightLine::Code::call:
        out = descent::evaluate(s.builtin, r[s.a]);
        break;
    }
  }
  std::vector<double> outputs;
  for (auto reg : code.outputs) outputs.push_back(r[reg]);
  return outputs;
}

// A pole, overflow, infinity and NaN among ordinary points.
const double kEdgePoints[] = {-3.5,
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
bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

}  // namespace

TEST_CASE("straight-line code computes f, f' and f'' to the bit, as the program does", "[straight_line]") {
  int rows = 0;
  for (const descent_test::ExpressionRow& row : descent_test::expressionRows()) {
    if (!row.tagged("evaluators")) continue;
    ++rows;
    const std::string& text = row.input;
    const Function fn = Function::parse(text);
    const StraightLine& code = fn.code();
    REQUIRE(code.outputs.size() == 3);
    for (double x : kEdgePoints) {
      const auto got = evaluate(code, x);
      const auto want = fn.at(x);
      INFO(text << " at x = " << x << ": straight line " << got[0] << ", " << got[1] << ", " << got[2]
                << "; program " << want.f << ", " << want.df << ", " << want.d2f);
      CHECK(sameBits(got[0], want.f));
      CHECK(sameBits(got[1], want.df));
      CHECK(sameBits(got[2], want.d2f));
      // The programs for f alone, for f, f' and for f' alone run a part of the same code.
      CHECK(sameBits(fn.value(x), want.f));
      CHECK(sameBits(fn.slope(x).f, want.f));
      CHECK(sameBits(fn.slope(x).df, want.df));
      CHECK(sameBits(fn.df(x), want.df));
    }
  }
  CHECK(rows >= 25);
}

TEST_CASE("many points at once give each point's bits, whatever the number of points", "[straight_line]") {
  int rows = 0;
  for (const descent_test::ExpressionRow& row : descent_test::expressionRows()) {
    if (!row.tagged("evaluators")) continue;
    ++rows;
    const Function fn = Function::parse(row.input);
    // The edge points among ordinary ones, across more than one block of 64.
    std::vector<double> xs;
    for (int i = 0; i < 150; ++i)
      xs.push_back(i % 3 == 0 ? kEdgePoints[i / 3 % std::size(kEdgePoints)] : -4 + 0.0625 * i);
    for (std::size_t n : {0, 1, 2, 13, 64, 65, 150}) {
      std::vector<double> f(n + 1, 42), df(n + 1, 42);
      fn.values(xs.data(), f.data(), n);
      fn.slopes(xs.data(), df.data(), n);
      for (std::size_t i = 0; i < n; ++i) {
        INFO(row.input << " at x = " << xs[i] << ", " << n << " points");
        CHECK(sameBits(f[i], fn.value(xs[i])));
        CHECK(sameBits(df[i], fn.slope(xs[i]).df));
      }
      CHECK(f[n] == 42);  // nothing written past the n points
      CHECK(df[n] == 42);
    }
  }
  CHECK(rows >= 25);
}

TEST_CASE("straight-line code computes each distinct operation once", "[straight_line]") {
  // x^4 - 3x^2 + 2 and 4x^3 - 6x share x*x; x^4 = (x*x)*(x*x), x^3 = (x*x)*x.
  const Function fn = Function::parse("x^4 - 3x^2 + 2");
  const StraightLine& code = fn.code();
  // f: x*x, (x*x)*(x*x), 3*(x*x), minus, plus 2; f': (x*x)*x, 4*that, 6*x, minus; f'': 12*(x*x), minus 6.
  CHECK(code.steps.size() == 11);
}
