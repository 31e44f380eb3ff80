// Plain gradient descent and torch.optim.SGD's two momentum variants (dampening 0), with SGD's weight
// decay. Each line is the tensor operation torch 1.13 performs (_single_tensor_sgd), in the same order:
// param.add_(d_p, alpha=-lr) is x + (-lr)*d, and so on, so float64 paths agree bit for bit with a notebook.
#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

class GradientDescent final : public Stepper {
 public:
  explicit GradientDescent(double weightDecay) : weightDecay_(weightDecay) {}
  double next(const Point& at, double g, double lr) noexcept override {
    return at.x + (-lr) * withDecay(g, at.x, weightDecay_);
  }

 private:
  double weightDecay_;
};

// buf = beta*buf + d (the first buf is d itself); x += -lr * buf, or for nesterov x += -lr * (d + beta*buf).
class Momentum final : public Stepper {
 public:
  Momentum(double beta, double weightDecay, bool nesterov)
      : beta_(beta), weightDecay_(weightDecay), nesterov_(nesterov) {}
  double next(const Point& at, double g, double lr) noexcept override {
    const double d = withDecay(g, at.x, weightDecay_);
    velocity_ = started_ ? velocity_ * beta_ + d : d;
    started_ = true;
    const double direction = nesterov_ ? d + beta_ * velocity_ : velocity_;
    return at.x + (-lr) * direction;
  }

 private:
  double beta_, weightDecay_;
  bool nesterov_;
  double velocity_ = 0;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stepper> makeGradientStepper(Method method, const ResolvedHyperparameters& hyper) {
  switch (method) {
    case Method::momentum:
      return std::make_unique<Momentum>(hyper.beta, hyper.weightDecay, false);
    case Method::nesterov:
      return std::make_unique<Momentum>(hyper.beta, hyper.weightDecay, true);
    default:
      return std::make_unique<GradientDescent>(hyper.weightDecay);
  }
}

}  // namespace descent::optim
