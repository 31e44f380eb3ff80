// The `descent` command line, run as a separate process: its CSV, its status lines and its exit codes.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "optim/run.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct Outcome {
  std::string out, err;
  int exitCode;
};

// Runs `descent <arguments>` through the shell; arguments are quoted by the caller.
Outcome descentCli(const std::string& arguments) {
  char errPath[] = "/tmp/descent_cli_test_XXXXXX";
  int fd = mkstemp(errPath);
  REQUIRE(fd >= 0);
  close(fd);
  std::string command = std::string("'") + DESCENT_CLI + "' " + arguments + " 2>" + errPath;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  Outcome outcome;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) outcome.out.append(buffer, n);
  int status = pclose(pipe);
  outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(errPath);
  std::stringstream text;
  text << err.rdbuf();
  outcome.err = text.str();
  std::remove(errPath);
  return outcome;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> all;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) all.push_back(line);
  return all;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> all;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) all.push_back(cell);
  return all;
}

}  // namespace

TEST_CASE("run prints seed 001 as CSV whose numbers read back to the library's doubles", "[cli]") {
  Outcome result = descentCli("run 'x^4 - 3x^2 + 2' --x0 -2.5 --eta 0.1,0.5 --steps 40");
  REQUIRE(result.exitCode == 0);
  std::vector<std::string> rows = lines(result.out);
  REQUIRE(rows.size() == 1 + 41 + 6);
  CHECK(rows[0] == "eta,k,x,f,df,g,lr");
  CHECK(result.err == "eta=0.1: max-steps at step 40\neta=0.5: diverged at step 5\n");

  descent::optim::RunSettings settings;
  settings.x0 = -2.5;
  settings.eta = 0.1;
  settings.steps = 40;
  auto path = descent::optim::run(descent::Function::parse("x^4 - 3x^2 + 2"), settings);
  for (std::size_t k = 0; k <= 40; ++k) {
    std::vector<std::string> row = cells(rows[1 + k]);
    REQUIRE(row.size() == 7);
    CHECK(std::strtod(row[0].c_str(), nullptr) == 0.1);
    CHECK(row[1] == std::to_string(k));
    CHECK(std::strtod(row[2].c_str(), nullptr) == path.x[k]);
    CHECK(std::strtod(row[3].c_str(), nullptr) == path.f[k]);
    CHECK(std::strtod(row[4].c_str(), nullptr) == path.df[k]);
    CHECK(std::strtod(row[5].c_str(), nullptr) == path.df[k]);  // no noise, no clipping: g is f'
    CHECK(std::strtod(row[6].c_str(), nullptr) == 0.1);         // the constant schedule
  }
  CHECK_THAT(rows[1 + 41], StartsWith("0.5,0,-2.5,22.3125,-47.5"));
  CHECK_THAT(rows.back(), StartsWith("0.5,5,"));
}

TEST_CASE("run takes every method and its hyperparameters", "[cli]") {
  Outcome adam = descentCli("run 'x^2' --x0 1 --eta 0.1 --steps 3 --method adam --beta1 0.8 --eps 1e-6");
  CHECK(adam.exitCode == 0);
  CHECK(lines(adam.out).size() == 5);
  Outcome tolerant = descentCli("run '(x-2)^2' --x0=-1 --eta=0.1 --steps=1000 --tolerance=1e-3");
  CHECK(tolerant.exitCode == 0);
  CHECK(tolerant.err == "eta=0.1: converged at step 39\n");
  Outcome unused = descentCli("run 'x^2' --x0 1 --eta 0.1 --steps 1 --beta 0.5");
  CHECK(unused.exitCode == 0);
  CHECK_THAT(unused.err, Contains("warning: --beta is not used by gd"));
}

TEST_CASE("run takes the training settings under their kebab-case names", "[cli]") {
  const Outcome trained = descentCli(
      "run 'x^4 - 3x^2 + 2' --x0 -2.5 --eta 0.5 --steps 20 --method momentum --schedule cosine --t-max 10 "
      "--eta-min 0.01 --clip 1 --weight-decay 0.01 --noise 0.1 --seed 7");
  CHECK(trained.exitCode == 0);
  const std::vector<std::string> rows = lines(trained.out);
  REQUIRE(rows.size() == 22);
  CHECK_THAT(rows[1], StartsWith("0.5,0,-2.5,22.3125,-47.5,"));
  CHECK(cells(rows[11])[6] == "0.01");  // cosine reaches etaMin at tMax
  CHECK(trained.err == "eta=0.5: max-steps at step 20\n");
  const Outcome unread = descentCli("run 'x^2' --x0 1 --eta 0.1 --steps 1 --gamma 0.5 --t-max 3");
  CHECK_THAT(unread.err, Contains("warning: --gamma is not used by gd with the constant schedule"));
  CHECK_THAT(unread.err, Contains("warning: --t-max is not used"));
  const Outcome unknown = descentCli("run 'x^2' --x0 1 --eta 0.1 --steps 1 --schedule cyclic");
  CHECK(unknown.exitCode == 2);
  CHECK_THAT(unknown.err, Contains("unknown schedule 'cyclic'"));
}

