#include "optim/settings.hpp"

#include <cmath>

#include "expr/number_text.hpp"

namespace descent::optim {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr Bound kFree{-kUnbounded, true};
constexpr Bound kAbove{kUnbounded, true};
constexpr Bound kZero{0, false};                   // 0 allowed
constexpr Bound kPositive{0, true};                // above 0
constexpr Bound kBelowOne{1, true};                // below 1
constexpr double kLargestSeed = 9007199254740991;  // 2^53 - 1: every whole number below it is a JS number

using H = Hyperparameters;
using R = ResolvedHyperparameters;

// clang-format off
const Setting kX0{"x0", "x₀", "the start", "", false, kFree, kAbove, kNone, nullptr, nullptr, true};
const Setting kEta{"eta", "η", "the step size", "the learning rate; the first trial step of armijo and exact", false, kPositive, kAbove, kNone, nullptr, nullptr, true};
const Setting kSteps{"steps", "steps", "the number of steps", "", true, kZero, {double(kMaxSteps), false}, kNone, nullptr, nullptr, true};
const Setting kTolerance{"tolerance", "tolerance", "the tolerance",
                         "stop as converged once |f'(x)| <= tolerance; off when not given", false, kZero, kAbove, kNone};
const Setting kBeta{"beta", "β", "the velocity decay", "", false, kZero, kBelowOne, kNone, &H::beta, &R::beta};
const Setting kAlpha{"alpha", "α", "the square-average decay", "", false, kPositive, kBelowOne, kNone,
                     &H::alpha, &R::alpha};
const Setting kEps{"eps", "ε", "the term added to the denominator", "", false, kPositive, kAbove, kNone, &H::eps, &R::eps};
const Setting kBeta1{"beta1", "β₁", "the first-moment decay", "", false, kZero, kBelowOne, kNone, &H::beta1, &R::beta1};
const Setting kBeta2{"beta2", "β₂", "the second-moment decay", "", false, kZero, kBelowOne, kNone, &H::beta2, &R::beta2};
const Setting kC{"c", "c", "the sufficient-decrease constant", "", false, kPositive, kBelowOne, kNone, &H::c, &R::c};
const Setting kShrink{"shrink", "shrink", "the backtracking factor", "", false, kPositive, kBelowOne, kNone,
                      &H::shrink, &R::shrink};

const std::vector<Setting> kRun{kX0, kEta, kSteps, kTolerance, kBeta, kAlpha, kBeta1, kBeta2, kEps, kC, kShrink};

const std::vector<Setting> kMultiStart{
    {"count", "starts", "the number of starts", "", true, {1, false}, {double(kMaxStarts), false}, 50},
    {"seed", "seed", "the seed of the starts (splitmix64)", "", true, kZero, {kLargestSeed, false}, 1},
    {"a", "a", "the left end of the range the starts are drawn from", "", false, kFree, kAbove, -3},
    {"b", "b", "the right end of that range", "", false, kFree, kAbove, 3},
};

const std::vector<Setting> kSweep{
    {"etaMin", "smallest η", "the smallest step size of the sweep", "", false, kPositive, kAbove, 0.001},
    {"etaMax", "largest η", "the largest step size of the sweep", "", false, kPositive, kAbove, 1},
    {"count", "step sizes", "the number of step sizes", "", true, {1, false}, {double(kMaxSweepColumns), false}, 400},
    {"burnIn", "burn-in", "the steps run before iterates are kept", "", true, kZero, kAbove, 500},
    {"keep", "kept", "the iterates kept per step size", "", true, {1, false}, kAbove, 50},
};
// clang-format on

const std::vector<MethodInfo>& methodTable() {
  static const std::vector<MethodInfo> table{
      {Method::gd, "gd", "Gradient descent", "x ← x − η·f′(x)", true, {}},
      {Method::momentum, "momentum", "Momentum", "v ← β·v + f′(x);  x ← x − η·v", true, {{&kBeta, 0.9}}},
      {Method::nesterov,
       "nesterov",
       "Nesterov momentum",
       "v ← β·v + f′(x);  x ← x − η·(f′(x) + β·v)",
       true,
       {{&kBeta, 0.9}}},
      {Method::adagrad,
       "adagrad",
       "AdaGrad",
       "s ← s + f′(x)²;  x ← x − η·f′(x) / (√s + ε)",
       true,
       {{&kEps, 1e-10}}},
      {Method::rmsprop,
       "rmsprop",
       "RMSprop",
       "s ← α·s + (1−α)·f′(x)²;  x ← x − η·f′(x) / (√s + ε)",
       true,
       {{&kAlpha, 0.99}, {&kEps, 1e-8}}},
      {Method::adam,
       "adam",
       "Adam",
       "m ← β₁·m + (1−β₁)·f′(x);  s ← β₂·s + (1−β₂)·f′(x)²;  x ← x − η·m̂ / (√ŝ + ε), with bias-corrected m̂, "
       "ŝ",
       true,
       {{&kBeta1, 0.9}, {&kBeta2, 0.999}, {&kEps, 1e-8}}},
      {Method::armijo,
       "armijo",
       "Backtracking (Armijo)",
       "t starts at η and is multiplied by shrink until f(x − t·f′(x)) ≤ f(x) − c·t·f′(x)²;  x ← x − t·f′(x)",
       true,
       {{&kC, 1e-4}, {&kShrink, 0.5}}},
      {Method::exact,
       "exact",
       "Exact line search",
       "t minimises f(x − t·f′(x)) along the ray, searching from t = η;  x ← x − t·f′(x)",
       true,
       {}},
      {Method::newton,
       "newton",
       "Newton",
       "x ← x − f′(x) / f″(x)  (η is not used: every step size gives the same path)",
       false,
       {}},
  };
  return table;
}

}  // namespace

