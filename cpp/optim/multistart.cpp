#include "optim/multistart.hpp"

#include <cmath>
#include <string>

#include "optim/settings.hpp"

namespace descent::optim {
namespace {

void validateRange(double a, double b, int count) {
  check(Request::multiStart, "a", a);
  check(Request::multiStart, "b", b);
  if (!(a < b && std::isfinite(b - a)))
    throw SettingsError("b", "the start range must be finite numbers a < b");
  check(Request::multiStart, "count", count);
}

}  // namespace

std::vector<double> randomStarts(double a, double b, int count, std::uint64_t seed) {
  validateRange(a, b, count);
  SplitMix64 random(seed);
  std::vector<double> starts(static_cast<std::size_t>(count));
  for (double& start : starts) start = a + (b - a) * random.uniform();
  return starts;
}

MultiStartResult multiStart(const Function& fn, const MultiStartSettings& settings) {
  validateRange(settings.a, settings.b, settings.count);
  RunSettings check = settings.run;
  check.x0 = settings.a;
  const ResolvedRun resolved = validate(check);
  if (static_cast<long long>(settings.count) * settings.run.steps > kMaxMultiStartSteps) {
    throw SettingsError("count", "count times steps must be at most " + std::to_string(kMaxMultiStartSteps));
  }

  MultiStartResult result;
  result.x0 = randomStarts(settings.a, settings.b, settings.count, settings.seed);
  result.final.reserve(result.x0.size());
  result.status.reserve(result.x0.size());
  result.stoppedAt.reserve(result.x0.size());
  for (double x0 : result.x0) {
    Walk walk(fn, x0, settings.run, resolved);
    while (!walk.stopReason() && walk.step() < settings.run.steps) walk.advance();
    result.final.push_back(walk.point().x);
    result.status.push_back(walk.stopReason().value_or(StopReason::maxSteps));
    result.stoppedAt.push_back(walk.step());
  }
  return result;
}

}  // namespace descent::optim
