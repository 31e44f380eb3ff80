// descent --help: the commands, then run's options as the settings table declares them.
#include <string>

#include "cli/commands.hpp"
#include "expr/number_text.hpp"
#include "optim/settings.hpp"

namespace descent::cli {
namespace {

constexpr const char* kCommands = R"(usage:
  descent derive EXPR [--latex]      print f'(x) and f''(x), as text or LaTeX
  descent eval EXPR X...             print x,f,df,d2f for each X (CSV)
  descent run EXPR --x0 A --eta B[,C...] --steps N [--method M] [options]
                                     run an optimizer from A with each step size;
                                     CSV eta,k,x,f,df on stdout, one status line per step size on stderr
  descent --help

Options come before a lone --; everything after it is an expression or a number, so an expression
that starts with -- can be given: descent eval -- --x 1

run options (defaults are PyTorch's):
)";

constexpr const char* kClosing = R"(
A run stops early as diverged (x or f(x) not finite) or undefined (f or f' NaN: outside the domain).
Errors exit with status 2.
)";

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.resize(width, ' ');
  return text + ' ';
}

// "adam (0.999)" for each method that reads the hyperparameter, or "" for the other settings.
std::string readers(const optim::Setting& setting) {
  std::string text;
  for (const optim::MethodInfo& method : optim::methods()) {
    for (const auto& [read, fallback] : method.hyperparameters) {
      if (std::string(read->name) != setting.name) continue;
      text += (text.empty() ? "" : ", ") + std::string(method.name) + " (" + formatNumber(fallback) + ")";
    }
  }
  return text;
}

}  // namespace

std::string usage() {
  std::string text = kCommands;
  std::string names;
  for (const optim::MethodInfo& method : optim::methods())
    names += (names.empty() ? "" : ", ") + std::string(method.name) + (names.empty() ? " (default)" : "");
  text += "  " + padded("--method M", 17) + names + '\n';
  for (const optim::Setting& setting : optim::settingsOf(optim::Request::run)) {
    const std::string option =
        std::string("--") + setting.name + ' ' + (setting.name == std::string("eta") ? "E[,E...]" : "V");
    text += "  " + padded(option, 17) + setting.help + ": " + setting.rule();
    if (*setting.note) text += "; " + std::string(setting.note);
    const std::string read = readers(setting);
    if (!read.empty()) text += "; read by " + read;
    text += '\n';
  }
  return text + kClosing;
}

}  // namespace descent::cli
