#include "optim/run.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace descent::optim {
namespace {

std::string shown(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

}  // namespace

ResolvedHyperparameters validate(const RunSettings& settings) {
  if (!std::isfinite(settings.x0))
    throw SettingsError("x0 = " + shown(settings.x0) + ": the start must be a finite number");
  if (!(std::isfinite(settings.eta) && settings.eta > 0)) {
    throw SettingsError("eta = " + shown(settings.eta) + ": the step size must be a positive finite number");
  }
  if (settings.steps < 0 || settings.steps > kMaxSteps) {
    throw SettingsError("steps = " + std::to_string(settings.steps) +
                        ": the number of steps must be between 0 and " + std::to_string(kMaxSteps));
  }
  if (settings.tolerance && !(std::isfinite(*settings.tolerance) && *settings.tolerance >= 0)) {
    throw SettingsError("tolerance = " + shown(*settings.tolerance) +
                        ": the tolerance must be a finite number >= 0");
  }
  return resolve(settings.method, settings.hyper);
}

Trajectory run(const Function& fn, const RunSettings& settings) {
  ResolvedHyperparameters hyper = validate(settings);
  Trajectory path;
  auto points = static_cast<std::size_t>(settings.steps) + 1;
  path.x.reserve(points);
  path.f.reserve(points);
  path.df.reserve(points);

  Walk walk(fn, settings.x0, settings.eta, settings.method, hyper, settings.tolerance);
  for (;;) {
    path.x.push_back(walk.point().x);
    path.f.push_back(walk.point().f);
    path.df.push_back(walk.point().df);
    if (walk.stopReason() || walk.step() == settings.steps) break;
    walk.advance();
  }
  path.status = walk.stopReason().value_or(StopReason::maxSteps);
  path.stoppedAt = path.x.size() - 1;
  return path;
}

}  // namespace descent::optim
