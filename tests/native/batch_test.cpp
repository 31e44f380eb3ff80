// The batch calls against the one-point calls: over a table of functions touching every instruction and
// every builtin, at points that include NaN, the infinities, signed zeros, subnormals and domain errors,
// each lane of Function::value/slope/at over an array must be bit for bit what the one-point call gives
// at that x, for array lengths around the block size. A NaN matches any NaN: neither IEEE 754 nor C++
// fixes the sign and payload an operation on two NaNs returns, and the compiler may order the operands
// of a + b or a * b differently in a loop than in a single evaluation.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "expr/derivative.hpp"
#include "expr/function.hpp"
#include "expr/parser.hpp"
#include "expr/program.hpp"
#include "expr/simplifier.hpp"

using descent::Function;

namespace {

const char* const kFunctions[] = {
    "x",
    "3",
    "-x",
    "x^4 - 3x^2 + 2",
    "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2",
    "sin(x)*exp(-x^2/4)",
    "sigmoid(x) + softplus(x - 1) - 0.5*x",
    "1 - 0.5x + 0.25x^2 + 2x^3 - 1.5x^4 + 0.3x^5 - 0.2x^6 + 0.1x^7 + 0.05x^8 - 0.04x^9 + 0.03x^10 - 0.02x^11 "
    "+ "
    "0.01x^12",
    "sin(x) + cos(x) + tan(x)",
    "asin(x) + acos(x/2) + atan(x)",
    "sinh(x) - cosh(x) * tanh(x)",
    "exp(x) + log(x) + log2(x) + log10(x)",
    "sqrt(x) + cbrt(x) + abs(x)",
    "sign(x) + step(x) + relu(x)",
    "x * sign(x - 1) + relu(x + 1) * step(x)",
    "x^x",
    "2^x",
    "e^(x^2)",
    "x^0.5 + x^-1.5",
    "x^-3",
    "1/x",
    "3/(x^2 + 1)",
    "x/(x - 1)",
    "(x + 1)/(x - 2)^2",
    "x^64 + x^65",
    "x^7 - x^5 + x^3 - x",
    "-0.5*x*sin(x)*cos(x)*exp(x)",
    "log(x^2 + 1) * sqrt(abs(x))",
    "sin(sin(sin(x)))",
    "exp(-x) * (x^2 - 4) / (1 + exp(x))",
    "tanh(3x) - sigmoid(-2x) + softplus(2x)",
    "pi*x^2 - e*x",
    "log(-x^2 - 1)",
    "sqrt(-1 - x^2) + x",
    "1e308*x*x",
    "x/0.0000001",
    "abs(x - 1) + abs(x + 1)",
    "(sin(x) + 1)^3 * (cos(x) - 2)^2",
    "x^2*log(x) - x*log(x)^2",
    "atan(1/x)",
    "1 + x + x^2/2 + x^3/6 + x^4/24 + x^5/120 + x^6/720 + x^7/5040 + x^8/40320 + x^9/362880 - 7",
    "sin(x) - sin(2x) + sin(3x) - sin(4x) + sin(5x) - sin(6x) + sin(7x) - sin(8x) + sin(9x)",
};

std::vector<double> specialPoints() {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {
      0.0,  -0.0,    1.0,   -1.0,   0.5,   -2.5,   3.0,    2.0,   1.5707963267948966,
      1e-8, -1e-300, 1e300, -1e308, 700.0, 710.0,  -745.0, 50.0,  std::numeric_limits<double>::denorm_min(),
      inf,  -inf,    nan,   -nan,   0.999, -0.999, 1.001,  100.0, -37.5};
}

// The special points, then a spread of ordinary ones.
std::vector<double> pointsOf(std::size_t n) {
  const std::vector<double> special = specialPoints();
  std::vector<double> xs(n);
  std::uint64_t state = 88172645463325252ull;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 3 == 0) {
      xs[i] = special[(i / 3) % special.size()];
    } else {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      xs[i] = -6 + 12 * static_cast<double>(state >> 11) / 9007199254740992.0;
    }
  }
  return xs;
}

std::uint64_t bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

bool same(double a, double b) { return bits(a) == bits(b) || (std::isnan(a) && std::isnan(b)); }

// Mismatches of the batch results against the one-point calls, described for the failure message.
struct Compare {
  std::string first;
  std::size_t count = 0;
  void check(const char* what, const std::string& text, double x, double batch, double single) {
    if (same(batch, single)) return;
    if (count++ == 0)
      first = text + ": " + what + " at x = " + std::to_string(x) + " batch " + std::to_string(batch) +
              " one " + std::to_string(single);
  }
};

const std::size_t kLengths[] = {0, 1, 2, 3, 5, 127, 128, 129, 255, 256, 257, 1000, 1024};

}  // namespace

