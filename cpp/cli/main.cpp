// descent: the command line over the same core the page uses.
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "optim/method.hpp"

namespace {

const char* const kUsage = R"(usage:
  descent derive EXPR [--latex]      print f'(x) and f''(x), as text or LaTeX
  descent eval EXPR X...             print x,f,df,d2f for each X (CSV)
  descent run EXPR --x0 A --eta B[,C...] --steps N [--method M] [options]
                                     run an optimizer from A with each step size;
                                     CSV eta,k,x,f,df on stdout, one status line per step size on stderr
  descent --help

run options (defaults are PyTorch's):
  --method M       gd (default), momentum, nesterov, adagrad, rmsprop, adam, armijo, exact, newton
  --beta B         momentum, nesterov: velocity decay, 0 <= B < 1 (0.9)
  --alpha A        rmsprop: square-average decay, 0 < A < 1 (0.99)
  --eps E          adagrad (1e-10), rmsprop (1e-8), adam (1e-8): added to the denominator, E > 0
  --beta1 B        adam: first-moment decay, 0 <= B < 1 (0.9)
  --beta2 B        adam: second-moment decay, 0 <= B < 1 (0.999)
  --c C            armijo: sufficient decrease, 0 < C < 1 (1e-4)
  --shrink S       armijo: backtracking factor from eta, 0 < S < 1 (0.5)
  --tolerance T    stop as converged once |f'(x)| <= T (off by default)

A run stops early as diverged (x or f(x) not finite) or undefined (f or f' NaN: outside the domain).
Errors exit with status 2.
)";

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
    std::cout << kUsage;
    return 0;
  }
  try {
    if (command.empty()) throw descent::cli::UsageError("no command given");
    return dispatch(command, words);
  } catch (const descent::cli::UsageError& error) {
    std::cerr << "descent: " << error.what() << "\n\n" << kUsage;
  } catch (const descent::optim::SettingsError& error) {
    std::cerr << "descent: error: " << error.what() << '\n';
  }
  return descent::cli::kFailure;
}