std::string Setting::requirement() const {
  const bool bounded = std::isfinite(low.value) || std::isfinite(high.value);
  return (bounded && !whole ? "satisfy " : "be ") + rule();
}

std::string Setting::rule() const {
  const bool lowBound = std::isfinite(low.value), highBound = std::isfinite(high.value);
  std::string text;
  if (lowBound) text += formatNumber(low.value) + (low.open ? " < " : " <= ");
  if (lowBound || highBound) text += name;
  if (highBound) text += (high.open ? " < " : " <= ") + formatNumber(high.value);
  if (!lowBound && !highBound) return whole ? "a whole number" : "a finite number";
  return whole ? "a whole number with " + text : text;
}

const std::vector<Setting>& settingsOf(Request request) {
  switch (request) {
    case Request::multiStart:
      return kMultiStart;
    case Request::sweep:
      return kSweep;
    case Request::run:
      break;
  }
  return kRun;
}

const Setting* findSetting(Request request, std::string_view name) {
  for (const Setting& setting : settingsOf(request))
    if (name == setting.name) return &setting;
  return nullptr;
}

void check(const Setting& setting, double value, const char* method) {
  const bool inRange = std::isfinite(value) &&
                       (setting.low.open ? value > setting.low.value : value >= setting.low.value) &&
                       (setting.high.open ? value < setting.high.value : value <= setting.high.value) &&
                       (!setting.whole || std::floor(value) == value);
  if (inRange) return;
  throw SettingsError(setting.name, std::string(setting.name) + " = " + formatNumber(value) +
                                        " is out of range" +
                                        (method ? std::string(" for ") + method : std::string()) + ": " +
                                        setting.help + " must " + setting.requirement());
}

void check(Request request, std::string_view name, double value) {
  const Setting* setting = findSetting(request, name);
  if (!setting) throw SettingsError(std::string(name), "unknown setting '" + std::string(name) + "'");
  check(*setting, value);
}

const std::vector<MethodInfo>& methods() { return methodTable(); }

const MethodInfo& infoOf(Method method) {
  for (const MethodInfo& info : methodTable())
    if (info.method == method) return info;
  return methodTable().front();
}

}  // namespace descent::optim
