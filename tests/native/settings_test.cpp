// The settings table (optim/settings.hpp) is what the engine, the CLI and the page all check against:
// every bound is walked here, the value on it and a value on each side, and a refusal names its setting.
#include "optim/settings.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

using namespace descent::optim;

namespace {

// Accepted or refused as the bound says; a refusal names the setting.
void checkSide(const Setting& setting, double value, bool accepted) {
  INFO(setting.name << " = " << value << " should be " << (accepted ? "accepted" : "refused"));
  if (accepted) {
    CHECK_NOTHROW(check(setting, value));
    return;
  }
  try {
    check(setting, value);
    FAIL("accepted");
  } catch (const SettingsError& error) {
    CHECK(error.setting() == setting.name);
    CHECK(std::string(error.what()).find(setting.rule()) != std::string::npos);
  }
}

// A value just past a bound: a whole step for whole settings, the next double otherwise.
double beyond(const Setting& setting, double bound, double direction) {
  return setting.whole ? bound + direction : std::nextafter(bound, direction * INFINITY);
}

}  // namespace

TEST_CASE("every bound of every setting: on it as declared, inside accepted, outside refused", "[settings]") {
  for (Request request : {Request::run, Request::multiStart, Request::sweep}) {
    for (const Setting& setting : settingsOf(request)) {
      for (const auto& [bound, direction] : {std::pair{setting.low, -1.0}, std::pair{setting.high, 1.0}}) {
        if (!std::isfinite(bound.value)) continue;
        checkSide(setting, bound.value, !bound.open);
        checkSide(setting, beyond(setting, bound.value, -direction), true);
        checkSide(setting, beyond(setting, bound.value, direction), false);
      }
      checkSide(setting, NAN, false);
      checkSide(setting, INFINITY, false);
      checkSide(setting, -INFINITY, false);
      if (setting.whole) checkSide(setting, std::fmax(setting.low.value, 0) + 1.5, false);
    }
  }
}

TEST_CASE("every default lies inside its setting's range", "[settings]") {
  for (Request request : {Request::run, Request::multiStart, Request::sweep})
    for (const Setting& setting : settingsOf(request))
      if (!std::isnan(setting.fallback)) CHECK_NOTHROW(check(setting, setting.fallback));
  for (const MethodInfo& method : methods()) {
    INFO(method.name);
    for (const auto& [setting, fallback] : method.hyperparameters) CHECK_NOTHROW(check(*setting, fallback));
  }
}

TEST_CASE("rules read as a person writes them", "[settings]") {
  //    request             setting      rule
  const struct {
    Request request;
    const char* name;
    const char* rule;
  } rows[] = {
      {Request::run, "x0", "a finite number"},
      {Request::run, "eta", "0 < eta"},
      {Request::run, "steps", "a whole number with 0 <= steps <= 1000000"},
      {Request::run, "tolerance", "0 <= tolerance"},
      {Request::run, "beta2", "0 <= beta2 < 1"},
      {Request::run, "alpha", "0 < alpha < 1"},
      {Request::multiStart, "count", "a whole number with 1 <= count <= 10000"},
      {Request::sweep, "keep", "a whole number with 1 <= keep"},
  };
  for (const auto& row : rows) CHECK(findSetting(row.request, row.name)->rule() == row.rule);
}

TEST_CASE("a refusal says the value, the method and the rule", "[settings]") {
  try {
    check(*findSetting(Request::run, "beta2"), 1, "adam");
    FAIL("accepted");
  } catch (const SettingsError& error) {
    CHECK(error.setting() == "beta2");
    CHECK(std::string(error.what()) ==
          "beta2 = 1 is out of range for adam: the second-moment decay must satisfy 0 <= beta2 < 1");
  }
}
