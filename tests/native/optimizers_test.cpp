// Every optimizer against its update rule written out by hand. Two checks per method:
//  - the rule applied to the recorded x_k and f'(x_k) gives the recorded x_{k+1} exactly (bit for bit, the
//    operation order being torch's), and
//  - a loop with hand-written f' = 4x^3 - 6x follows the same path to rounding.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <vector>

#include "expr/function.hpp"
#include "optim/run.hpp"

using descent::Function;
using namespace descent::optim;

namespace {

double quarticSlope(double x) { return 4 * x * x * x - 6 * x; }
double quarticValue(double x) { return x * x * x * x - 3 * x * x + 2; }

// One update rule: x_{k+1} from x_k and g = f'(x_k). Each call is one step; state lives in the closure.
using Rule = std::function<double(double x, double g)>;

struct Case {
  Method method;
  double eta;
  std::function<Rule()> makeRule;  // a fresh rule (fresh state) per use
};

const std::vector<Case>& cases() {
  static const std::vector<Case> table = {
      {Method::gd, 0.05, [] { return Rule([](double x, double g) { return x - 0.05 * g; }); }},
      {Method::momentum, 0.01,
       [] {
         return Rule([v = 0.0, first = true](double x, double g) mutable {
           v = first ? g : 0.9 * v + g;
           first = false;
           return x - 0.01 * v;
         });
       }},
      {Method::nesterov, 0.01,
       [] {
         return Rule([v = 0.0, first = true](double x, double g) mutable {
           v = first ? g : 0.9 * v + g;
           first = false;
           return x - 0.01 * (g + 0.9 * v);
         });
       }},
      {Method::adagrad, 0.5,
       [] {
         return Rule([s = 0.0](double x, double g) mutable {
           s = s + g * g;
           return x - 0.5 * (g / (std::sqrt(s) + 1e-10));
         });
       }},
      {Method::rmsprop, 0.01,
       [] {
         return Rule([s = 0.0](double x, double g) mutable {
           s = 0.99 * s + (1 - 0.99) * (g * g);
           return x - 0.01 * (g / (std::sqrt(s) + 1e-8));
         });
       }},
      {Method::adam, 0.1,
       [] {
         return Rule([m = 0.0, v = 0.0, t = 0.0](double x, double g) mutable {
           t += 1;
           m = m + (1 - 0.9) * (g - m);  // torch: exp_avg.lerp_(grad, 1 - beta1)
           v = 0.999 * v + (1 - 0.999) * (g * g);
           double stepSize = 0.1 / (1 - std::pow(0.9, t));
           double denom = std::sqrt(v) / std::sqrt(1 - std::pow(0.999, t)) + 1e-8;
           return x - stepSize * (m / denom);
         });
       }},
  };
  return table;
}

Trajectory runQuartic(Method method, double eta, long long steps, double x0 = -2.5) {
  RunSettings settings;
  settings.x0 = x0;
  settings.eta = eta;
  settings.steps = steps;
  settings.method = method;
  return run(Function::parse("x^4 - 3x^2 + 2"), settings);
}

}  // namespace

TEST_CASE("first-order optimizers follow torch's update rules step by step", "[optimizers]") {
  for (const Case& c : cases()) {
    DYNAMIC_SECTION(nameOf(c.method) << " with eta " << c.eta) {
      Trajectory path = runQuartic(c.method, c.eta, 60);
      REQUIRE(path.status == StopReason::maxSteps);
      REQUIRE(path.x.size() == 61);

      Rule onRecorded = c.makeRule();
      for (std::size_t k = 0; k + 1 < path.x.size(); ++k) {
        INFO("step " << k);
        REQUIRE(path.x[k + 1] == onRecorded(path.x[k], path.df[k]));
      }

      Rule byHand = c.makeRule();
      double x = -2.5;
      for (std::size_t k = 0; k < path.x.size(); ++k) {
        INFO("step " << k);
        CHECK(path.x[k] == Approx(x).epsilon(1e-11).margin(1e-12));
        CHECK(path.df[k] == Approx(quarticSlope(x)).epsilon(1e-11).margin(1e-11));
        x = byHand(x, quarticSlope(x));
      }
    }
  }
}

