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
using SP = ScheduleParameters;
using SS = ScheduleSettings;

// A setting of the run itself, a hyperparameter (its default is the method's), a schedule parameter (its
// default is the schedule's) and a training setting.
Setting plain(const char* name, const char* label, const char* help, const char* note, Group group,
              bool whole, Bound low, Bound high, double fallback, bool required = false) {
  return {name, label, help, note, group, whole, low, high, fallback, required};
}
Setting hyper(const char* name, const char* label, const char* help, Group group, Bound low, Bound high,
              std::optional<double> H::*given, double R::*resolved) {
  Setting setting = plain(name, label, help, "", group, false, low, high, kNone);
  setting.given = given;
  setting.resolved = resolved;
  return setting;
}
Setting scheduled(const char* name, const char* label, const char* help, bool whole, Bound low, Bound high,
                  std::optional<double> SP::*given, double SS::*resolved) {
  Setting setting = plain(name, label, help, "", Group::schedule, whole, low, high, kNone);
  setting.scheduleGiven = given;
  setting.scheduleResolved = resolved;
  return setting;
}

Setting noted(Setting setting, const char* note) {
  setting.note = note;
  return setting;
}

constexpr Bound kMostSteps{double(kMaxSteps), false};
constexpr Bound kOne{1, false};  // 1 allowed

// clang-format off
const Setting kX0 = plain("x0", "x₀", "the start", "", Group::run, false, kFree, kAbove, kNone, true);
const Setting kEta = plain("eta", "η", "the step size", "the learning rate; the first trial step of armijo and exact",
                           Group::run, false, kPositive, kAbove, kNone, true);
const Setting kSteps = plain("steps", "steps", "the number of steps", "", Group::run, true, kZero, kMostSteps, kNone, true);
const Setting kTolerance = plain("tolerance", "tolerance", "the tolerance",
                                 "stop as converged once |f'(x)| <= tolerance; off when not given", Group::run,
                                 false, kZero, kAbove, kNone);
const Setting kBeta = hyper("beta", "β", "the velocity decay", Group::method, kZero, kBelowOne, &H::beta, &R::beta);
const Setting kAlpha = hyper("alpha", "α", "the square-average decay", Group::method, kPositive, kBelowOne, &H::alpha, &R::alpha);
const Setting kBeta1 = hyper("beta1", "β₁", "the first-moment decay", Group::method, kZero, kBelowOne, &H::beta1, &R::beta1);
const Setting kBeta2 = hyper("beta2", "β₂", "the second-moment decay", Group::method, kZero, kBelowOne, &H::beta2, &R::beta2);
const Setting kEps = hyper("eps", "ε", "the term added to the denominator", Group::method, kPositive, kAbove, &H::eps, &R::eps);
const Setting kC = hyper("c", "c", "the sufficient-decrease constant", Group::method, kPositive, kBelowOne, &H::c, &R::c);
const Setting kShrink = hyper("shrink", "shrink", "the backtracking factor", Group::method, kPositive, kBelowOne, &H::shrink, &R::shrink);
const Setting kWeightDecay = noted(hyper("weightDecay", "weight decay", "the weight decay", Group::training, kZero, kAbove,
                                         &H::weightDecay, &R::weightDecay),
                                   "g + λ·x for λ this value; adamw instead scales x by 1 − η·λ");
const Setting kStepSize = noted(scheduled("stepSize", "every", "the schedule's step size", true, kOne, kMostSteps,
                                          &SP::stepSize, &SS::stepSize),
                                "steps between two multiplications by γ");
const Setting kGamma = scheduled("gamma", "γ", "the schedule's factor", false, kPositive, kAbove, &SP::gamma, &SS::gamma);
const Setting kTMax = scheduled("tMax", "T_max", "the cosine's half period", true, kOne, kMostSteps, &SP::tMax, &SS::tMax);
const Setting kEtaMin = scheduled("etaMin", "η_min", "the cosine's lowest rate", false, kZero, kAbove, &SP::etaMin, &SS::etaMin);
const Setting kStartFactor = scheduled("startFactor", "start factor", "the warm-up's start factor", false, kPositive, kOne,
                                       &SP::startFactor, &SS::startFactor);
const Setting kEndFactor = scheduled("endFactor", "end factor", "the warm-up's end factor", false, kZero, kOne,
                                     &SP::endFactor, &SS::endFactor);
const Setting kTotalIters = scheduled("totalIters", "over", "the warm-up's length in steps", true, kOne, kMostSteps,
                                      &SP::totalIters, &SS::totalIters);
const Setting kClip = plain("clip", "clip", "the largest gradient norm",
                            "g is scaled down to |g| <= clip (torch's clip_grad_norm_); off when not given", Group::training, false,
                            kPositive, kAbove, kNone);
const Setting kNoise = plain("noise", "σ", "the gradient noise", "each step sees f'(x) + σ·ξ, ξ standard normal",
                             Group::training, false, kZero, kAbove, 0);
const Setting kSeed = plain("seed", "seed", "the noise seed", "the same seed gives the same noise", Group::training,
                            true, kZero, {kLargestSeed, false}, 1);

const std::vector<Setting> kRun{kX0,        kEta,    kSteps, kTolerance,   kBeta,      kAlpha,      kBeta1,
                                kBeta2,     kEps,    kC,     kShrink,      kWeightDecay, kStepSize, kGamma,
                                kTMax,      kEtaMin, kStartFactor, kEndFactor, kTotalIters, kClip,  kNoise,
                                kSeed};

