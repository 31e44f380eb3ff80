#pragma once
// One optimizer: how x_{k+1} follows from x_k. Each method lives in its own small class; a run holds one
// Stepper and calls next() once per step.
#include <memory>

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
  // x_{k+1} from x_k. Methods with state (momentum, Adam, ...) update it here, so call it once per step.
  virtual double next(const Point& at) noexcept = 0;
};

// eta is the learning rate (the starting trial step for armijo and exact; newton does not use it).
// fn must outlive the stepper.
std::unique_ptr<Stepper> makeStepper(Method method, const Function& fn, double eta,
                                     const ResolvedHyperparameters& hyper);

// The factories behind makeStepper, one per file.
std::unique_ptr<Stepper> makeGradientStepper(Method method, double eta, const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeAdaptiveStepper(Method method, double eta, const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeLineSearchStepper(Method method, const Function& fn, double eta,
                                               const ResolvedHyperparameters& hyper);
std::unique_ptr<Stepper> makeNewtonStepper(const Function& fn);

}  // namespace descent::optim
