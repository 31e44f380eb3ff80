// The run loop: how many points a run returns, why it stops, and which settings it refuses.
#include "optim/run.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "expr/function.hpp"

using Catch::Matchers::Contains;
using descent::Function;
using namespace descent::optim;

namespace {

RunSettings settings(double x0, double eta, long long steps, Method method = Method::gd) {
  RunSettings s;
  s.x0 = x0;
  s.eta = eta;
  s.steps = steps;
  s.method = method;
  return s;
}

}  // namespace

TEST_CASE("N steps give N+1 points with f and f' at each", "[run]") {
  Function fn = Function::parse("x^2");
  for (long long steps : {0, 1, 7, 100}) {
    Trajectory path = run(fn, settings(3, 0.1, steps));
    CHECK(path.x.size() == static_cast<std::size_t>(steps) + 1);
    CHECK(path.f.size() == path.x.size());
    CHECK(path.df.size() == path.x.size());
    CHECK(path.stoppedAt == static_cast<std::size_t>(steps));
    CHECK(path.status == StopReason::maxSteps);
    CHECK(path.x[0] == 3);
    CHECK(path.f[0] == 9);
    CHECK(path.df[0] == 6);
  }
}

TEST_CASE("stop reasons have the names the page and the CLI print", "[run]") {
  CHECK(std::string(nameOf(StopReason::maxSteps)) == "max-steps");
  CHECK(std::string(nameOf(StopReason::converged)) == "converged");
  CHECK(std::string(nameOf(StopReason::diverged)) == "diverged");
  CHECK(std::string(nameOf(StopReason::undefined)) == "undefined");
}

TEST_CASE("a run stops where it must, and includes the point where it stopped", "[run]") {
  struct Row {
    const char* expression;
    double x0, eta;
    StopReason status;
    std::size_t stoppedAt;
    const char* why;
  };
  const Row table[] = {
      {"x^2", 1, 1.5, StopReason::diverged, 512, "x_k = (-2)^k, so f = 4^k overflows at k = 512"},
      {"-x", 0, 1e307, StopReason::diverged, 18, "a line downhill: x_k = k*1e307 overflows at k = 18"},
      {"x^4 - 3x^2 + 2", -2.5, 1, StopReason::diverged, 5,
       "overflow, not a domain: at x_5 = 9.6e157, f = inf - inf is NaN beside f' = inf"},
      {"log(x)", -1, 0.1, StopReason::undefined, 0, "log is undefined at the start already"},
      {"sqrt(x)", 1, 3, StopReason::undefined, 1, "x_1 = 1 - 3*(1/2) = -0.5 is outside sqrt's domain"},
      {"x^2", 1, 0.5, StopReason::maxSteps, 5000, "eta = 1/f'' lands on 0 at once and stays"},
  };
  for (const Row& row : table) {
    INFO(row.expression << " from " << row.x0 << " with eta " << row.eta << ": " << row.why);
    Trajectory path = run(Function::parse(row.expression), settings(row.x0, row.eta, 5000));
    CHECK(nameOf(path.status) == std::string(nameOf(row.status)));
    CHECK(path.stoppedAt == row.stoppedAt);
    CHECK(path.x.size() == row.stoppedAt + 1);
  }
}

TEST_CASE("where the run stops, the recorded point shows why", "[run]") {
  Trajectory overflow = run(Function::parse("-x"), settings(0, 1e307, 100));
  CHECK(std::isinf(overflow.x.back()));
  Trajectory outside = run(Function::parse("sqrt(x)"), settings(1, 3, 100));
  CHECK(outside.x.back() == -0.5);
  CHECK(std::isnan(outside.f.back()));
}

