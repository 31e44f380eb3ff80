// Stationary points and the step sizes gradient descent can use at each minimum. Expected values are worked
// out by hand (or, for the double well, by bisection on a hand-written f' in Python).
#include "optim/analysis.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "optim/method.hpp"

using descent::Function;
using namespace descent::optim;

namespace {

struct Expected {
  double x;
  PointKind kind;
  double f, d2f, etaMax, etaBest;
};

void requirePoints(const char* expression, double a, double b, const std::vector<Expected>& expected) {
  INFO(expression << " on [" << a << ", " << b << "]");
  std::vector<StationaryPoint> found = stationaryPoints(Function::parse(expression), a, b);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Expected& e = expected[i];
    const StationaryPoint& p = found[i];
    INFO("point " << i << " expected at x = " << e.x);
    CHECK(p.x == Approx(e.x).epsilon(1e-13).margin(1e-13));
    CHECK(std::string(nameOf(p.kind)) == nameOf(e.kind));
    CHECK(p.f == Approx(e.f).epsilon(1e-13).margin(1e-13));
    CHECK(p.d2f == Approx(e.d2f).epsilon(1e-12).margin(1e-12));
    if (std::isnan(e.etaMax)) {
      CHECK(std::isnan(p.etaMax));
    } else {
      CHECK(p.etaMax == Approx(e.etaMax).epsilon(1e-12));
    }
    if (std::isnan(e.etaBest)) {
      CHECK(std::isnan(p.etaBest));
    } else {
      CHECK(p.etaBest == Approx(e.etaBest).epsilon(1e-12));
    }
  }
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("seed 001's quartic: two minima with f'' = 12 and a maximum between", "[analysis]") {
  // f' = 4x^3 - 6x = 0 at 0 and +-sqrt(1.5); f'' = 12x^2 - 6 is 12 at the minima and -6 at 0.
  const double m = std::sqrt(1.5);
  requirePoints("x^4 - 3x^2 + 2", -3, 3,
                {
                    {-m, PointKind::min, -0.25, 12, 1.0 / 6, 1.0 / 12},
                    {0, PointKind::max, 2, -6, kNaN, kNaN},
                    {m, PointKind::min, -0.25, 12, 1.0 / 6, 1.0 / 12},
                });
}

TEST_CASE("a parabola: one minimum, eta below 2/f'' = 1 converges", "[analysis]") {
  requirePoints("(x-2)^2", -5, 5, {{2, PointKind::min, 0, 2, 1, 0.5}});
  requirePoints("3(x+1)^2 - 4", -2.7, 1.3, {{-1, PointKind::min, -4, 6, 1.0 / 3, 1.0 / 6}});
}

TEST_CASE("x^3 is flat at 0: f' touches zero without changing sign", "[analysis]") {
  SECTION("0 on the grid") { requirePoints("x^3", -3, 3, {{0, PointKind::flat, 0, 0, kNaN, kNaN}}); }
  SECTION("0 between grid points") {
    std::vector<StationaryPoint> found = stationaryPoints(Function::parse("x^3"), -2.9, 3.1);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == PointKind::flat);
    CHECK(std::abs(found[0].x) < 1e-6);
  }
}

TEST_CASE("x^4 has a minimum with f'' = 0: no curvature limit on eta", "[analysis]") {
  requirePoints("x^4", -1, 1, {{0, PointKind::min, 0, 0, kInf, kNaN}});
}

TEST_CASE("seed 000's double well: eta = 0.4 is too large for the right-hand minimum", "[analysis]") {
  // Bisection on f'(x) = 1.5(0.75x-1.2)^3 - 3(0.75x-1) with f''(x) = 3.375(0.75x-1.2)^2 - 2.25.
  requirePoints("0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2", -3, 6,
                {
                    {-0.1346346510805252, PointKind::min, 1.0080470708260292, 3.462317512290695,
                     0.5776477728863132, 0.2888238864431566},
                    {1.3276517930226674, PointKind::max, 2.00083407360268, -2.109186159062222, kNaN, kNaN},
                    {3.606982858057858, PointKind::min, -1.2488811444287102, 5.396868646771528,
                     0.370585265438399, 0.1852926327191995},
                });
  // So the eta = 0.4 run of the seed, which hops between 3.26 and 3.84, cannot settle: 0.4 > 0.3706.
}

TEST_CASE("functions without stationary points, poles and periodic ones", "[analysis]") {
  CHECK(stationaryPoints(Function::parse("2x + 1"), -3, 3).empty());
  CHECK(stationaryPoints(Function::parse("exp(x)"), -3, 3).empty());
  // f' = -1/x^2 changes sign nowhere; log(|x|)' = 1/x changes sign at a pole, which is no stationary point.
  CHECK(stationaryPoints(Function::parse("1/x"), -3, 3).empty());
  CHECK(stationaryPoints(Function::parse("log(abs(x))"), -3.1, 2.9).empty());
  // sin has extrema at pi/2 + k pi: on [-5, 5] at -3pi/2 (max), -pi/2 (min), pi/2 (max), 3pi/2 (min).
  std::vector<StationaryPoint> sine = stationaryPoints(Function::parse("sin(x)"), -5, 5);
  REQUIRE(sine.size() == 4);
  const double pi = std::acos(-1.0);
  CHECK(sine[0].x == Approx(-1.5 * pi).epsilon(1e-15));
  CHECK(sine[0].kind == PointKind::max);
  CHECK(sine[1].x == Approx(-0.5 * pi).epsilon(1e-15));
  CHECK(sine[1].kind == PointKind::min);
  CHECK(sine[1].etaMax == Approx(2).epsilon(1e-12));
  CHECK(sine[3].kind == PointKind::min);
}

TEST_CASE("a constant stretch counts as one flat point", "[analysis]") {
  std::vector<StationaryPoint> found = stationaryPoints(Function::parse("5"), -1, 1);
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == PointKind::flat);
  CHECK(found[0].x == Approx(0).margin(1e-12));
}

TEST_CASE("an interval that is no interval is refused", "[analysis]") {
  Function fn = Function::parse("x^2");
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(stationaryPoints(fn, 1, 1), SettingsError);
  CHECK_THROWS_AS(stationaryPoints(fn, 2, 1), SettingsError);
  CHECK_THROWS_AS(stationaryPoints(fn, -inf, 1), SettingsError);
  CHECK_THROWS_AS(stationaryPoints(fn, -1e308, 1e308), SettingsError);  // b - a overflows
  CHECK_THROWS_AS(stationaryPoints(fn, 1e15, 1e15 + 1),
                  SettingsError);  // cells narrower than the doubles there
  CHECK_THROWS_AS(stationaryPoints(fn, -1, 1, 1), SettingsError);
  CHECK_THROWS_AS(stationaryPoints(fn, -1, 1, kMaxAnalysisCells + 1), SettingsError);
}
