#pragma once
// One optimizer run taken a step at a time without storing the path, with the stop rules every run shares.
// run() records a Walk; multistart and sweeps drive Walks directly and keep only what they need.
#include <memory>
#include <optional>

#include "expr/function.hpp"
#include "optim/method.hpp"
#include "optim/stepper.hpp"

namespace descent::optim {

enum class StopReason { maxSteps, converged, diverged, undefined };

// "max-steps", "converged", "diverged", "undefined".
const char* nameOf(StopReason reason);

class Walk {
 public:
  // Starts at x0 and evaluates f and f' there. Arguments are trusted: callers validate them first.
  // fn must outlive the Walk.
  Walk(const Function& fn, double x0, double eta, Method method, const ResolvedHyperparameters& hyper,
       std::optional<double> tolerance);

  const Point& point() const { return point_; }  // x_k with f and f' there
  long long step() const { return step_; }       // k
  // Why the walk must stop at this point, if it must: diverged when x is not finite or f(x) is infinite,
  // undefined when f or f' is NaN at a finite x, converged when |f'| <= tolerance.
  std::optional<StopReason> stopReason() const { return stop_; }
  // Moves to x_{k+1}. Only call while stopReason() is empty.
  void advance() noexcept;

 private:
  void evaluate(double x) noexcept;

  const Function& fn_;
  std::unique_ptr<Stepper> stepper_;
  std::optional<double> tolerance_;
  Point point_{};
  long long step_ = 0;
  std::optional<StopReason> stop_;
};

}  // namespace descent::optim
