#pragma once
// Learning-rate schedules as torch.optim.lr_scheduler computes them (torch 1.13): the scheduler is stepped
// once after every optimizer step, and each new rate is computed from the previous one (the "recursive"
// get_lr), not from a closed form, so the rates agree with torch's to the last bit. One consequence, as in
// torch: a cosine schedule past tMax climbs back up and repeats with period 2*tMax.
#include <optional>

namespace descent::optim {

enum class Schedule { constant, step, exponential, cosine, linear };

// What a person asked for; anything left empty takes the schedule's default (optim/settings.hpp).
struct ScheduleParameters {
  std::optional<double> stepSize;     // step: every stepSize steps
  std::optional<double> gamma;        // step, exponential: the factor
  std::optional<double> tMax;         // cosine: the half period
  std::optional<double> etaMin;       // cosine: the lowest rate
  std::optional<double> startFactor;  // linear
  std::optional<double> endFactor;    // linear
  std::optional<double> totalIters;   // linear: steps from the start factor to the end factor
};

// Every value the schedule reads filled in; the others are ignored.
struct ScheduleSettings {
  Schedule kind = Schedule::constant;
  double stepSize = 1, gamma = 1, tMax = 1, etaMin = 0, startFactor = 1, endFactor = 1, totalIters = 1;
};

class LearningRate {
 public:
  // The rate after the scheduler's construction (only linear changes it there: eta * startFactor).
  LearningRate(double eta, const ScheduleSettings& settings);
  // The rate the next optimizer step uses.
  double rate() const { return rate_; }
  // scheduler.step(): the rate for the step after.
  void advance();

 private:
  double base_;
  double rate_;
  long long epoch_ = 0;  // torch's last_epoch
  ScheduleSettings settings_;
};

}  // namespace descent::optim
