#pragma once
// One optimizer: how x_{k+1} follows from x_k. Each method lives in its own small class; a run holds one
// Stepper and calls next() once per step.
#include <memory>
#include <utility>
#include <vector>

#include "expr/function.hpp"
#include "optim/method.hpp"

namespace descent::optim {

// A point of a path: x with f(x) and f'(x) already evaluated there.
struct Point {
  double x;
  double f;
  double df;
};

class Stepper {
 public:
  virtual ~Stepper() = default;
  // x_{k+1} from x_k, given the gradient g the step uses (f'(x_k), or with noise and clipping as asked)
  // and this step's learning rate lr (the first trial step for armijo and exact; newton does not use
  // it). Methods with state (momentum, Adam, ...) update it here, so call it once per step.
  virtual double next(const Point& at, double g, double lr) noexcept = 0;
  // The arithmetic of the last next(), for a reader stepping through a run: the method's state and
  // intermediate values by name ("velocity", "denominator", ...) and, for a backtracking search, the
  // trial steps in the order they were tried.
  virtual void describe(std::vector<std::pair<const char*, double>>& /*values*/,
                        std::vector<double>& /*trials*/) const {}
};

// fn must outlive the stepper.
std::unique_ptr<Stepper> makeStepper(Method method, const Function& fn, const ResolvedHyperparameters& hyper);

// The factories behind makeStepper, one per file.
std::unique_ptr<Stepper> makeGradientStepper(Method method, const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeAdaptiveStepper(Method method, const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeLineSearchStepper(Method method, const Function& fn,
                                               const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeNewtonStepper(const Function& fn);

// torch's weight decay inside a step: grad.add(param, alpha=weight_decay), skipped when it is 0.
inline double withDecay(double g, double x, double weightDecay) noexcept {
  return weightDecay != 0 ? g + weightDecay * x : g;
}

}  // namespace descent::optim
