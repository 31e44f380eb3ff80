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
    direction_ = withDecay(g, at.x, weightDecay_);
    return at.x + (-lr) * direction_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    if (weightDecay_ != 0) values.emplace_back("decayed gradient", direction_);
  }

 private:
  double weightDecay_;
  double direction_ = 0;
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
    decayed_ = d;
    direction_ = nesterov_ ? d + beta_ * velocity_ : velocity_;
    return at.x + (-lr) * direction_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    if (weightDecay_ != 0) values.emplace_back("decayed gradient", decayed_);
    values.emplace_back("velocity", velocity_);
    if (nesterov_) values.emplace_back("direction", direction_);
  }

 private:
  double beta_, weightDecay_;
  bool nesterov_;
  double velocity_ = 0, decayed_ = 0, direction_ = 0;
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
