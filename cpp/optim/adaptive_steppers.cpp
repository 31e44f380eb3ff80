// torch.optim.Adagrad, RMSprop and Adam for one parameter, without weight decay. Each line mirrors the
// tensor operation torch performs, in the same order (addcmul_ and addcdiv_ multiply or divide first, then
// scale), so float64 paths agree bit for bit with a notebook.
#include <cmath>

#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

// s += g*g; x -= eta * (g / (sqrt(s) + eps)).
class Adagrad final : public Stepper {
 public:
  Adagrad(double eta, double eps) : eta_(eta), eps_(eps) {}
  double next(const Point& at) noexcept override {
    sum_ = sum_ + at.df * at.df;
    double denom = std::sqrt(sum_) + eps_;
    return at.x - eta_ * (at.df / denom);
  }

 private:
  double eta_, eps_;
  double sum_ = 0;
};

// s = alpha*s + (1-alpha)*(g*g); x -= eta * (g / (sqrt(s) + eps)).
class Rmsprop final : public Stepper {
 public:
  Rmsprop(double eta, double alpha, double eps) : eta_(eta), alpha_(alpha), eps_(eps) {}
  double next(const Point& at) noexcept override {
    square_ = square_ * alpha_ + (1 - alpha_) * (at.df * at.df);
    double denom = std::sqrt(square_) + eps_;
    return at.x - eta_ * (at.df / denom);
  }

 private:
  double eta_, alpha_, eps_;
  double square_ = 0;
};

// torch's lerp: m + w*(g - m) when |w| < 0.5, otherwise g - (g - m)*(1 - w).
double lerp(double from, double to, double weight) {
  return std::abs(weight) < 0.5 ? from + weight * (to - from) : to - (to - from) * (1 - weight);
}

// m = lerp(m, g, 1-beta1) (torch's form of beta1*m + (1-beta1)*g); v = beta2*v + (1-beta2)*(g*g);
// x -= (eta/(1-beta1^t)) * (m / (sqrt(v)/sqrt(1-beta2^t) + eps)).
class Adam final : public Stepper {
 public:
  Adam(double eta, double beta1, double beta2, double eps)
      : eta_(eta), beta1_(beta1), beta2_(beta2), eps_(eps) {}
  double next(const Point& at) noexcept override {
    t_ += 1;
    first_ = lerp(first_, at.df, 1 - beta1_);
    second_ = second_ * beta2_ + (1 - beta2_) * (at.df * at.df);
    double correction1 = 1 - std::pow(beta1_, t_);
    double correction2 = 1 - std::pow(beta2_, t_);
    double stepSize = eta_ / correction1;
    double denom = std::sqrt(second_) / std::sqrt(correction2) + eps_;
    return at.x - stepSize * (first_ / denom);
  }

 private:
  double eta_, beta1_, beta2_, eps_;
  double first_ = 0, second_ = 0;
  double t_ = 0;  // a double, as torch keeps it, so beta^t is pow(double, double)
};

}  // namespace

std::unique_ptr<Stepper> makeAdaptiveStepper(Method method, double eta,
                                             const ResolvedHyperparameters& hyper) {
  switch (method) {
    case Method::adagrad:
      return std::make_unique<Adagrad>(eta, hyper.eps);
    case Method::rmsprop:
      return std::make_unique<Rmsprop>(eta, hyper.alpha, hyper.eps);
    default:
      return std::make_unique<Adam>(eta, hyper.beta1, hyper.beta2, hyper.eps);
  }
}

}  // namespace descent::optim
