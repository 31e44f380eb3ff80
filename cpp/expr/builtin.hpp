#pragma once
// The functions of the language: their names and how each evaluates.
#include <optional>
#include <string_view>

namespace descent {

enum class Builtin : unsigned char {
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  exp,
  log,
  log2,
  log10,
  sqrt,
  cbrt,
  abs,
  sign,
  step,
  sigmoid,
  softplus,
  relu
};

struct BuiltinInfo {
  Builtin builtin;
  std::string_view name;
  std::string_view latex;   // empty: written as \operatorname{name}
  std::string_view domain;  // where the argument u must lie, "u > 0"; empty where every real will do
};

// Accepts `ln` as log.
std::optional<Builtin> builtinNamed(std::string_view name);
const BuiltinInfo& infoOf(Builtin builtin);
std::string_view nameOf(Builtin builtin);
// Every function name, for "did you mean" suggestions.
const BuiltinInfo* allBuiltins(std::size_t& count);

double evaluate(Builtin builtin, double x) noexcept;

}  // namespace descent
