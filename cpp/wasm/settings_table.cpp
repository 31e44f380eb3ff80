// The settings table (optim/settings.hpp) as plain JS data: engine.settings. Each setting says its group
// (run, method, schedule, training) so a form can lay them out. The page generates its form,
// its URL, the element's attributes and the embed snippet from this, so it cannot drift from what the
// engine accepts. Unbounded ends are null; a default the table does not give is null.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>

#include "optim/settings.hpp"

namespace descent::wasm {
namespace {

using emscripten::val;

val orNull(double value) { return std::isfinite(value) ? val(value) : val::null(); }

const char* groupName(optim::Group group) {
  switch (group) {
    case optim::Group::method:
      return "method";
    case optim::Group::schedule:
      return "schedule";
    case optim::Group::training:
      return "training";
    case optim::Group::run:
      break;
  }
  return "run";
}

// [{ name, default }] for the settings a method or a schedule reads; a default the table leaves open
// (a cosine's tMax: the run's steps) is null.
val readList(const std::vector<std::pair<const optim::Setting*, double>>& read) {
  val list = val::array();
  int i = 0;
  for (const auto& [setting, fallback] : read) {
    val entry = val::object();
    entry.set("name", std::string(setting->name));
    entry.set("default", std::isnan(fallback) ? val::null() : val(fallback));
    list.set(i++, entry);
  }
  return list;
}

val settingObject(const optim::Setting& setting) {
  val item = val::object();
  item.set("group", std::string(groupName(setting.group)));
  item.set("name", std::string(setting.name));
  item.set("label", std::string(setting.label));
  item.set("help", std::string(setting.help));
  item.set("note", std::string(setting.note));
  item.set("whole", setting.whole);
  item.set("min", orNull(setting.low.value));
  item.set("minOpen", setting.low.open);
  item.set("max", orNull(setting.high.value));
  item.set("maxOpen", setting.high.open);
  item.set("default", std::isnan(setting.fallback) ? val::null() : val(setting.fallback));
  item.set("required", setting.required);
  item.set("rule", setting.rule());
  return item;
}

val settingList(optim::Request request) {
  val list = val::array();
  int i = 0;
  for (const optim::Setting& setting : optim::settingsOf(request)) list.set(i++, settingObject(setting));
  return list;
}

val methodList() {
  val list = val::array();
  int i = 0;
  for (const optim::MethodInfo& method : optim::methods()) {
    val item = val::object();
    item.set("name", std::string(method.name));
    item.set("label", std::string(method.label));
    item.set("rule", std::string(method.rule));
    item.set("usesEta", method.usesEta);
    item.set("hyperparameters", readList(method.hyperparameters));
    list.set(i++, item);
  }
  return list;
}

val scheduleList() {
  val list = val::array();
  int i = 0;
  for (const optim::ScheduleInfo& schedule : optim::schedules()) {
    val item = val::object();
    item.set("name", std::string(schedule.name));
    item.set("label", std::string(schedule.label));
    item.set("rule", std::string(schedule.rule));
    item.set("parameters", readList(schedule.parameters));
    list.set(i++, item);
  }
  return list;
}

val settingsTable() {
  val table = val::object();
  table.set("methods", methodList());
  table.set("schedules", scheduleList());
  table.set("run", settingList(optim::Request::run));
  table.set("multiStart", settingList(optim::Request::multiStart));
  table.set("sweep", settingList(optim::Request::sweep));
  val caps = val::object();
  caps.set("steps", static_cast<double>(optim::kMaxSteps));
  caps.set("starts", optim::kMaxStarts);
  caps.set("multiStartSteps", static_cast<double>(optim::kMaxMultiStartSteps));
  caps.set("sweepColumns", optim::kMaxSweepColumns);
  caps.set("sweepSteps", static_cast<double>(optim::kMaxSweepSteps));
  caps.set("analysisCells", optim::kMaxAnalysisCells);
  table.set("caps", caps);
  return table;
}

}  // namespace
}  // namespace descent::wasm

EMSCRIPTEN_BINDINGS(descent_settings) {
  emscripten::function("settingsTable", &descent::wasm::settingsTable);
}
