#pragma once
// One step as a torch training loop takes it, given the gradient the step sees (f'(x_k), plus the seeded
// noise when asked for): clip it (torch.nn.utils.clip_grad_norm_), step the method with this step's
// learning rate and its weight decay, then advance the schedule (torch.optim.lr_scheduler).
#include <memory>
#include <optional>

#include "expr/function.hpp"
#include "optim/run_settings.hpp"
#include "optim/schedule.hpp"
#include "optim/stepper.hpp"

namespace descent::optim {

class Optimizer {
 public:
  // fn must outlive the optimizer.
  Optimizer(const Function& fn, Method method, double eta, std::optional<double> clip,
            const ResolvedRun& resolved);

  // The learning rate the next step uses.
  double rate() const { return rate_.rate(); }
  // clip_grad_norm_ of one gradient: g times min(clip * (1/(|g| + 1e-6)), 1), with |g| computed as torch
  // does, sqrt(g*g), so above about 1.3e154 the norm is infinite and the gradient becomes 0. g itself
  // when no clip is asked for.
  double clipped(double g) const noexcept;
  // x_{k+1} from the point and the clipped gradient; then the schedule advances.
  double step(const Point& at, double clippedGradient) noexcept;
  // The method's arithmetic of the last step (Stepper::describe).
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>& trials) const {
    stepper_->describe(values, trials);
  }

 private:
  std::unique_ptr<Stepper> stepper_;
  LearningRate rate_;
  std::optional<double> clip_;
};

}  // namespace descent::optim
