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

RunInPieces::RunInPieces(const Function& fn, const RunSettings& settings)
    : steps_(settings.steps),
      walk_(fn, settings.x0, settings.eta, settings.method, validate(settings), settings.tolerance) {}

std::size_t RunInPieces::next(double* x, double* f, double* df, std::size_t room) noexcept {
  std::size_t k = 0;
  while (!done_ && k < room) {
    const Point& at = walk_.point();
    x[k] = at.x;
    f[k] = at.f;
    df[k] = at.df;
    ++k;
    if (walk_.stopReason() || walk_.step() == steps_)
      done_ = true;
    else
      walk_.advance();
  }
  taken_ += k;
  return k;
}

Trajectory run(const Function& fn, const RunSettings& settings) {
  RunInPieces pieces(fn, settings);
  Trajectory path;
  const auto points = static_cast<std::size_t>(settings.steps) + 1;
  path.x.resize(points);
  path.f.resize(points);
  path.df.resize(points);
  const std::size_t taken = pieces.next(path.x.data(), path.f.data(), path.df.data(), points);
  path.x.resize(taken);
  path.f.resize(taken);
  path.df.resize(taken);
  path.status = pieces.status();
  path.stoppedAt = taken - 1;
  return path;
}

}  // namespace descent::optim
