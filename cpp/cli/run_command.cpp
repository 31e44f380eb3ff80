// run: optimizer paths as CSV on stdout, one status line per step size on stderr.
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

// Every option is read as a number and checked against the settings table, as the engine checks it.
optim::RunSettings settingsFrom(const Arguments& args) {
  optim::RunSettings settings;
  for (const char* required : {"x0", "eta", "steps"}) {
    if (!args.has(required)) throw UsageError(std::string("run needs --") + required);
  }
  settings.x0 = *args.number("x0");
  const double steps = *args.number("steps");
  optim::check(optim::Request::run, "steps", steps);
  settings.steps = static_cast<long long>(steps);
  if (auto name = args.text("method")) {
    auto method = optim::methodFromName(*name);
    if (!method) throw UsageError("unknown method '" + *name + "'");
    settings.method = *method;
  }
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run))
    if (setting.given) settings.hyper.*setting.given = args.number(setting.name);
  settings.tolerance = args.number("tolerance");
  return settings;
}

// The options run takes: --method and every setting of a run.
std::set<std::string> runOptions() {
  std::set<std::string> names{"method"};
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run)) names.insert(setting.name);
  return names;
}

}  // namespace

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
  for (const auto& name : optim::unusedBy(settings.method, settings.hyper)) {
    err << "descent: warning: --" << name << " is not used by " << optim::nameOf(settings.method) << '\n';
  }

  out << "eta,k,x,f,df\n";
  for (double eta : etas) {
    settings.eta = eta;
    optim::Trajectory path = optim::run(*fn, settings);
    for (std::size_t k = 0; k < path.x.size(); ++k) {
      out << formatNumber(eta) << ',' << k << ',' << cell(path.x[k]) << ',' << cell(path.f[k]) << ','
          << cell(path.df[k]) << '\n';
    }
    err << "eta=" << formatNumber(eta) << ": " << optim::nameOf(path.status) << " at step " << path.stoppedAt
        << '\n';
  }
  return 0;
}

}  // namespace descent::cli
