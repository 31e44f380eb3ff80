#include "optim/step_details.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "optim/settings.hpp"
#include "optim/walk.hpp"

namespace descent::optim {

std::vector<StepDetails> describeSteps(const Function& fn, const RunSettings& settings, double from,
                                       double count) {
  const ResolvedRun resolved = validate(settings);
  // Checked as doubles, before they become whole numbers: a caller may pass anything.
  const double last = static_cast<double>(std::max(settings.steps, 1LL));
  if (!(from >= 0 && from < last && std::floor(from) == from))
    throw SettingsError("from", "the first step to describe must be one of the run's steps, 0 to " +
                                    std::to_string(settings.steps - 1));
  if (!(count >= 1 && count <= double(kMaxDescribedSteps) && std::floor(count) == count))
    throw SettingsError("count", "describe 1 to " + std::to_string(kMaxDescribedSteps) + " steps at a time");
  const auto first = static_cast<long long>(from), end = first + static_cast<long long>(count);
  Walk walk(fn, settings.x0, settings, resolved);
  while (!walk.stopReason() && walk.step() < first) walk.advance();
  std::vector<StepDetails> steps;
  while (!walk.stopReason() && walk.step() < std::min(end, settings.steps)) {
    StepDetails step;
    const Point at = walk.point();
    step.k = walk.step();
    step.x = at.x;
    step.f = at.f;
    step.df = at.df;
    step.d2f = fn.at(at.x).d2f;
    step.noise = walk.noise();
    step.seen = walk.seen();
    step.g = walk.gradient();
    step.lr = walk.rate();
    walk.advance();
    step.next = walk.point().x;
    walk.optimizer().describe(step.values, step.trials);
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace descent::optim
