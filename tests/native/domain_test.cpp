// Why f is undefined at a point, in words: the first operation of the interpreter that turned numbers
// into NaN, named with its domain. A run that stops as undefined says it (the CLI's status line, the
// engine's run.why).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "expr/function.hpp"
#include "optim/run.hpp"

using descent::Function;

TEST_CASE("why f is undefined, in words", "[domain]") {
  const struct {
    const char* f;
    double x;
    const char* why;  // "" where f, f' and f'' are all defined
  } rows[] = {
      {"log(x)", -1, "log(x) is undefined at x = -1: its domain is x > 0"},
      {"x - 2log(x)", -1, "log(x) is undefined at x = -1: its domain is x > 0"},
      {"log2(x) + log10(x)", -3, "log2(x) is undefined at x = -3: its domain is x > 0"},
      {"log(x - 3)", 1, "log is undefined at x = 1, where its argument is -2: it needs its argument > 0"},
      {"sqrt(1 - x^2)", 2,
       "sqrt is undefined at x = 2, where its argument is -3: it needs its argument >= 0"},
      {"asin(x)", 3, "asin(x) is undefined at x = 3: its domain is -1 <= x <= 1"},
      {"acos(x/2)", -5,
       "acos is undefined at x = -5, where its argument is -2.5: it needs its argument between -1 and 1"},
      {"x^0.5", -4, "a power is undefined at x = -4: (-4)^0.5 has a negative base and a fractional exponent"},
      {"x^2", 1, ""},
      {"log(x)", 2, ""},
      {"exp(exp(x))", 1000, ""},  // overflow is a blow-up, not a domain
  };
  for (const auto& row : rows) {
    INFO(row.f << " at " << row.x);
    CHECK(Function::parse(row.f).whyUndefined(row.x) == row.why);
  }
}

TEST_CASE("a run that steps out of the domain says why at the point where it stopped", "[domain]") {
  descent::optim::RunSettings settings;
  settings.x0 = 5;
  settings.eta = 10;
  settings.steps = 20;
  const auto path = descent::optim::run(Function::parse("x - 2log(x)"), settings);
  CHECK(path.status == descent::optim::StopReason::undefined);
  CHECK(path.stoppedAt == 1);
  CHECK(path.why == "log(x) is undefined at x = -1: its domain is x > 0");
  settings.eta = 1;
  CHECK(descent::optim::run(Function::parse("x - 2log(x)"), settings).why.empty());
}

// Simplification may print f shorter, but f is evaluated where it stands: NaN and infinities exactly
// where the typed expression has them (IEEE arithmetic, evaluated as typed), finite where it is finite.
TEST_CASE("simplifying keeps f's domain and IEEE special values", "[domain]") {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  const struct {
    const char* f;
    double x;
    double typed;         // the typed expression's value at x
    const char* printed;  // as printed: shorter, equal to f wherever f is defined
  } rows[] = {
      {"0/0", 1, nan, "0"},
      {"x/x", 0, nan, "1"},
      {"x/x", 2, 1, "1"},
      {"x^2/x", 0, nan, "x"},
      {"x^2/x", -1, -1, "x"},
      {"0*log(x)", 0, nan, "0"},
      {"0*log(x)", -1, nan, "0"},
      {"0*log(x)", 2, 0, "0"},
      {"log(x) - log(x)", -1, nan, "0"},
      {"log(x) - log(x)", 0, nan, "0"},
      {"log(x) - log(x)", 2, 0, "0"},
      {"((-8)^(1/3))^3", 1, nan, "-8"},
      {"1e308*(10/10)", 1, 1e308, "1e+308"},
      {"1/-0", 1, -inf, "-1/0"},  // printed 1/0 it would read back as +inf
      {"(x^0.5)^2", -1, nan, "x"},
      {"(x^0.5)^2", 0, 0, "x"},
      {"(x^0.5)^2", 4, 4, "x"},
      {"x^0.5*x^0.5", -1, nan, "x"},
      {"sqrt(x)^2", -1, nan, "sqrt(x)^2"},
  };
  for (const auto& row : rows) {
    const Function fn = Function::parse(row.f);
    const double got = fn.value(row.x);
    INFO(row.f << " at x = " << row.x << ": " << got << ", typed " << row.typed);
    if (std::isnan(row.typed))
      CHECK(std::isnan(got));
    else
      CHECK(got == row.typed);
    CHECK(std::isnan(fn.at(row.x).f) == std::isnan(got));  // every evaluation of f agrees
    CHECK(fn.printed().text == row.printed);
  }
}

TEST_CASE("a run from outside the domain stops at once, however f was simplified", "[domain]") {
  descent::optim::RunSettings settings;
  settings.x0 = -1;
  settings.eta = 0.1;
  settings.steps = 2;
  const auto path = descent::optim::run(Function::parse("(x^0.5)^2"), settings);
  CHECK(path.status == descent::optim::StopReason::undefined);
  CHECK(path.stoppedAt == 0);
  CHECK(path.why == "a power is undefined at x = -1: (-1)^0.5 has a negative base and a fractional exponent");
}