TEST_CASE("batch f, f' and f'' are bit for bit the one-point results", "[batch]") {
  std::size_t lanesChecked = 0;
  for (const char* text : kFunctions) {
    const Function fn = Function::parse(text);
    for (std::size_t n : kLengths) {
      const std::vector<double> xs = pointsOf(n);
      const double canary = -12345.5;
      std::vector<double> f(n + 1, canary), sf(n + 1, canary), sdf(n + 1, canary), af(n + 1, canary),
          adf(n + 1, canary), ad2f(n + 1, canary);
      fn.value(xs.data(), n, f.data());
      fn.slope(xs.data(), n, sf.data(), sdf.data());
      fn.at(xs.data(), n, af.data(), adf.data(), ad2f.data());
      Compare compare;
      for (std::size_t i = 0; i < n; ++i) {
        const double x = xs[i];
        const descent::Slope s = fn.slope(x);
        const descent::Values v = fn.at(x);
        compare.check("value f", text, x, f[i], fn.value(x));
        compare.check("slope f", text, x, sf[i], s.f);
        compare.check("slope f'", text, x, sdf[i], s.df);
        compare.check("at f", text, x, af[i], v.f);
        compare.check("at f'", text, x, adf[i], v.df);
        compare.check("at f''", text, x, ad2f[i], v.d2f);
        ++lanesChecked;
      }
      INFO(text << ", n = " << n << ": " << compare.first);
      CHECK(compare.count == 0);
      // Nothing past the n-th point is written.
      for (const auto* out : {&f, &sf, &sdf, &af, &adf, &ad2f}) CHECK(bits(out->back()) == bits(canary));
    }
  }
  CHECK(lanesChecked > 100'000);
}

TEST_CASE("batch results land in x itself when asked", "[batch]") {
  const Function fn = Function::parse("sin(x)*exp(-x^2/4) + x^3");
  std::vector<double> xs = pointsOf(300), expected(xs.size()), slopes(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) expected[i] = fn.value(xs[i]);
  std::vector<double> inPlace = xs;
  fn.value(inPlace.data(), inPlace.size(), inPlace.data());
  for (std::size_t i = 0; i < xs.size(); ++i) CHECK(same(inPlace[i], expected[i]));
  inPlace = xs;
  fn.slope(inPlace.data(), inPlace.size(), inPlace.data(), slopes.data());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    CHECK(same(inPlace[i], expected[i]));
    CHECK(same(slopes[i], fn.slope(xs[i]).df));
  }
  inPlace = xs;
  std::vector<double> values(xs.size()), seconds(xs.size());
  fn.at(inPlace.data(), inPlace.size(), values.data(), seconds.data(), inPlace.data());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    CHECK(same(values[i], expected[i]));
    CHECK(same(seconds[i], fn.at(xs[i]).df));
    CHECK(same(inPlace[i], fn.at(xs[i]).d2f));
  }
}

TEST_CASE("large programs run in smaller blocks, still bit for bit", "[batch]") {
  // A sum of many shifted sines: hundreds of registers, then so many that the block shrinks to its least.
  for (int terms : {150, 3000}) {
    std::vector<descent::Tree> sum{descent::variable()};
    for (int k = 1; k <= terms; ++k)
      sum.push_back(
          descent::call(descent::Builtin::sin, descent::add(descent::variable(), descent::number(k / 7.0))));
    const descent::Tree f = descent::simplify(descent::add(sum));
    const descent::Tree df = descent::simplify(descent::differentiate(f));
    const descent::Program program = descent::Program::compile({f, df});
    INFO(terms << " terms, " << program.instructionCount() << " instructions, " << program.lanes()
               << " lanes");
    CHECK(program.lanes() < 128);
    CHECK(program.lanes() >= 4);
    if (terms == 3000) CHECK(program.lanes() == 4);
    const std::vector<double> xs = pointsOf(3 * program.lanes() + 1);
    std::vector<double> fs(xs.size()), dfs(xs.size());
    program.slope(xs.data(), xs.size(), fs.data(), dfs.data());
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const descent::Slope s = program.slope(xs[i]);
      mismatches += !same(fs[i], s.f) || !same(dfs[i], s.df);
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("a copied program evaluates batches on its own rows", "[batch]") {
  const Function original = Function::parse("x^3 - 2x");
  std::vector<double> xs = pointsOf(200), a(xs.size()), b(xs.size());
  original.value(xs.data(), xs.size(), a.data());
  const Function copy = original;
  copy.value(xs.data(), xs.size(), b.data());
  for (std::size_t i = 0; i < xs.size(); ++i) CHECK(same(a[i], b[i]));
}

TEST_CASE("sin and cos of one argument are the library's own sin and cos", "[batch]") {
  // f = sin(x) has f' = cos(x): the program computes them together, the compiler may make that one sincos
  // call. Each must still be what sin and cos called on their own return.
  double (*volatile sine)(double) = [](double x) { return std::sin(x); };
  double (*volatile cosine)(double) = [](double x) { return std::cos(x); };
  const Function fn = Function::parse("sin(x)");
  std::vector<double> xs = pointsOf(20'000);
  for (double big : {1e6, 1e22, 1e300, 3.141592653589793 * 1e9}) xs.push_back(big);
  std::vector<double> f(xs.size()), df(xs.size());
  fn.slope(xs.data(), xs.size(), f.data(), df.data());
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const descent::Slope s = fn.slope(xs[i]);
    const double expectedSin = sine(xs[i]), expectedCos = cosine(xs[i]);
    mismatches += !same(s.f, expectedSin) + !same(s.df, expectedCos) + !same(f[i], expectedSin) +
                  !same(df[i], expectedCos);
  }
  CHECK(mismatches == 0);
}
