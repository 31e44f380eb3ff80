#include "optim/run_settings.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "optim/settings.hpp"

namespace descent::optim {
namespace {

const Setting& runSetting(const char* name) { return *findSetting(Request::run, name); }

// The schedule's parameters with its defaults filled in, each checked; tMax defaults to the run's steps.
ScheduleSettings resolveSchedule(const RunSettings& settings) {
  ScheduleSettings resolved;
  resolved.kind = settings.schedule;
  const ScheduleInfo& info = infoOf(settings.schedule);
  for (const auto& [setting, fallback] : info.parameters) {
    const std::optional<double>& asked = settings.scheduleParameters.*setting->scheduleGiven;
    double value = asked.value_or(fallback);
    if (!asked && std::isnan(fallback)) value = static_cast<double>(std::max(settings.steps, 1LL));
    check(*setting, value, info.name);
    resolved.*setting->scheduleResolved = value;
  }
  return resolved;
}

}  // namespace

void setByName(RunSettings& settings, std::string_view name, double value) {
  const Setting* setting = findSetting(Request::run, name);
  if (!setting) throw SettingsError(std::string(name), "unknown setting '" + std::string(name) + "'");
  if (setting->given) {
    settings.hyper.*setting->given = value;
  } else if (setting->scheduleGiven) {
    settings.scheduleParameters.*setting->scheduleGiven = value;
  } else if (name == "x0") {
    settings.x0 = value;
  } else if (name == "eta") {
    settings.eta = value;
  } else if (name == "steps") {
    check(*setting, value);  // checked here: it becomes a whole number
    settings.steps = static_cast<long long>(value);
  } else if (name == "tolerance") {
    settings.tolerance = value;
  } else if (name == "clip") {
    settings.clip = value;
  } else if (name == "noise") {
    settings.noise = value;
  } else if (name == "seed") {
    check(*setting, value);
    settings.seed = static_cast<std::uint64_t>(value);
  }
}

void setChoice(RunSettings& settings, std::string_view name, std::string_view value) {
  if (name == "method") {
    const auto method = methodFromName(value);
    if (!method) throw SettingsError("method", "unknown method '" + std::string(value) + "'");
    settings.method = *method;
  } else if (name == "schedule") {
    const auto schedule = scheduleFromName(value);
    if (!schedule) throw SettingsError("schedule", "unknown schedule '" + std::string(value) + "'");
    settings.schedule = *schedule;
  } else {
    throw SettingsError(std::string(name), "unknown setting '" + std::string(name) + "'");
  }
}

ResolvedRun validate(const RunSettings& settings) {
  check(runSetting("x0"), settings.x0);
  check(runSetting("eta"), settings.eta);
  check(runSetting("steps"), static_cast<double>(settings.steps));
  if (settings.tolerance) check(runSetting("tolerance"), *settings.tolerance);
  if (settings.clip) check(runSetting("clip"), *settings.clip);
  check(runSetting("noise"), settings.noise);
  check(runSetting("seed"), static_cast<double>(settings.seed));
  return {resolve(settings.method, settings.hyper), resolveSchedule(settings)};
}

std::vector<std::string> unusedSettings(const RunSettings& settings) {
  std::vector<std::string> unused = unusedBy(settings.method, settings.hyper);
  const auto& read = infoOf(settings.schedule).parameters;
  for (const Setting& setting : settingsOf(Request::run)) {
    if (!setting.scheduleGiven || !(settings.scheduleParameters.*setting.scheduleGiven)) continue;
    const bool reads = std::any_of(read.begin(), read.end(), [&](const auto& entry) {
      return std::string_view(entry.first->name) == setting.name;
    });
    if (!reads) unused.push_back(setting.name);
  }
  return unused;
}

}  // namespace descent::optim