const std::vector<Setting> kMultiStart{
    plain("count", "starts", "the number of starts", "", Group::run, true, kOne, {double(kMaxStarts), false}, 50),
    plain("seed", "seed", "the seed of the starts (splitmix64)", "", Group::run, true, kZero, {kLargestSeed, false}, 1),
    plain("a", "a", "the left end of the range the starts are drawn from", "", Group::run, false, kFree, kAbove, -3),
    plain("b", "b", "the right end of that range", "", Group::run, false, kFree, kAbove, 3),
};

const std::vector<Setting> kSweep{
    plain("etaMin", "smallest η", "the smallest step size of the sweep", "", Group::run, false, kPositive, kAbove, 0.001),
    plain("etaMax", "largest η", "the largest step size of the sweep", "", Group::run, false, kPositive, kAbove, 1),
    plain("count", "step sizes", "the number of step sizes", "", Group::run, true, kOne, {double(kMaxSweepColumns), false}, 400),
    plain("burnIn", "burn-in", "the steps run before iterates are kept", "", Group::run, true, kZero, kAbove, 500),
    plain("keep", "kept", "the iterates kept per step size", "", Group::run, true, kOne, kAbove, 50),
};
// clang-format on

// Weight decay in the form torch's optimizers add it: g + λ·x inside the step (AdamW decouples it).
const std::vector<MethodInfo>& methodTable() {
  const std::pair<const Setting*, double> decay{&kWeightDecay, 0};
  static const std::vector<MethodInfo> table{
      {Method::gd, "gd", "Gradient descent", "x ← x − η·g", true, {decay}},
      {Method::momentum, "momentum", "Momentum", "v ← β·v + g;  x ← x − η·v", true, {{&kBeta, 0.9}, decay}},
      {Method::nesterov,
       "nesterov",
       "Nesterov momentum",
       "v ← β·v + g;  x ← x − η·(g + β·v)",
       true,
       {{&kBeta, 0.9}, decay}},
      {Method::adagrad,
       "adagrad",
       "AdaGrad",
       "s ← s + g²;  x ← x − η·g / (√s + ε)",
       true,
       {{&kEps, 1e-10}, decay}},
      {Method::rmsprop,
       "rmsprop",
       "RMSprop",
       "s ← α·s + (1−α)·g²;  x ← x − η·g / (√s + ε)",
       true,
       {{&kAlpha, 0.99}, {&kEps, 1e-8}, decay}},
      {Method::adam,
       "adam",
       "Adam",
       "m ← β₁·m + (1−β₁)·g;  s ← β₂·s + (1−β₂)·g²;  x ← x − η·m̂ / (√ŝ + ε), with bias-corrected m̂, ŝ",
       true,
       {{&kBeta1, 0.9}, {&kBeta2, 0.999}, {&kEps, 1e-8}, decay}},
      {Method::adamw,
       "adamw",
       "AdamW",
       "x ← x·(1 − η·λ), then Adam's step: the weight decay λ is decoupled from the gradient",
       true,
       {{&kBeta1, 0.9}, {&kBeta2, 0.999}, {&kEps, 1e-8}, {&kWeightDecay, 0.01}}},
      {Method::armijo,
       "armijo",
       "Backtracking (Armijo)",
       "t starts at η and is multiplied by shrink until f(x − t·g) ≤ f(x) − c·t·g²;  x ← x − t·g",
       true,
       {{&kC, 1e-4}, {&kShrink, 0.5}}},
      {Method::exact,
       "exact",
       "Exact line search",
       "t minimises f(x − t·g) along the ray, searching from t = η;  x ← x − t·g",
       true,
       {}},
      {Method::newton,
       "newton",
       "Newton",
       "x ← x − g / f″(x)  (η is not used: every step size gives the same path)",
       false,
       {}},
  };
  return table;
}

// torch.optim.lr_scheduler's, with torch's defaults where torch has one. The rate of step k is the one
// the scheduler holds after k calls of scheduler.step().
const std::vector<ScheduleInfo>& scheduleTable() {
  static const std::vector<ScheduleInfo> table{
      {Schedule::constant, "constant", "Constant", "η_k = η", {}},
      {Schedule::step,
       "step",
       "Step decay (StepLR)",
       "η is multiplied by γ every stepSize steps",
       {{&kStepSize, 10}, {&kGamma, 0.1}}},
      {Schedule::exponential,
       "exponential",
       "Exponential decay (ExponentialLR)",
       "η is multiplied by γ every step",
       {{&kGamma, 0.9}}},
      {Schedule::cosine,
       "cosine",
       "Cosine annealing (CosineAnnealingLR)",
       "η falls along a half cosine to η_min over T_max steps (T_max: the run's steps unless given), then "
       "climbs back, with period 2·T_max",
       {{&kTMax, kNone}, {&kEtaMin, 0}}},
      {Schedule::linear,
       "linear",
       "Linear warm-up (LinearLR)",
       "η is multiplied by a factor that moves in a straight line from the start factor to the end factor "
       "over totalIters steps",
       {{&kStartFactor, 1.0 / 3}, {&kEndFactor, 1}, {&kTotalIters, 5}}},
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

const std::vector<ScheduleInfo>& schedules() { return scheduleTable(); }

const ScheduleInfo& infoOf(Schedule schedule) {
  for (const ScheduleInfo& info : scheduleTable())
    if (info.schedule == schedule) return info;
  return scheduleTable().front();
}

std::optional<Schedule> scheduleFromName(std::string_view name) {
  for (const ScheduleInfo& info : scheduleTable())
    if (name == info.name) return info.schedule;
  return std::nullopt;
}

const char* nameOf(Schedule schedule) { return infoOf(schedule).name; }

}  // namespace descent::optim
