#include "optim/walk.hpp"

#include <cmath>

namespace descent::optim {

const char* nameOf(StopReason reason) {
  switch (reason) {
    case StopReason::maxSteps:
      return "max-steps";
    case StopReason::converged:
      return "converged";
    case StopReason::diverged:
      return "diverged";
    case StopReason::undefined:
      return "undefined";
  }
  return "?";
}

Walk::Walk(const Function& fn, double x0, const RunSettings& settings, const ResolvedRun& resolved)
    : fn_(fn),
      optimizer_(fn, settings.method, settings.eta, settings.clip, resolved),
      noise_(settings.seed),
      sigma_(settings.noise),
      tolerance_(settings.tolerance) {
  evaluate(x0);
}

void Walk::advance() noexcept {
  const double x = optimizer_.step(point_, gradient_);
  ++step_;
  evaluate(x);
}

namespace {

// NaN can come from overflow rather than from leaving the domain: at x = 1e158, x^4 - 3x^2 is
// inf - inf. An infinite f' beside it, or an |x| where x^2 already overflows, means the run blew up.
bool overflowed(double x, const Slope& slope) {
  const bool nan = std::isnan(slope.f) || std::isnan(slope.df);
  return nan && (std::isinf(slope.f) || std::isinf(slope.df) || std::fabs(x) > 1e150);
}

}  // namespace

void Walk::evaluate(double x) noexcept {
  Slope slope = fn_.slope(x);
  point_ = {x, slope.f, slope.df};
  // σ = 0 adds nothing, not even 0 (which would turn f' = -0 into +0).
  noiseDrawn_ = sigma_ != 0 ? sigma_ * noise_.next() : 0;
  seen_ = sigma_ != 0 ? slope.df + noiseDrawn_ : slope.df;
  gradient_ = optimizer_.clipped(seen_);
  if (!std::isfinite(x) || std::isinf(slope.f) || overflowed(x, slope)) {
    stop_ = StopReason::diverged;
  } else if (std::isnan(slope.f) || std::isnan(slope.df)) {
    stop_ = StopReason::undefined;
  } else if (tolerance_ && std::abs(slope.df) <= *tolerance_) {
    stop_ = StopReason::converged;
  }
}

}  // namespace descent::optim
