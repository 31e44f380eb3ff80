// Seeded gradient noise: standard normal draws from splitmix64 by the polar method, with a logarithm of
// descent's own, so a seed gives the same path natively and in WebAssembly (tests/node checks that side).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "expr/function.hpp"
#include "optim/random.hpp"
#include "optim/run.hpp"

using namespace descent::optim;

namespace {

RunSettings noisy(double sigma, std::uint64_t seed) {
  RunSettings settings;
  settings.x0 = -2.5;
  settings.eta = 0.01;
  settings.steps = 200;
  settings.noise = sigma;
  settings.seed = seed;
  return settings;
}

bool samePath(const Trajectory& a, const Trajectory& b) {
  return a.x.size() == b.x.size() && std::memcmp(a.x.data(), b.x.data(), a.x.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("descent's logarithm is within two units in the last place of the C library's", "[noise]") {
  SplitMix64 random(11);
  for (int i = 0; i < 100000; ++i) {
    const double s = random.uniform() + 0x1p-60;  // (0, 1), where the polar method needs it
    const double ours = naturalLog(s), theirs = std::log(s);
    INFO("ln " << s);
    CHECK(std::abs(ours - theirs) <= 2 * std::nextafter(std::abs(theirs), INFINITY) - 2 * std::abs(theirs));
  }
  CHECK(naturalLog(1) == 0);
  CHECK(std::abs(naturalLog(1e300) - std::log(1e300)) < 1e-12);
}

TEST_CASE("normal draws have mean 0 and variance 1 within statistical bounds", "[noise]") {
  constexpr int kDraws = 100000;
  NormalDraws draws(2024);
  double sum = 0, squares = 0, beyondTwo = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double z = draws.next();
    sum += z;
    squares += z * z;
    beyondTwo += std::abs(z) > 2;
  }
  const double mean = sum / kDraws, variance = squares / kDraws - mean * mean;
  // Five standard errors: 1/sqrt(n) for the mean, sqrt(2/n) for the variance, and for P(|z| > 2) =
  // 0.0455 the binomial's sqrt(p(1-p)/n).
  CHECK(std::abs(mean) < 5 / std::sqrt(kDraws));
  CHECK(std::abs(variance - 1) < 5 * std::sqrt(2.0 / kDraws));
  CHECK(std::abs(beyondTwo / kDraws - 0.0455) < 5 * std::sqrt(0.0455 * 0.9545 / kDraws));
}

TEST_CASE("noise: one seed one path, another seed another, σ = 0 the noiseless path to the bit", "[noise]") {
  const descent::Function fn = descent::Function::parse("x^4 - 3x^2 + 2");
  const Trajectory plain = run(fn, noisy(0, 1));
  CHECK(samePath(run(fn, noisy(0, 99)), plain));  // without noise the seed changes nothing
  const Trajectory first = run(fn, noisy(0.5, 1));
  CHECK(samePath(first, run(fn, noisy(0.5, 1))));
  CHECK_FALSE(samePath(first, run(fn, noisy(0.5, 2))));
  CHECK_FALSE(samePath(first, plain));
  // The loss and f' are the true ones at each x; g is what the optimizer saw.
  for (std::size_t k = 0; k < first.x.size(); ++k) {
    const descent::Slope slope = fn.slope(first.x[k]);
    CHECK(first.f[k] == slope.f);
    CHECK(first.df[k] == slope.df);
    CHECK(first.g[k] != first.df[k]);
  }
  for (std::size_t k = 0; k < plain.x.size(); ++k) CHECK(plain.g[k] == plain.df[k]);
}