TEST_CASE("a tolerance stops the run as converged once |f'| <= tolerance", "[run]") {
  // (x-2)^2 from -1 with eta 0.1: f'(x_k) = -6 * 0.8^k, and 6 * 0.8^k <= 1e-3 first at k = 39.
  RunSettings s = settings(-1, 0.1, 1000);
  s.tolerance = 1e-3;
  Trajectory path = run(Function::parse("(x-2)^2"), s);
  CHECK(path.status == StopReason::converged);
  CHECK(path.stoppedAt == 39);
  CHECK(std::abs(path.df.back()) <= 1e-3);
  CHECK(std::abs(path.df[38]) > 1e-3);

  SECTION("without a tolerance the same run goes on to max-steps") {
    s.tolerance.reset();
    CHECK(run(Function::parse("(x-2)^2"), s).status == StopReason::maxSteps);
  }
  SECTION("a start that is already stationary converges at step 0") {
    s.x0 = 2;
    Trajectory still = run(Function::parse("(x-2)^2"), s);
    CHECK(still.status == StopReason::converged);
    CHECK(still.stoppedAt == 0);
  }
}

TEST_CASE("invalid settings are refused with a message that says why", "[run]") {
  Function fn = Function::parse("x^2");
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  struct Row {
    RunSettings settings;
    const char* message;
  };
  auto with = [](auto change) {
    RunSettings s = settings(1, 0.1, 10);
    change(s);
    return s;
  };
  const Row table[] = {
      {with([&](RunSettings& s) { s.x0 = nan; }),
       "x0 = nan is out of range: the start must be a finite number"},
      {with([&](RunSettings& s) { s.x0 = inf; }),
       "x0 = inf is out of range: the start must be a finite number"},
      {with([](RunSettings& s) { s.eta = 0; }),
       "eta = 0 is out of range: the step size must satisfy 0 < eta"},
      {with([](RunSettings& s) { s.eta = -0.1; }),
       "eta = -0.1 is out of range: the step size must satisfy 0 < eta"},
      {with([&](RunSettings& s) { s.eta = inf; }),
       "eta = inf is out of range: the step size must satisfy 0 < eta"},
      {with([](RunSettings& s) { s.steps = -1; }),
       "steps = -1 is out of range: the number of steps must be a whole number with 0 <= steps <= 1000000"},
      {with([](RunSettings& s) { s.steps = kMaxSteps + 1; }),
       "steps = 1000001 is out of range: the number of steps must be a whole number with 0 <= steps <= "
       "1000000"},
      {with([](RunSettings& s) { s.tolerance = -1; }),
       "tolerance = -1 is out of range: the tolerance must satisfy 0 <= tolerance"},
      {with([&](RunSettings& s) { s.tolerance = nan; }),
       "tolerance = nan is out of range: the tolerance must satisfy 0 <= tolerance"},
      {with([](RunSettings& s) { s.method = Method::momentum, s.hyper.beta = 1; }),
       "beta = 1 is out of range for momentum: the velocity decay must satisfy 0 <= beta < 1"},
      {with([](RunSettings& s) { s.method = Method::adam, s.hyper.beta2 = -0.5; }),
       "beta2 = -0.5 is out of range for adam"},
      {with([](RunSettings& s) { s.method = Method::rmsprop, s.hyper.alpha = 0; }),
       "the square-average decay must satisfy 0 < alpha < 1"},
      {with([](RunSettings& s) { s.method = Method::adagrad, s.hyper.eps = 0; }),
       "eps = 0 is out of range for adagrad: the term added to the denominator must satisfy 0 < eps"},
      {with([](RunSettings& s) { s.method = Method::armijo, s.hyper.shrink = 1; }), "0 < shrink < 1"},
      {with([](RunSettings& s) { s.method = Method::armijo, s.hyper.c = 1.5; }), "0 < c < 1"},
  };
  for (const Row& row : table) {
    INFO(row.message);
    CHECK_THROWS_AS(run(fn, row.settings), SettingsError);
    CHECK_THROWS_WITH(run(fn, row.settings), Contains(row.message));
    // The error names the setting its message starts with, so a form can show it on that field.
    try {
      run(fn, row.settings);
    } catch (const SettingsError& error) {
      const std::string message = error.what();
      CHECK(message.compare(0, error.setting().size() + 3, error.setting() + " = ") == 0);
    }
  }
}