TEST_CASE("derive and eval print what the library computes", "[cli]") {
  descent::Function fn = descent::Function::parse("x^4 - 3x^2 + 2");
  Outcome text = descentCli("derive 'x^4 - 3x^2 + 2'");
  CHECK(text.exitCode == 0);
  CHECK(text.out == "f'(x) = " + fn.derivative().text + "\nf''(x) = " + fn.second().text + "\n");
  Outcome latex = descentCli("derive 'x^4 - 3x^2 + 2' --latex");
  CHECK(latex.out == "f'(x) = " + fn.derivative().latex + "\nf''(x) = " + fn.second().latex + "\n");

  Outcome values = descentCli("eval 'x^4 - 3x^2 + 2' 2 -1.5");
  CHECK(values.exitCode == 0);
  CHECK(values.out == "x,f,df,d2f\n2,6,20,42\n-1.5,0.3125,-4.5,21\n");
}

TEST_CASE("a rejected expression shows the input with a caret under the column, exit code 2", "[cli]") {
  for (const char* input : {"x^2 + y", "sin x", "(x+1", "2 * * x"}) {
    INFO(input);
    int column = 0;
    std::string message;
    try {
      descent::Function::parse(input);
    } catch (const descent::ExpressionError& error) {
      column = error.column();
      message = error.what();
    }
    REQUIRE(column > 0);
    Outcome result = descentCli(std::string("eval '") + input + "' 1");
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    std::vector<std::string> shown = lines(result.err);
    REQUIRE(shown.size() == 3);
    CHECK(shown[0] == "descent: error: " + message);
    CHECK(shown[1] == std::string("  ") + input);
    CHECK(shown[2].size() == static_cast<std::size_t>(column) + 2);
    CHECK(shown[2].back() == '^');
  }
  Outcome run = descentCli("run 'log(' --x0 1 --eta 0.1 --steps 3");
  CHECK(run.exitCode == 2);
  CHECK_THAT(run.err, Contains("^"));
}

TEST_CASE("wrong usage and bad settings exit with code 2 and say why", "[cli]") {
  struct Row {
    const char* arguments;
    const char* says;
  };
  const Row table[] = {
      {"", "no command given"},
      {"walk 'x^2'", "unknown command 'walk'"},
      {"run 'x^2' --x0 1 --eta 0.1", "run needs --steps"},
      {"run 'x^2' --x0 1 --eta 0.1 --steps 5 --method sgd", "unknown method 'sgd'"},
      {"run 'x^2' --x0 1 --eta 0.1 --steps 5 --speed 3", "unknown option --speed"},
      {"run 'x^2' --x0 one --eta 0.1 --steps 5", "--x0: 'one' is not a number"},
      {"run 'x^2' --x0 1 --eta 0.1,,0.2 --steps 5", "--eta: '' is not a number"},
      {"run 'x^2' --x0 1 --eta 0.1 --steps -5", "the number of steps must be a whole number with 0 <= steps"},
      {"run 'x^2' --x0 1 --eta 0.1 --steps 2.5",
       "the number of steps must be a whole number with 0 <= steps"},
      {"run 'x^2' --x0 1 --eta 0.1,0 --steps 5",
       "eta = 0 is out of range: the step size must satisfy 0 < eta"},
      {"eval --x 1", "unknown option --x (an expression that starts with -- goes after a lone --"},
      {"eval 'x^2' -- --x0 1", "x: '--x0' is not a number"},  // after --, a word is never an option
      {"eval -- -x -- 2", "x: '--' is not a number"},         // nor is a second --
      {"run 'x^2' --x0 1 --eta 0.1 --steps 5 --method momentum --beta 1", "0 <= beta < 1"},
      {"eval 'x^2'", "eval takes an expression and at least one x"},
  };
  for (const Row& row : table) {
    INFO(row.arguments);
    Outcome result = descentCli(row.arguments);
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Contains(row.says));
  }
}

TEST_CASE("options come before a lone --, and a word that cannot be an option is an expression", "[cli]") {
  const struct {
    const char* arguments;
    const char* out;
  } rows[] = {
      {"eval '--2^2' 0", "x,f,df,d2f\n0,4,0,0\n"},         // --2^2 is -(-(2^2))
      {"eval -- --x 1", "x,f,df,d2f\n1,1,1,0\n"},          // --x = x, after the lone --
      {"derive -- '--x^2'", "f'(x) = 2*x\nf''(x) = 2\n"},  // the README's --x
  };
  for (const auto& row : rows) {
    INFO(row.arguments);
    const Outcome result = descentCli(row.arguments);
    CHECK(result.exitCode == 0);
    CHECK(result.out == row.out);
  }
}

TEST_CASE("--help prints the usage on stdout", "[cli]") {
  Outcome help = descentCli("--help");
  CHECK(help.exitCode == 0);
  CHECK_THAT(help.out, StartsWith("usage:"));
  CHECK_THAT(help.out, Contains("--tolerance"));
}

TEST_CASE("numbers too small for a normal double are still the numbers typed; too large ones are refused",
          "[cli]") {
  const Outcome tiny = descentCli("eval 'x' 5e-324 1e-400");
  CHECK(tiny.exitCode == 0);
  CHECK(tiny.out == "x,f,df,d2f\n4.9406564584124654e-324,4.9406564584124654e-324,1,0\n0,0,1,0\n");
  const Outcome tooLarge = descentCli("eval 'x' 1e400");
  CHECK(tooLarge.exitCode == 2);
  CHECK_THAT(tooLarge.err, Contains("x: '1e400' is not a number"));
}
