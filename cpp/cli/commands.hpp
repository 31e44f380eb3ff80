#pragma once
// The subcommands of `descent`. Each takes the words after its name and returns the exit code: 0, or
// kFailure after writing the reason to err. Wrong usage is thrown as UsageError for main to report.
#include <ostream>
#include <string>
#include <vector>

namespace descent::cli {

constexpr int kFailure = 2;

using Words = std::vector<std::string>;

// descent derive EXPR [--latex]
int deriveCommand(const Words& words, std::ostream& out, std::ostream& err);
// descent eval EXPR X...
int evalCommand(const Words& words, std::ostream& out, std::ostream& err);
// descent run EXPR --x0 A --eta B[,C...] --steps N [--method M] [hyperparameters] [--tolerance T]
int runCommand(const Words& words, std::ostream& out, std::ostream& err);

// A setting's option name: the engine's name in kebab case, "stepSize" -> "step-size", "beta2" -> "beta2".
std::string optionName(const std::string& setting);

// The text of --help: the commands, then every option of run, generated from the settings table.
std::string usage();

// Numbers as CSV cells: 17 significant digits, so they read back to the same double.
std::string cell(double value);

}  // namespace descent::cli
