#include "optim/run.hpp"

#include "optim/settings.hpp"

namespace descent::optim {

ResolvedHyperparameters validate(const RunSettings& settings) {
  const auto setting = [](const char* name) { return *findSetting(Request::run, name); };
  check(setting("x0"), settings.x0);
  check(setting("eta"), settings.eta);
  check(setting("steps"), static_cast<double>(settings.steps));
  if (settings.tolerance) check(setting("tolerance"), *settings.tolerance);
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
