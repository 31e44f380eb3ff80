#pragma once
// Every setting of a request to the engine, declared once: its name (the engine's, and the CLI's --name),
// what a person reads about it, its range with open or closed ends, and its default; every method with
// its label, update rule and the hyperparameters it reads with PyTorch's defaults; the caps on work.
// The engine validates against this table, the CLI prints its --help from it, and the WASM engine hands
// it to JS as engine.settings, from which the page's form, its URL, the element's attributes and the
// embed snippet are generated.
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "optim/method.hpp"
#include "optim/schedule.hpp"

namespace descent::optim {

// The most steps one run may take: the page runs up to 8 paths at once, and 8 paths of a million points
// with f and f' are 192 MB.
constexpr long long kMaxSteps = 1'000'000;
// Starts and sweep columns: what the page can still draw as points and columns without stalling.
constexpr int kMaxStarts = 10'000;
constexpr long long kMaxMultiStartSteps = 100'000'000;  // starts times steps: the work of one call
constexpr int kMaxSweepColumns = 5'000;
constexpr long long kMaxSweepSteps = 100'000'000;  // step sizes times (burnIn + keep)
constexpr int kMaxAnalysisCells = 1'000'000;       // grid cells when searching for stationary points

// One end of a setting's range. An infinite value means no bound on that side: every setting must be a
// finite number in any case.
struct Bound {
  double value;
  bool open;  // the value itself is refused
};
constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Where a setting of a run belongs, for a form and for --help: the run itself, the method's
// hyperparameters, the learning-rate schedule, or the other training settings (clipping, weight decay,
// noise).
enum class Group { run, method, schedule, training };

struct Setting {
  const char* name;   // as the engine, the CLI (--name), the URL and the element's attributes say it
  const char* label;  // as the page shows it: "η", "β₂"
  const char* help;   // what it is, in error messages too: "the step size"
  const char* note;   // more for --help and the page, or ""
  Group group;
  bool whole;  // whole numbers only
  Bound low, high;
  double fallback;        // the default; NaN when there is none, or it depends on the method or schedule
  bool required = false;  // a request without it is refused (the others fall back to their default)
  // A hyperparameter's slots in the two structs, or a schedule parameter's; null for the other settings.
  std::optional<double> Hyperparameters::*given = nullptr;
  double ResolvedHyperparameters::*resolved = nullptr;
  std::optional<double> ScheduleParameters::*scheduleGiven = nullptr;
  double ScheduleSettings::*scheduleResolved = nullptr;

  // "0 <= beta2 < 1", "0 < eta", "a finite number", "a whole number with 0 <= steps <= 1000000".
  std::string rule() const;
  // The rule after "must": "satisfy 0 <= beta2 < 1", "be a finite number".
  std::string requirement() const;
};

// The request a setting belongs to: the same name may mean different things in two of them ("count").
enum class Request { run, multiStart, sweep };

// The settings of a request, in the order --help and a form list them. A multi-start also takes the
// run's settings but x0; a sweep the run's but eta, steps and tolerance.
const std::vector<Setting>& settingsOf(Request request);
// A setting of the request by name, or null.
const Setting* findSetting(Request request, std::string_view name);
// Throws SettingsError naming the setting unless value is in its range (and whole where it must be). The
// method, when given, is named in the message: a hyperparameter's meaning depends on it.
void check(const Setting& setting, double value, const char* method = nullptr);
void check(Request request, std::string_view name, double value);

struct MethodInfo {
  Method method;
  const char* name;   // "adam"
  const char* label;  // "Adam"
  const char* rule;   // the update, in plain text with Unicode symbols
  bool usesEta;       // newton takes no step size
  // The hyperparameters the method reads, with its default for each (PyTorch's, where PyTorch has it).
  std::vector<std::pair<const Setting*, double>> hyperparameters;
};

// Every method, in the order menus list them; gd first (the default).
const std::vector<MethodInfo>& methods();
const MethodInfo& infoOf(Method method);

struct ScheduleInfo {
  Schedule schedule;
  const char* name;   // "cosine", as torch.optim.lr_scheduler's CosineAnnealingLR
  const char* label;  // "Cosine annealing"
  const char* rule;   // how the rate changes, in plain text
  // The parameters the schedule reads, with its default for each (torch's where torch has one; NaN for
  // tMax: the run's number of steps).
  std::vector<std::pair<const Setting*, double>> parameters;
};

// Every schedule, constant first (the default).
const std::vector<ScheduleInfo>& schedules();
const ScheduleInfo& infoOf(Schedule schedule);
std::optional<Schedule> scheduleFromName(std::string_view name);
const char* nameOf(Schedule schedule);

}  // namespace descent::optim