TEST_CASE("momentum carries the small step of seed 001 over the hump into the other well", "[optimizers]") {
  CHECK(runQuartic(Method::gd, 0.01, 400).x.back() == Approx(-std::sqrt(1.5)).epsilon(1e-12));
  Trajectory rolling = runQuartic(Method::momentum, 0.01, 400);
  CHECK(rolling.x[40] > 0);
  CHECK(rolling.x.back() == Approx(std::sqrt(1.5)).epsilon(1e-9));
}

TEST_CASE("armijo backtracks from eta by halving until the decrease is sufficient", "[optimizers]") {
  Trajectory path = runQuartic(Method::armijo, 1.0, 30);
  REQUIRE(path.status == StopReason::maxSteps);
  double x = -2.5;
  // Near the minimum f(x - t g) and f(x) differ by rounding only, so the hand loop and the run may take
  // different decisions there: compare the first steps exactly, then where both end up.
  for (std::size_t k = 0; k < 15; ++k) {
    INFO("step " << k);
    CHECK(path.x[k] == Approx(x).epsilon(1e-11).margin(1e-12));
    double g = quarticSlope(x), t = 1.0;
    for (int shrinks = 0; shrinks < 100 && quarticValue(x - t * g) > quarticValue(x) - 1e-4 * t * (g * g);
         ++shrinks) {
      t *= 0.5;
    }
    x = x - t * g;
  }
  // eta = 1 overshoots the first time, so it settles in the right-hand well.
  CHECK(path.x.back() == Approx(std::sqrt(1.5)).epsilon(1e-7));
  for (std::size_t k = 0; k + 1 < path.f.size(); ++k) CHECK(path.f[k + 1] <= path.f[k]);
}

TEST_CASE("the exact line search lands on the minimum along the ray", "[optimizers]") {
  SECTION("on a parabola one step is enough") {
    RunSettings settings;
    settings.x0 = -1;
    settings.eta = 0.1;
    settings.steps = 1;
    settings.method = Method::exact;
    Trajectory path = run(Function::parse("(x-2)^2"), settings);
    CHECK(path.x[1] == Approx(2).epsilon(1e-15));
  }
  SECTION("on the quartic each step minimises f(x - t f'(x)) over t") {
    Trajectory path = runQuartic(Method::exact, 0.01, 5);
    for (std::size_t k = 0; k + 1 < path.x.size(); ++k) {
      INFO("step " << k);
      double g = path.df[k];
      if (path.x[k + 1] == path.x[k]) continue;  // already at the minimum to the last bit
      double t = (path.x[k] - path.x[k + 1]) / g;
      CHECK(t > 0);
      CHECK(quarticValue(path.x[k + 1]) <= quarticValue(path.x[k] - 1.001 * t * g) + 1e-15);
      CHECK(quarticValue(path.x[k + 1]) <= quarticValue(path.x[k] - 0.999 * t * g) + 1e-15);
    }
    CHECK(path.x[1] == Approx(-std::sqrt(1.5)).epsilon(1e-15));
    CHECK(path.x.back() == Approx(-std::sqrt(1.5)).epsilon(1e-15));
  }
}

TEST_CASE("newton jumps to the stationary point of the local parabola", "[optimizers]") {
  Trajectory path = runQuartic(Method::newton, 0.1, 8);
  double x = -2.5;
  for (std::size_t k = 0; k < path.x.size(); ++k) {
    INFO("step " << k);
    CHECK(path.x[k] == Approx(x).epsilon(1e-12));
    x = x - quarticSlope(x) / (12 * x * x - 6);
  }
  CHECK(path.x.back() == Approx(-std::sqrt(1.5)).epsilon(1e-15));

  SECTION("from where f'' < 0 it climbs to the maximum at 0") {
    Trajectory up = runQuartic(Method::newton, 0.1, 6, 0.3);
    CHECK(std::abs(up.x.back()) < 1e-12);
  }
}
