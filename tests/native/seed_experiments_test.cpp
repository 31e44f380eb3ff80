// The experiments of the two seed posts, checked against float64 values computed independently (a plain
// loop with hand-written f' in Python and again below), not against the posts' printed output.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <vector>

#include "expr/function.hpp"
#include "optim/run.hpp"

using descent::Function;
using namespace descent::optim;

namespace {

Trajectory gradientDescent(const char* expression, double x0, double eta, long long steps) {
  RunSettings settings;
  settings.x0 = x0;
  settings.eta = eta;
  settings.steps = steps;
  return run(Function::parse(expression), settings);
}

// x_{k+1} = x_k - eta f'(x_k), stopping at the first non-finite x.
std::vector<double> handLoop(const std::function<double(double)>& df, double x0, double eta, int steps) {
  std::vector<double> xs{x0};
  for (int k = 0; k < steps && std::isfinite(xs.back()); ++k) xs.push_back(xs.back() - eta * df(xs.back()));
  return xs;
}

void requireSamePath(const Trajectory& path, const std::vector<double>& expected) {
  REQUIRE(path.x.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    INFO("k = " << k);
    CHECK(path.x[k] == Approx(expected[k]).epsilon(1e-12).margin(1e-12));
  }
}

}  // namespace

TEST_CASE("seed 000: (x-2)^2 from -1 with eta 0.1 walks to 2 with ratio 0.8", "[seed]") {
  Trajectory path = gradientDescent("(x-2)^2", -1, 0.1, 20);
  REQUIRE(path.status == StopReason::maxSteps);
  REQUIRE(path.stoppedAt == 20);
  CHECK(path.x[1] == Approx(-0.3999999999999999).epsilon(1e-15));
  CHECK(path.x[2] == Approx(0.08000000000000007).epsilon(1e-14));
  CHECK(path.x[20] == Approx(1.9654123548617946).epsilon(1e-14));  // 2 - 3 * 0.8^20
  CHECK(path.f[20] == Approx(0.001196305196206427).epsilon(1e-12));
  requireSamePath(path, handLoop([](double x) { return 2 * (x - 2); }, -1, 0.1, 20));
}

TEST_CASE("seed 000: the double well traps a small step and lets a large one through", "[seed]") {
  const char* well = "0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2";
  auto slope = [](double x) {
    double u = 0.75 * x - 1.2, w = 0.75 * x - 1;
    return 0.5 * 4 * u * u * u * 0.75 - 2 * 2 * w * 0.75;
  };

  Trajectory small = gradientDescent(well, -1, 0.1, 20);
  CHECK(small.x[20] == Approx(-0.13469412247847531).epsilon(1e-12));
  CHECK(small.f[20] == Approx(1.0080470769491048).epsilon(1e-12));
  requireSamePath(small, handLoop(slope, -1, 0.1, 20));

  // eta = 0.4 jumps the hump and then hops between two sides of the right-hand minimum.
  Trajectory large = gradientDescent(well, -1, 0.4, 20);
  CHECK(large.x[19] == Approx(3.835933412076753).epsilon(1e-12));
  CHECK(large.x[20] == Approx(3.2587608462664774).epsilon(1e-12));
  CHECK(large.f[20] == Approx(-0.9729741745575344).epsilon(1e-12));
  requireSamePath(large, handLoop(slope, -1, 0.4, 20));
}

TEST_CASE("seed 001: x^4 - 3x^2 + 2 from -2.5 with three step sizes over 40 steps", "[seed]") {
  const char* quartic = "x^4 - 3x^2 + 2";
  auto slope = [](double x) { return 4 * x * x * x - 6 * x; };

  SECTION("eta = 0.01 is still crawling toward the left minimum") {
    Trajectory path = gradientDescent(quartic, -2.5, 0.01, 40);
    CHECK(path.status == StopReason::maxSteps);
    CHECK(path.x[40] == Approx(-1.2271356035003107).epsilon(1e-12));
    CHECK(path.f[40] == Approx(-0.24996563942528693).epsilon(1e-12));
    requireSamePath(path, handLoop(slope, -2.5, 0.01, 40));
  }
  SECTION("eta = 0.1 reaches the left minimum -sqrt(1.5), where f = -0.25") {
    Trajectory path = gradientDescent(quartic, -2.5, 0.1, 40);
    CHECK(path.status == StopReason::maxSteps);
    CHECK(path.x[40] == Approx(-1.224744871391589).epsilon(1e-14));
    CHECK(path.x[40] == Approx(-std::sqrt(1.5)).epsilon(1e-14));
    CHECK(path.f[40] == Approx(-0.25).epsilon(1e-14));
    requireSamePath(path, handLoop(slope, -2.5, 0.1, 40));
  }
  SECTION("eta = 0.5 overflows: f(x_5) is infinite, so the run stops as diverged at step 5") {
    Trajectory path = gradientDescent(quartic, -2.5, 0.5, 40);
    CHECK(path.status == StopReason::diverged);
    CHECK(path.stoppedAt == 5);
    REQUIRE(path.x.size() == 6);
    CHECK(path.x[1] == 21.25);
    CHECK(path.x[2] == -19106.40625);
    CHECK(path.x[3] == Approx(13949769011663.678).epsilon(1e-12));
    CHECK(path.x[5] == Approx(3.200539046801639e+119).epsilon(1e-10));
    CHECK(std::isinf(path.f[5]));
  }
}
