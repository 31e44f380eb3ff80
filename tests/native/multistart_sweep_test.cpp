// Many runs at once: random starts (reproducible from a seed on every platform) and step-size sweeps.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "expr/function.hpp"
#include "optim/multistart.hpp"
#include "optim/sweep.hpp"

using descent::Function;
using namespace descent::optim;

TEST_CASE("splitmix64 gives the reference sequence, so starts agree natively and in WebAssembly",
          "[multistart]") {
  SplitMix64 random(1);
  CHECK(random.next() == 0x910a2dec89025cc1ULL);
  CHECK(random.next() == 0xbeeb8da1658eec67ULL);
  CHECK(random.next() == 0xf893a2eefb32555eULL);
  // a + (b - a) * ((u >> 11) * 2^-53), worked out in Python from the same three numbers.
  CHECK(randomStarts(-3, 3, 3, 1) ==
        std::vector<double>{0.39936945103368515, 1.474690543576207, 2.8260165215207778});
}

TEST_CASE("starts are reproducible from a seed and lie between a and b", "[multistart]") {
  std::vector<double> first = randomStarts(-3, 3, 1000, 42);
  CHECK(first == randomStarts(-3, 3, 1000, 42));
  CHECK(first != randomStarts(-3, 3, 1000, 43));
  for (double x : first) {
    CHECK(x >= -3);
    CHECK(x < 3);
  }
}

TEST_CASE("multistart on seed 001's quartic: each run ends where a single run from its start ends",
          "[multistart]") {
  Function fn = Function::parse("x^4 - 3x^2 + 2");
  MultiStartSettings settings;
  settings.a = -3;
  settings.b = 3;
  settings.count = 50;
  settings.seed = 7;
  settings.run.eta = 0.01;
  settings.run.steps = 2000;
  MultiStartResult result = multiStart(fn, settings);
  REQUIRE(result.x0.size() == 50);
  REQUIRE(result.final.size() == 50);
  REQUIRE(result.status.size() == 50);
  CHECK(result.x0 == randomStarts(-3, 3, 50, 7));
  for (std::size_t i = 0; i < result.x0.size(); ++i) {
    INFO("start " << result.x0[i]);
    RunSettings single = settings.run;
    single.x0 = result.x0[i];
    Trajectory path = run(fn, single);
    CHECK(result.final[i] == path.x.back());
    CHECK(result.status[i] == path.status);
    // A small step keeps each run in the well it starts in.
    CHECK(std::abs(result.final[i]) == Approx(std::sqrt(1.5)).epsilon(1e-9));
    CHECK(std::signbit(result.final[i]) == std::signbit(result.x0[i]));
  }
}

TEST_CASE("multistart refuses bad ranges, counts and workloads", "[multistart]") {
  Function fn = Function::parse("x^2");
  MultiStartSettings settings;
  settings.run.steps = 10;
  settings.count = 0;
  CHECK_THROWS_AS(multiStart(fn, settings), SettingsError);
  settings.count = kMaxStarts + 1;
  CHECK_THROWS_AS(multiStart(fn, settings), SettingsError);
  settings.count = 10;
  settings.a = 1, settings.b = -1;
  CHECK_THROWS_AS(multiStart(fn, settings), SettingsError);
  settings.a = -1, settings.b = 1;
  settings.run.eta = 0;
  CHECK_THROWS_AS(multiStart(fn, settings), SettingsError);
  settings.run.eta = 0.1;
  settings.count = kMaxStarts;
  settings.run.steps = kMaxSteps;
  CHECK_THROWS_WITH(multiStart(fn, settings), Catch::Matchers::Contains("count times steps"));
}

TEST_CASE("a sweep returns keep iterates per step size, NaN once a run has left", "[sweep]") {
  Function fn = Function::parse("x^2");  // gradient descent converges for eta < 1 and diverges above
  SweepSettings settings;
  settings.x0 = 1;
  settings.etaMin = 0.1;
  settings.etaMax = 1.9;
  settings.count = 10;
  settings.scale = SweepScale::linear;
  settings.burnIn = 1000;
  settings.keep = 4;
  SweepResult result = sweep(fn, settings);
  REQUIRE(result.eta.size() == 10);
  REQUIRE(result.x.size() == 40);
  REQUIRE(result.status.size() == 10);
  CHECK(result.keep == 4);
  for (int i = 0; i < 10; ++i) {
    double eta = result.eta[i];
    INFO("eta " << eta);
    CHECK(eta == Approx(0.1 + 0.2 * i).epsilon(1e-15));
    for (int j = 0; j < 4; ++j) {
      double x = result.x[i * 4 + j];
      if (eta < 1) {
        CHECK(x == Approx(0).margin(1e-12));
      } else if (eta == Approx(1.1)) {
        CHECK(std::abs(x) > 1e10);  // |x| grows by 1.2 per step: 1.2^1000 = 1e79: large, not yet infinite
      } else if (eta > 1.2) {
        CHECK(std::isnan(x));
      }
    }
    CHECK(result.status[i] == (eta > 1.2 ? StopReason::diverged : StopReason::maxSteps));
  }
}

TEST_CASE("a sweep can be computed column by column, for progress and cancelling", "[sweep]") {
  Function fn = Function::parse("x^4 - 3x^2 + 2");
  SweepSettings settings;
  settings.x0 = -2.5;
  settings.etaMin = 0.001;
  settings.etaMax = 0.1;
  settings.count = 5;
  settings.burnIn = 500;
  settings.keep = 3;
  Sweep plan(fn, settings);
  SweepResult whole = sweep(fn, settings);
  // Log spacing: 0.001, 0.00316.., 0.01, 0.0316.., 0.1.
  CHECK(plan.eta(0) == 0.001);
  CHECK(plan.eta(2) == Approx(0.01).epsilon(1e-14));
  CHECK(plan.eta(4) == 0.1);
  std::vector<double> column(3);
  for (int i = 0; i < plan.count(); ++i) {
    CHECK(plan.column(i, column.data()) == whole.status[i]);
    for (int j = 0; j < 3; ++j) CHECK(column[j] == whole.x[i * 3 + j]);
  }
  // The kept iterates are x_500, x_501, x_502 of an ordinary run.
  RunSettings single;
  single.x0 = -2.5;
  single.eta = plan.eta(1);
  single.steps = 502;
  Trajectory path = run(fn, single);
  CHECK(whole.x[3] == path.x[500]);
  CHECK(whole.x[5] == path.x[502]);
  // Small step sizes all settle in the left-hand minimum.
  for (int i = 1; i < 5; ++i) CHECK(whole.x[i * 3 + 2] == Approx(-std::sqrt(1.5)).epsilon(1e-6));
}

TEST_CASE("sweeps refuse bad step-size ranges and too much work", "[sweep]") {
  Function fn = Function::parse("x^2");
  SweepSettings settings;
  settings.etaMin = 0;
  CHECK_THROWS_AS(Sweep(fn, settings), SettingsError);
  settings.etaMin = 2, settings.etaMax = 1;
  CHECK_THROWS_AS(Sweep(fn, settings), SettingsError);
  settings.etaMin = 0.1;
  settings.count = 0;
  CHECK_THROWS_AS(Sweep(fn, settings), SettingsError);
  settings.count = 1000;
  settings.keep = 0;
  CHECK_THROWS_AS(Sweep(fn, settings), SettingsError);
  settings.keep = 100;
  settings.burnIn = 1'000'000;
  CHECK_THROWS_WITH(Sweep(fn, settings),
                    Catch::Matchers::Contains("count * (burnIn + keep) must be at most"));
}
