#pragma once
// Trees lowered to straight-line code: one operation per step, each distinct (operation, operands) once,
// in the order a person reads the expression: a sum left to right with a - b for a term whose coefficient
// is -1, a product left to right with a / b for a factor with a negative exponent, x^n for a whole n up to
// 64 by repeated squaring, e^u as exp(u). A Function lowers f, f' and f'' together once; the interpreter
// (expr/program.hpp) runs these operations in this order, so a result is the same to the last bit natively
// and in WebAssembly wherever the operations are IEEE's own.
#include <cstdint>
#include <vector>

#include "expr/builtin.hpp"
#include "expr/tree.hpp"

namespace descent {

struct StraightLine {
  enum class Code : std::uint8_t { add, subtract, multiply, divide, negate, pow, exp, call };
  struct Step {
    Code code;
    Builtin builtin;     // call only
    std::uint32_t a, b;  // operand registers (b unused by negate, exp and call)
  };

  // Registers: 0 is x, then the constants and the steps' results in the order they were created;
  // constant[r] says which are constants (their value in value[r]). Step i writes register target[i].
  std::vector<double> value;
  std::vector<bool> constant;
  std::vector<Step> steps;
  std::vector<std::uint32_t> target;
  std::vector<std::uint32_t> outputs;  // the register holding each tree's value

  static StraightLine lower(const std::vector<Tree>& trees);
  static bool binary(Code code) { return code != Code::negate && code != Code::exp && code != Code::call; }
};

}  // namespace descent
