// descent --help: the commands, then run's options as the settings table declares them, by group.
#include <cmath>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "expr/number_text.hpp"
#include "optim/settings.hpp"

namespace descent::cli {
namespace {

constexpr const char* kCommands = R"(usage:
  descent derive EXPR [--latex]      print f'(x) and f''(x), as text or LaTeX
  descent eval EXPR X...             print x,f,df,d2f for each X (CSV)
  descent run EXPR --x0 A --eta B[,C...] --steps N [--method M] [options]
                                     run an optimizer from A with each step size; CSV eta,k,x,f,df,g,lr
                                     on stdout (g: the gradient the step used; lr: its learning rate),
                                     one status line per step size on stderr
  descent --help

Options come before a lone --; everything after it is an expression or a number, so an expression
that starts with -- can be given: descent eval -- --x 1
)";

constexpr const char* kClosing = R"(
One step, in order: g = f'(x_k), plus noise; clip; the method's step with weight decay at this step's
learning rate; the schedule advances (as torch.optim and torch.optim.lr_scheduler do).
A run stops early as diverged (x or f(x) not finite) or undefined (f or f' NaN: outside the domain).
Errors exit with status 2.
)";

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text + ' ';
}

using Readings = std::vector<std::pair<const optim::Setting*, double>>;
const Readings& readList(const optim::MethodInfo& method) { return method.hyperparameters; }
const Readings& readList(const optim::ScheduleInfo& schedule) { return schedule.parameters; }

// "adam (0.999), adamw (0.999)" for each method or schedule that reads the setting.
template <class Table>
std::string readersIn(const Table& table, const optim::Setting& setting, const char* defaultText) {
  std::string text;
  for (const auto& entry : table) {
    for (const auto& [read, fallback] : readList(entry)) {
      if (std::string(read->name) != setting.name) continue;
      const std::string shown = std::isnan(fallback) ? defaultText : formatNumber(fallback);
      text += (text.empty() ? "" : ", ") + std::string(entry.name) + " (" + shown + ")";
    }
  }
  return text;
}

std::string optionLine(const optim::Setting& setting) {
  const bool eta = setting.name == std::string("eta");
  std::string text = "  " + padded("--" + optionName(setting.name) + (eta ? " E[,E...]" : " V"), 19) +
                     setting.help + ": " + setting.rule();
  if (*setting.note) text += "; " + std::string(setting.note);
  std::string read = readersIn(optim::methods(), setting, "");
  if (read.empty()) read = readersIn(optim::schedules(), setting, "the run's steps");
  if (!read.empty()) text += "; read by " + read;
  return text + '\n';
}

template <class Table>
std::string names(const Table& table) {
  std::string text;
  for (const auto& entry : table) text += (text.empty() ? "" : ", ") + std::string(entry.name);
  return text;
}

}  // namespace

std::string usage() {
  const struct {
    optim::Group group;
    const char* heading;
  } sections[] = {
      {optim::Group::run, "run options"},
      {optim::Group::method, "hyperparameters (defaults are PyTorch's)"},
      {optim::Group::schedule, "learning-rate schedule (torch.optim.lr_scheduler)"},
      {optim::Group::training, "training"},
  };
  std::string text = kCommands;
  for (const auto& section : sections) {
    text += std::string("\n") + section.heading + ":\n";
    if (section.group == optim::Group::run)
      text += "  " + padded("--method M", 19) + names(optim::methods()) + "; gd when not given\n";
    if (section.group == optim::Group::schedule)
      text += "  " + padded("--schedule S", 19) + names(optim::schedules()) + "; constant when not given\n";
    for (const optim::Setting& setting : optim::settingsOf(optim::Request::run))
      if (setting.group == section.group) text += optionLine(setting);
  }
  return text + kClosing;
}

}  // namespace descent::cli
