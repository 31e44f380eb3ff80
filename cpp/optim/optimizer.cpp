#include "optim/optimizer.hpp"

#include <algorithm>
#include <cmath>

namespace descent::optim {

Optimizer::Optimizer(const Function& fn, Method method, double eta, std::optional<double> clip,
                     const ResolvedRun& resolved)
    : stepper_(makeStepper(method, fn, resolved.hyper)), rate_(eta, resolved.schedule), clip_(clip) {}

double Optimizer::clipped(double g) const noexcept {
  if (!clip_) return g;
  // torch.norm of the parameter's gradient, then of the stack of those norms (one here).
  const double norm = std::sqrt(g * g);
  const double total = std::sqrt(norm * norm);
  // max_norm / (total + 1e-6) is a number over a tensor, which torch computes as a reciprocal times the
  // number; clamp(max=1) keeps a NaN a NaN, as std::min(NaN, 1) does.
  const double coefficient = std::min(*clip_ * (1 / (total + 1e-6)), 1.0);
  return g * coefficient;
}

double Optimizer::step(const Point& at, double clippedGradient) noexcept {
  const double next = stepper_->next(at, clippedGradient, rate_.rate());
  rate_.advance();
  return next;
}

}  // namespace descent::optim
