// Straight-line code (expr/straight_line.hpp) is what the WASM engine compiles to machine code, so it
// must compute exactly what the program computes: the table runs both over every kind of operation and
// compares the bits. The module writer (expr/wasm_code.hpp) is checked here for its framing and limit;
// tests/node/kernels.test.mjs runs the modules themselves against the program.
#include "expr/straight_line.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "expr/wasm_code.hpp"

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

bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

}  // namespace

TEST_CASE("straight-line code computes f, f' and f'' to the bit, as the program does", "[straight_line]") {
  const char* expressions[] = {
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
  };
  const double points[] = {-3.5,
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
  for (const char* text : expressions) {
    const Function fn = Function::parse(text);
    const StraightLine code = StraightLine::lower(fn.outputs(Function::Evaluation::at));
    REQUIRE(code.outputs.size() == 3);
    for (double x : points) {
      const auto got = evaluate(code, x);
      const auto want = fn.at(x);
      INFO(text << " at x = " << x << ": straight line " << got[0] << ", " << got[1] << ", " << got[2]
                << "; program " << want.f << ", " << want.df << ", " << want.d2f);
      CHECK(sameBits(got[0], want.f));
      CHECK(sameBits(got[1], want.df));
      CHECK(sameBits(got[2], want.d2f));
    }
  }
}

TEST_CASE("straight-line code computes each distinct operation once", "[straight_line]") {
  // x^4 - 3x^2 + 2 and 4x^3 - 6x share x*x; x^4 = (x*x)*(x*x), x^3 = (x*x)*x.
  const Function fn = Function::parse("x^4 - 3x^2 + 2");
  const StraightLine code = StraightLine::lower(fn.outputs(Function::Evaluation::slope));
  // f: x*x, (x*x)*(x*x), 3*(x*x), minus, plus 2; f': (x*x)*x, 4*that, 6*x, minus.
  CHECK(code.steps.size() == 9);
}

TEST_CASE("WebAssembly modules: framing, and a size past which the program runs instead", "[wasm_code]") {
  const Function fn = Function::parse("x^4 - 3x^2 + 2");
  const auto bytes = descent::toWasmModule(StraightLine::lower(fn.outputs(Function::Evaluation::slope)));
  REQUIRE(bytes.size() > 8);
  CHECK(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + 8) ==
        std::vector<std::uint8_t>{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});

  // 900 terms sin(k x): f, f' and f'' together take about 8 steps a term.
  std::string big = "0";
  for (int k = 1; k <= 900; ++k) big += "+sin(" + std::to_string(k) + "x)";
  const StraightLine large = StraightLine::lower(Function::parse(big).outputs(Function::Evaluation::at));
  REQUIRE(large.steps.size() > descent::kMaxWasmSteps);
  CHECK(descent::toWasmModule(large).empty());
}
