#include "expr/suggestion.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "expr/builtin.hpp"

namespace descent {
namespace {

struct Hint {
  std::string_view name;
  std::string_view advice;
};
constexpr Hint kHints[] = {
    {"pow", "write a^b (or a**b) for powers"},
    {"arcsin", "did you mean asin?"},
    {"arccos", "did you mean acos?"},
    {"arctan", "did you mean atan?"},
    {"sgn", "did you mean sign?"},
    {"logistic", "did you mean sigmoid?"},
    {"max", "there is no max; relu(x) is max(x, 0)"},
    {"exp2", "write 2^x"},
    {"ln1p", "write log(1 + x)"},
    {"log1p", "write log(1 + x)"},
};

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string lowercase(std::string_view name) {
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The longest function name `name` starts with and goes on past: `sinhx` is sinh glued to x, not sin to
// hx, and `log10x` is log10 glued to x. `ln` counts, as the parser takes it for log.
std::string_view longestPrefixFunction(std::string_view name) {
  std::size_t count = 0;
  const BuiltinInfo* builtins = allBuiltins(count);
  std::string_view best;
  const auto consider = [&](std::string_view fn) {
    if (name.size() > fn.size() && name.substr(0, fn.size()) == fn && fn.size() > best.size()) best = fn;
  };
  consider("ln");
  for (std::size_t i = 0; i < count; ++i) consider(builtins[i].name);
  return best;
}

// The closest function name within two edits, or one the name starts with.
std::string_view nearestFunction(std::string_view name) {
  const std::string lower = lowercase(name);
  std::size_t count = 0;
  const BuiltinInfo* builtins = allBuiltins(count);
  std::string_view best;
  // One edit for short names (foo is not cos), two for longer ones (sinnh is sinh).
  std::size_t bestDistance = lower.size() <= 4 ? 2 : 3;
  const auto consider = [&](std::string_view fn) {
    const std::size_t distance = editDistance(lower, fn);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = fn;
    }
  };
  for (std::size_t i = 0; i < count; ++i) consider(builtins[i].name);
  consider("ln");  // after log, which wins a tie
  if (best.empty() && lower.size() > 3) {
    const std::string_view prefix = longestPrefixFunction(lower);
    if (prefix.size() >= 3) best = prefix;
  }
  return best;
}

}  // namespace

std::string join(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (const auto part : parts) out += part;
  return out;
}

std::string unknownFunctionMessage(std::string_view name) {
  const std::string lower = lowercase(name);
  for (const auto& hint : kHints)
    if (hint.name == lower) return join({"unknown function '", name, "': ", hint.advice});
  const std::string_view nearest = nearestFunction(name);
  if (!nearest.empty()) return join({"unknown function '", name, "': did you mean ", nearest, "?"});
  return join({"unknown function '", name, "'"});
}

std::string unknownNameMessage(std::string_view name) {
  const auto quoted = [name](std::string_view a, std::string_view b = {}, std::string_view c = {},
                             std::string_view d = {}, std::string_view e = {}) {
    return join({"unknown name '", name, "'", a, b, c, d, e});
  };
  if (name == "X") return quoted(": the variable is x (lowercase)");
  if (name == "E" || name == "PI" || name == "Pi") return quoted(": constants are written e and pi");
  if (builtinNamed(lowercase(name))) return quoted(": function names are lowercase");
  if (name.size() > 1 && name.front() == 'x')
    return quoted(": write a product with *, like x*", name.substr(1));
  for (const auto& hint : kHints)
    if (hint.name == name) return quoted(": ", hint.advice);
  // `sinx`, `cos2x`, `sinhx`: a function name glued to its argument.
  const std::string_view fn = longestPrefixFunction(name);
  if (!fn.empty()) return quoted(": functions need parentheses, like ", fn, "(", name.substr(fn.size()), ")");
  return quoted(": the variable is x");
}

}  // namespace descent
