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

namespace {

// Records the walk into x, f, df (each sized for every point it may take) and answers how many points
// it took. Nothing here can throw, so the loop runs without exception bookkeeping: with JS-based
// exceptions in WASM, a possibly-throwing call in a frame that owns vectors goes through a JS trampoline.
std::size_t record(Walk& walk, long long steps, double* x, double* f, double* df) noexcept {
  for (std::size_t k = 0;; ++k) {
    const Point& at = walk.point();
    x[k] = at.x;
    f[k] = at.f;
    df[k] = at.df;
    if (walk.stopReason() || walk.step() == steps) return k + 1;
    walk.advance();
  }
}

}  // namespace

Trajectory run(const Function& fn, const RunSettings& settings) {
  ResolvedHyperparameters hyper = validate(settings);
  Trajectory path;
  const auto points = static_cast<std::size_t>(settings.steps) + 1;
  path.x.resize(points);
  path.f.resize(points);
  path.df.resize(points);

  Walk walk(fn, settings.x0, settings.eta, settings.method, hyper, settings.tolerance);
  const std::size_t taken = record(walk, settings.steps, path.x.data(), path.f.data(), path.df.data());
  path.x.resize(taken);
  path.f.resize(taken);
  path.df.resize(taken);
  path.status = walk.stopReason().value_or(StopReason::maxSteps);
  path.stoppedAt = taken - 1;
  return path;
}

}  // namespace descent::optim
