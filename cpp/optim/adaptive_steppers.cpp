// torch.optim.Adagrad, RMSprop, Adam and AdamW for one parameter. Each line is the tensor operation torch
// 1.13 performs (_single_tensor_adagrad, _rmsprop, _adam, _adamw), in the same order and with the same
// rounding: addcmul_(t1, t2, value=v) is self + (v*t1)*t2 and addcdiv_(t1, t2, value=v) is
// self + (v*t1)/t2, add_(t, alpha=a) is self + a*t. With ATEN_CPU_CAPABILITY=default (no fused
// multiply-adds) torch computes exactly these doubles (tests/reference holds its trajectories).
#include <cmath>

#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

// sum.addcmul_(g, g, value=1); std = sqrt(sum) + eps; x.addcdiv_(g, std, value=-lr) (lr_decay 0).
class Adagrad final : public Stepper {
 public:
  Adagrad(double eps, double weightDecay) : eps_(eps), weightDecay_(weightDecay) {}
  double next(const Point& at, double g, double lr) noexcept override {
    d_ = withDecay(g, at.x, weightDecay_);
    sum_ = sum_ + d_ * d_;
    denom_ = std::sqrt(sum_) + eps_;
    return at.x + ((-lr) * d_) / denom_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    if (weightDecay_ != 0) values.emplace_back("decayed gradient", d_);
    values.emplace_back("sum of squares", sum_);
    values.emplace_back("denominator", denom_);
  }

 private:
  double eps_, weightDecay_;
  double sum_ = 0, d_ = 0, denom_ = 0;
};

// s.mul_(alpha).addcmul_(g, g, value=1-alpha); avg = sqrt(s) + eps; x.addcdiv_(g, avg, value=-lr).
class Rmsprop final : public Stepper {
 public:
  Rmsprop(double alpha, double eps, double weightDecay)
      : alpha_(alpha), eps_(eps), weightDecay_(weightDecay) {}
  double next(const Point& at, double g, double lr) noexcept override {
    d_ = withDecay(g, at.x, weightDecay_);
    square_ = square_ * alpha_ + ((1 - alpha_) * d_) * d_;
    denom_ = std::sqrt(square_) + eps_;
    return at.x + ((-lr) * d_) / denom_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    if (weightDecay_ != 0) values.emplace_back("decayed gradient", d_);
    values.emplace_back("square average", square_);
    values.emplace_back("denominator", denom_);
  }

 private:
  double alpha_, eps_, weightDecay_;
  double square_ = 0, d_ = 0, denom_ = 0;
};

// m.mul_(beta1).add_(g, alpha=1-beta1); v.mul_(beta2).addcmul_(g, g, value=1-beta2);
// denom = sqrt(v)/sqrt(1-beta2^t) + eps; x.addcdiv_(m, denom, value=-(lr/(1-beta1^t))).
// AdamW first decays x itself: x.mul_(1 - lr*weightDecay); Adam adds weightDecay*x to the gradient.
class Adam final : public Stepper {
 public:
  Adam(double beta1, double beta2, double eps, double weightDecay, bool decoupled)
      : beta1_(beta1), beta2_(beta2), eps_(eps), weightDecay_(weightDecay), decoupled_(decoupled) {}
  double next(const Point& at, double g, double lr) noexcept override {
    t_ += 1;
    x_ = at.x;
    if (decoupled_) x_ = x_ * (1 - lr * weightDecay_);
    d_ = decoupled_ ? g : withDecay(g, x_, weightDecay_);
    first_ = first_ * beta1_ + (1 - beta1_) * d_;
    second_ = second_ * beta2_ + ((1 - beta2_) * d_) * d_;
    correction1_ = 1 - std::pow(beta1_, t_);
    correction2_ = 1 - std::pow(beta2_, t_);
    stepSize_ = lr / correction1_;
    denom_ = std::sqrt(second_) / std::sqrt(correction2_) + eps_;
    return x_ + ((-stepSize_) * first_) / denom_;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    if (decoupled_ && weightDecay_ != 0) values.emplace_back("decayed x", x_);
    if (!decoupled_ && weightDecay_ != 0) values.emplace_back("decayed gradient", d_);
    values.emplace_back("first moment", first_);
    values.emplace_back("second moment", second_);
    values.emplace_back("bias correction 1", correction1_);
    values.emplace_back("bias correction 2", correction2_);
    values.emplace_back("step size", stepSize_);
    values.emplace_back("denominator", denom_);
    values.emplace_back("effective step", stepSize_ / denom_);
  }

 private:
  double beta1_, beta2_, eps_, weightDecay_;
  bool decoupled_;
  double first_ = 0, second_ = 0;
  double t_ = 0;  // a double, as torch's step.item() is, so beta^t is pow(double, double)
  double x_ = 0, d_ = 0, correction1_ = 1, correction2_ = 1, stepSize_ = 0, denom_ = 1;
};

}  // namespace

std::unique_ptr<Stepper> makeAdaptiveStepper(Method method, const ResolvedHyperparameters& hyper) {
  switch (method) {
    case Method::adagrad:
      return std::make_unique<Adagrad>(hyper.eps, hyper.weightDecay);
    case Method::rmsprop:
      return std::make_unique<Rmsprop>(hyper.alpha, hyper.eps, hyper.weightDecay);
    case Method::adamw:
      return std::make_unique<Adam>(hyper.beta1, hyper.beta2, hyper.eps, hyper.weightDecay, true);
    default:
      return std::make_unique<Adam>(hyper.beta1, hyper.beta2, hyper.eps, hyper.weightDecay, false);
  }
}

}  // namespace descent::optim
