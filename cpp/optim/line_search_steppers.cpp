// Steps that choose their own length along -g (g is f'(x), or with noise and clipping as asked): Armijo
// backtracking and an exact line search. Both start from the step's learning rate, the first trial step.
#include <algorithm>
#include <cmath>
#include <limits>

#include "optim/stepper.hpp"

namespace descent::optim {
namespace {

// Bounds that keep one step's cost finite whatever the function does.
constexpr int kMaxArmijoShrinks = 100;
constexpr int kMaxBracketExpansions = 64;
constexpr int kMaxGoldenIterations = 200;
constexpr int kMaxBisections = 1100;  // enough to reach any double from any bracket

// NaN (outside the domain) counts as worse than anything, so a search never walks into it.
bool lower(double a, double b) { return a < b || (std::isnan(b) && !std::isnan(a)); }

// Shrinks t from eta until f(x - t g) <= f(x) - c t g^2 (sufficient decrease). After the bounded number of
// shrinks it takes the last, tiny, trial step.
class Armijo final : public Stepper {
 public:
  Armijo(const Function& fn, double c, double shrink) : fn_(fn), c_(c), shrink_(shrink) {}
  double next(const Point& at, double g, double lr) noexcept override {
    double t = lr;
    trials_ = 0;
    for (int i = 0; i < kMaxArmijoShrinks; ++i) {
      if (trials_ < kKeptTrials) tried_[trials_] = t;
      ++trials_;
      double trial = fn_.value(at.x - t * g);
      if (trial <= at.f - c_ * t * (g * g)) break;
      t *= shrink_;
    }
    accepted_ = t;
    return at.x - t * g;
  }
  void describe(std::vector<std::pair<const char*, double>>& values,
                std::vector<double>& trials) const override {
    values.emplace_back("accepted t", accepted_);
    values.emplace_back("backtracks", trials_ - 1);
    trials.assign(tried_, tried_ + std::min(trials_, kKeptTrials));
  }

 private:
  static constexpr int kKeptTrials = 16;  // the first trial steps a reader is shown
  const Function& fn_;
  double c_, shrink_;
  double tried_[kKeptTrials] = {};
  int trials_ = 0;
  double accepted_ = 0;
};

// Minimises phi(t) = f(x - t f'(x)) over t >= 0: brackets a minimum starting from t = eta (doubling while
// phi keeps falling), then narrows the bracket until it cannot shrink in float64. Where phi' = -g f'(x - t g)
// changes sign across the bracket it bisects on that sign, which pins the minimum to the last bit; values
// alone (golden section) only find it to about the square root of machine precision, as f is flat there.
class ExactLineSearch final : public Stepper {
 public:
  explicit ExactLineSearch(const Function& fn) : fn_(fn) {}
  double next(const Point& at, double g, double lr) noexcept override {
    if (g == 0) return at.x;
    x_ = at.x;
    g_ = g;
    eta_ = lr;
    double hi = bracketEnd(at.f);
    double t = rayDerivative(hi) > 0 ? bisectDerivative(0, hi) : goldenSection(0, hi);
    // A non-unimodal ray can fool the search; never accept a step that goes uphill.
    accepted_ = lower(phi(t), at.f) ? t : 0;
    bracket_ = hi;
    return accepted_ != 0 ? x_ - t * g_ : at.x;
  }
  void describe(std::vector<std::pair<const char*, double>>& values, std::vector<double>&) const override {
    values.emplace_back("bracket end", bracket_);
    values.emplace_back("accepted t", accepted_);
  }

 private:
  double phi(double t) const { return fn_.value(x_ - t * g_); }

  // The far end of an interval [0, end] that holds a minimum of phi.
  double bracketEnd(double phi0) const {
    double t = eta_;
    double phiT = phi(t);
    if (!lower(phiT, phi0)) return t;
    for (int i = 0; i < kMaxBracketExpansions; ++i) {
      double further = 2 * t;
      double phiFurther = phi(further);
      if (!lower(phiFurther, phiT)) return further;
      t = further;
      phiT = phiFurther;
    }
    return t;  // phi kept falling: the function is unbounded below along the ray, or nearly so
  }

  double rayDerivative(double t) const { return -g_ * fn_.slope(x_ - t * g_).df; }

  // phi' < 0 at lo (it is -g^2 at 0) and > 0 at hi.
  double bisectDerivative(double lo, double hi) const {
    for (int i = 0; i < kMaxBisections; ++i) {
      double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      double slope = rayDerivative(mid);
      if (slope == 0) return mid;
      (slope < 0 ? lo : hi) = mid;
    }
    return lower(phi(hi), phi(lo)) ? hi : lo;
  }

  double goldenSection(double lo, double hi) const {
    const double invGolden = (std::sqrt(5.0) - 1) / 2;
    double a = hi - invGolden * (hi - lo), b = lo + invGolden * (hi - lo);
    double phiA = phi(a), phiB = phi(b);
    for (int i = 0; i < kMaxGoldenIterations; ++i) {
      if (hi - lo <= 2 * std::numeric_limits<double>::epsilon() * std::abs(hi)) break;
      if (lower(phiA, phiB) || (phiA == phiB && !std::isnan(phiA))) {
        hi = b, b = a, phiB = phiA;
        a = hi - invGolden * (hi - lo), phiA = phi(a);
      } else {
        lo = a, a = b, phiA = phiB;
        b = lo + invGolden * (hi - lo), phiB = phi(b);
      }
    }
    return lower(phiB, phiA) ? b : a;
  }

  const Function& fn_;
  double eta_ = 0;
  double x_ = 0, g_ = 0;
  double accepted_ = 0, bracket_ = 0;
};

}  // namespace

std::unique_ptr<Stepper> makeLineSearchStepper(Method method, const Function& fn,
                                               const ResolvedHyperparameters& hyper) {
  if (method == Method::armijo) return std::make_unique<Armijo>(fn, hyper.c, hyper.shrink);
  return std::make_unique<ExactLineSearch>(fn);
}

}  // namespace descent::optim
