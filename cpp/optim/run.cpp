#include "optim/run.hpp"

#include "optim/settings.hpp"

namespace descent::optim {

RunInPieces::RunInPieces(const Function& fn, const RunSettings& settings)
    : fn_(fn), steps_(settings.steps), walk_(fn, settings.x0, settings, validate(settings)) {}

std::string RunInPieces::why() const {
  return status() == StopReason::undefined ? fn_.whyUndefined(walk_.point().x) : std::string();
}

std::size_t RunInPieces::next(const Columns& out, std::size_t room) noexcept {
  std::size_t k = 0;
  while (!done_ && k < room) {
    const Point& at = walk_.point();
    out.x[k] = at.x;
    out.f[k] = at.f;
    out.df[k] = at.df;
    out.g[k] = walk_.gradient();
    out.lr[k] = walk_.rate();
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
  for (auto* column : {&path.x, &path.f, &path.df, &path.g, &path.lr}) column->resize(points);
  const std::size_t taken =
      pieces.next({path.x.data(), path.f.data(), path.df.data(), path.g.data(), path.lr.data()}, points);
  for (auto* column : {&path.x, &path.f, &path.df, &path.g, &path.lr}) column->resize(taken);
  path.status = pieces.status();
  path.why = pieces.why();
  path.stoppedAt = taken - 1;
  return path;
}

}  // namespace descent::optim
