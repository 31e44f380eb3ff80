// run: optimizer paths as CSV on stdout (eta,k,x,f,df,g,lr: g is the gradient step k used, with noise and
// clipping as asked; lr its learning rate), one status line per step size on stderr.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/error_report.hpp"
#include "expr/function.hpp"
#include "expr/number_text.hpp"
#include "optim/run.hpp"
#include "optim/settings.hpp"

namespace descent::cli {
namespace {

// Every option is read as a number (or, for --method and --schedule, a name) and checked against the
// settings table, as the engine checks it.
optim::RunSettings settingsFrom(const Arguments& args) {
  optim::RunSettings settings;
  for (const char* required : {"x0", "eta", "steps"}) {
    if (!args.has(required)) throw UsageError(std::string("run needs --") + required);
  }
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run)) {
    const std::string option = optionName(setting.name);
    if (option != "eta" && args.has(option)) optim::setByName(settings, setting.name, *args.number(option));
  }
  for (const char* choice : {"method", "schedule"}) {
    if (auto name = args.text(choice)) {
      try {
        optim::setChoice(settings, choice, *name);
      } catch (const optim::SettingsError& error) {
        throw UsageError(error.what());
      }
    }
  }
  return settings;
}

// The options run takes: --method, --schedule and every numeric setting of a run.
std::set<std::string> runOptions() {
  std::set<std::string> names{"method", "schedule"};
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run))
    names.insert(optionName(setting.name));
  return names;
}

}  // namespace

std::string optionName(const std::string& setting) {
  std::string option;
  for (const char c : setting) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      option += '-';
      option += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      option += c;
    }
  }
  return option;
}

std::string cell(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

int runCommand(const Words& words, std::ostream& out, std::ostream& err) {
  Arguments args(words, runOptions(), {});
  if (args.positional().size() != 1) throw UsageError("run takes one expression");
  optim::RunSettings settings = settingsFrom(args);
  auto fn = compileOrReport(args.positional()[0], err);
  if (!fn) return kFailure;
  std::vector<double> etas = parseNumberList(*args.text("eta"), "--eta");
  for (double eta : etas) {
    settings.eta = eta;
    optim::validate(settings);  // every step size is checked before any output
  }
  for (const auto& name : optim::unusedSettings(settings)) {
    err << "descent: warning: --" << optionName(name) << " is not used by " << optim::nameOf(settings.method)
        << " with the " << optim::nameOf(settings.schedule) << " schedule\n";
  }

  out << "eta,k,x,f,df,g,lr\n";
  for (double eta : etas) {
    settings.eta = eta;
    optim::Trajectory path = optim::run(*fn, settings);
    for (std::size_t k = 0; k < path.x.size(); ++k) {
      out << formatNumber(eta) << ',' << k << ',' << cell(path.x[k]) << ',' << cell(path.f[k]) << ','
          << cell(path.df[k]) << ',' << cell(path.g[k]) << ',' << cell(path.lr[k]) << '\n';
    }
    err << "eta=" << formatNumber(eta) << ": " << optim::nameOf(path.status) << " at step " << path.stoppedAt
        << (path.why.empty() ? "" : ": " + path.why) << '\n';
  }
  return 0;
}

}  // namespace descent::cli
