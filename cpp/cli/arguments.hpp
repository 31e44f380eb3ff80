#pragma once
// The command line split into positional words and --name value options, with strict number parsing.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace descent::cli {

// The command line itself is wrong: the caller prints the message and the usage text.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  // words are argv[2..] (after the command). `valued` names the options that take a value (--name value or
  // --name=value); `flags` those that take none. Another --name (letters, digits, dashes) is a
  // UsageError. Everything after a lone "--" is positional, and so is a word that cannot be an option
  // name ("-5", "-x^2", "--2^2"), so numbers and expressions need no quoting tricks.
  Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
            const std::set<std::string>& flags);

  const std::vector<std::string>& positional() const { return positional_; }
  bool has(const std::string& name) const;
  std::optional<std::string> text(const std::string& name) const;
  std::optional<double> number(const std::string& name) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> options_;
};

// The whole word as a double ("1e-3", "-2.5", "inf"); UsageError naming `what` otherwise.
double parseNumber(const std::string& word, const std::string& what);
// A comma-separated list of numbers: "0.01,0.1,0.5".
std::vector<double> parseNumberList(const std::string& word, const std::string& what);
// A whole non-negative integer.
long long parseCount(const std::string& word, const std::string& what);

}  // namespace descent::cli
