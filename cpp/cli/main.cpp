// descent: the command line over the same core the page uses.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "optim/method.hpp"

namespace {

int dispatch(const std::string& command, const std::vector<std::string>& words) {
  using namespace descent::cli;
  if (command == "derive") return deriveCommand(words, std::cout, std::cerr);
  if (command == "eval") return evalCommand(words, std::cout, std::cerr);
  if (command == "run") return runCommand(words, std::cout, std::cerr);
  throw UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + (argc > 1 ? 2 : argc), argv + argc);
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << descent::cli::usage();
    return 0;
  }
  try {
    if (command.empty()) throw descent::cli::UsageError("no command given");
    return dispatch(command, words);
  } catch (const descent::cli::UsageError& error) {
    std::cerr << "descent: " << error.what() << "\n\n" << descent::cli::usage();
  } catch (const descent::optim::SettingsError& error) {
    std::cerr << "descent: error: " << error.what() << '\n';
  }
  return descent::cli::kFailure;
}
