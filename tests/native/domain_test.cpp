// Why f is undefined at a point, in words: the first operation of the interpreter that turned numbers
// into NaN, named with its domain. A run that stops as undefined says it (the CLI's status line, the
// engine's run.why).
#include <catch2/catch.hpp>
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
