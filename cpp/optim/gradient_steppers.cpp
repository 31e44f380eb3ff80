// Plain gradient descent and torch.optim.SGD's two momentum variants (dampening 0, no weight decay).
// Each line mirrors the tensor operation torch performs, in the same order, so float64 paths agree bit for
// bit with a notebook.
#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

class GradientDescent final : public Stepper {
 public:
  explicit GradientDescent(double eta) : eta_(eta) {}
  double next(const Point& at) noexcept override { return at.x - eta_ * at.df; }

 private:
  double eta_;
};

// v = beta*v + g (the first v is g itself); x -= eta*v.
class Momentum final : public Stepper {
 public:
  Momentum(double eta, double beta) : eta_(eta), beta_(beta) {}
  double next(const Point& at) noexcept override {
    velocity_ = started_ ? velocity_ * beta_ + at.df : at.df;
    started_ = true;
    return at.x - eta_ * velocity_;
  }

 private:
  double eta_, beta_;
  double velocity_ = 0;
  bool started_ = false;
};

// v = beta*v + g; x -= eta*(g + beta*v): the gradient plus a look at where the velocity is heading.
class Nesterov final : public Stepper {
 public:
  Nesterov(double eta, double beta) : eta_(eta), beta_(beta) {}
  double next(const Point& at) noexcept override {
    velocity_ = started_ ? velocity_ * beta_ + at.df : at.df;
    started_ = true;
    return at.x - eta_ * (at.df + beta_ * velocity_);
  }

 private:
  double eta_, beta_;
  double velocity_ = 0;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Stepper> makeGradientStepper(Method method, double eta,
                                             const ResolvedHyperparameters& hyper) {
  switch (method) {
    case Method::momentum:
      return std::make_unique<Momentum>(eta, hyper.beta);
    case Method::nesterov:
      return std::make_unique<Nesterov>(eta, hyper.beta);
    default:
      return std::make_unique<GradientDescent>(eta);
  }
}

}  // namespace descent::optim
