// Newton's method on f' = 0: x -= g/f''(x), g being f'(x) (with noise and clipping, if asked). It jumps to
// the stationary point of the local parabola, which is a maximum where f'' < 0; that is worth seeing, so the
// step is not safeguarded. The learning rate is not used. Where f'' = 0 the step is infinite and the run
// reports divergence.
#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

class Newton final : public Stepper {
 public:
  explicit Newton(const Function& fn) : fn_(fn) {}
  double next(const Point& at, double g, double /*lr*/) noexcept override {
    curvature_ = fn_.at(at.x).d2f;
    ratio_ = g / curvature_;
    return at.x - ratio_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    values.emplace_back("f''", curvature_);
    values.emplace_back("ratio", ratio_);
  }

 private:
  const Function& fn_;
  double curvature_ = 0, ratio_ = 0;
};

}  // namespace

std::unique_ptr<Stepper> makeNewtonStepper(const Function& fn) { return std::make_unique<Newton>(fn); }

}  // namespace descent::optim
