#pragma once
// What a person asks of one run, and the same with every default filled in and every value checked
// against the settings table (optim/settings.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "optim/method.hpp"
#include "optim/schedule.hpp"

namespace descent::optim {

struct RunSettings {
  double x0 = 0;
  double eta = 0.1;  // learning rate; the first trial step for armijo and exact; unused by newton
  long long steps = 0;
  Method method = Method::gd;
  Hyperparameters hyper;
  std::optional<double> tolerance;  // stop as converged once |f'| <= tolerance; off when empty
  Schedule schedule = Schedule::constant;
  ScheduleParameters scheduleParameters;
  std::optional<double> clip;  // clip_grad_norm_'s max_norm; off when empty
  double noise = 0;            // σ of the gradient noise
  std::uint64_t seed = 1;      // of the noise
};

struct ResolvedRun {
  ResolvedHyperparameters hyper;
  ScheduleSettings schedule;
};

// Throws SettingsError (naming the setting) unless every setting is within its range in the settings
// table. Fills in the method's hyperparameters and the schedule's parameters (a cosine's tMax is the
// run's steps unless given).
ResolvedRun validate(const RunSettings& settings);

// Sets the run's numeric setting `name` (as the settings table names it: "x0", "beta2", "gamma", "clip",
// ...) to value, unchecked: validate checks it. Throws SettingsError for a name the table does not have.
void setByName(RunSettings& settings, std::string_view name, double value);
// The same for the two settings that are names: "method" and "schedule". Throws SettingsError for an
// unknown method or schedule.
void setChoice(RunSettings& settings, std::string_view name, std::string_view value);

// Names of the settings given that the method or the schedule does not read, so a caller can warn.
std::vector<std::string> unusedSettings(const RunSettings& settings);

}  // namespace descent::optim
