#pragma once
// One optimizer run taken a step at a time without storing the path, with the stop rules every run shares.
// run() records a Walk; multistart and sweeps drive Walks directly and keep only what they need.
// One step, in torch's order: g = f'(x_k), plus σ·ξ_k (seeded standard normal draws, optim/random.hpp);
// clip; the method's step with weight decay at this step's learning rate; the schedule advances.
#include <memory>
#include <optional>

#include "expr/function.hpp"
#include "optim/optimizer.hpp"
#include "optim/random.hpp"
#include "optim/run_settings.hpp"

namespace descent::optim {

enum class StopReason { maxSteps, converged, diverged, undefined };

// "max-steps", "converged", "diverged", "undefined".
const char* nameOf(StopReason reason);

class Walk {
 public:
  // Starts at x0 (settings.x0 is not read, so many starts can share the settings) and evaluates f and f'
  // there. The settings are trusted: callers validate them first (validate gives `resolved`). fn must
  // outlive the Walk.
  Walk(const Function& fn, double x0, const RunSettings& settings, const ResolvedRun& resolved);

  const Point& point() const { return point_; }  // x_k with f and f' there
  long long step() const { return step_; }       // k
  // The gradient step k uses: f'(x_k) plus σ·ξ_k when noise is asked for, then clipped.
  double gradient() const { return gradient_; }
  // Its parts: the noise σ·ξ_k drawn for step k (0 without noise), and f'(x_k) plus it, before clipping.
  double noise() const { return noiseDrawn_; }
  double seen() const { return seen_; }
  const Optimizer& optimizer() const { return optimizer_; }
  // The learning rate of step k.
  double rate() const { return optimizer_.rate(); }
  // Why the walk must stop at this point, if it must: diverged when x is not finite or f(x) is infinite,
  // undefined when f or f' is NaN at a finite x, converged when |f'| <= tolerance.
  std::optional<StopReason> stopReason() const { return stop_; }
  // Moves to x_{k+1}. Only call while stopReason() is empty.
  void advance() noexcept;

 private:
  void evaluate(double x) noexcept;

  const Function& fn_;
  Optimizer optimizer_;
  NormalDraws noise_;
  double sigma_;
  std::optional<double> tolerance_;
  Point point_{};
  double gradient_ = 0;
  double noiseDrawn_ = 0, seen_ = 0;
  long long step_ = 0;
  std::optional<StopReason> stop_;
};

}  // namespace descent::optim
