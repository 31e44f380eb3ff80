#include "cli/arguments.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace descent::cli {
namespace {

// --name or --name=value where name is letters, digits and dashes: anything else that starts with --
// ("--2^2", "--x+1") can only be an expression.
bool looksLikeOption(const std::string& word) {
  if (word.size() < 3 || word.compare(0, 2, "--") != 0) return false;
  const std::size_t end = std::min(word.find('='), word.size());
  for (std::size_t i = 2; i < end; ++i) {
    const char c = word[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return std::isalpha(static_cast<unsigned char>(word[2]));
}

}  // namespace

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
                     const std::set<std::string>& flags) {
  bool optionsEnded = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (!optionsEnded && word == "--") {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || !looksLikeOption(word)) {
      positional_.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::optional<std::string> value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    }
    if (flags.count(name) && !value) {
      options_[name] = "";
    } else if (valued.count(name)) {
      if (!value) {
        if (i + 1 == words.size()) throw UsageError("--" + name + " needs a value");
        value = words[++i];
      }
      if (options_.count(name)) throw UsageError("--" + name + " is given twice");
      options_[name] = *value;
    } else {
      throw UsageError("unknown option --" + name +
                       " (an expression that starts with -- goes after a lone --: descent eval -- " + word +
                       " 1)");
    }
  }
}

bool Arguments::has(const std::string& name) const { return options_.count(name) > 0; }

std::optional<std::string> Arguments::text(const std::string& name) const {
  auto found = options_.find(name);
  if (found == options_.end()) return std::nullopt;
  return found->second;
}

std::optional<double> Arguments::number(const std::string& name) const {
  auto word = text(name);
  if (!word) return std::nullopt;
  return parseNumber(*word, "--" + name);
}

double parseNumber(const std::string& word, const std::string& what) {
  const char* begin = word.c_str();
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(begin, &end);
  // ERANGE on underflow still gives the nearest double (a subnormal or 0), which is the number typed;
  // on overflow the word names no double.
  const bool overflow = errno == ERANGE && std::isinf(value);
  if (word.empty() || end != begin + word.size() || overflow) {
    throw UsageError(what + ": '" + word + "' is not a number");
  }
  return value;
}

std::vector<double> parseNumberList(const std::string& word, const std::string& what) {
  std::vector<double> numbers;
  std::size_t start = 0;
  for (;;) {
    std::size_t comma = word.find(',', start);
    numbers.push_back(parseNumber(word.substr(start, comma - start), what));
    if (comma == std::string::npos) return numbers;
    start = comma + 1;
  }
}

long long parseCount(const std::string& word, const std::string& what) {
  const char* begin = word.c_str();
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(begin, &end, 10);
  if (word.empty() || end != begin + word.size() || errno == ERANGE || value < 0) {
    throw UsageError(what + ": '" + word + "' is not a whole number >= 0");
  }
  return value;
}

}  // namespace descent::cli
