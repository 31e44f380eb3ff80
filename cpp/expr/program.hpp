#pragma once
// One flat program that evaluates several trees (f, f', f'') together: each distinct
// subexpression is computed once into its own register, small integer powers become
// multiplications, and evaluation is a loop over instructions with no allocation or virtual call.
#include <cstdint>
#include <vector>

#include "expr/builtin.hpp"
#include "expr/tree.hpp"

namespace descent {

struct Slope {
  double f;
  double df;
};

struct Values {
  double f;
  double df;
  double d2f;
};

class Program {
 public:
  Program() = default;
  static Program compile(const std::vector<Tree>& outputs);

  // IEEE semantics throughout: log(-1) is NaN, 1/0 is inf. Not safe to call from two threads at once.
  double value(double x) const {
    execute(x);
    return registers_[outputs_[0]];
  }
  Slope slope(double x) const {
    execute(x);
    return {registers_[outputs_[0]], registers_[outputs_[1]]};
  }
  Values values(double x) const {
    execute(x);
    return {registers_[outputs_[0]], registers_[outputs_[1]], registers_[outputs_[2]]};
  }

  std::size_t instructionCount() const { return code_.size(); }

 private:
  friend class ProgramBuilder;
  enum class Code : std::uint8_t { add, subtract, multiply, divide, negate, pow, exp, call };
  struct Instruction {
    Code code;
    Builtin builtin;
    std::uint32_t target, a, b;
  };

  std::vector<Instruction> code_;
  mutable std::vector<double> registers_;  // [0] is x, then constants, then intermediate values
  std::vector<std::uint32_t> outputs_;

  void execute(double x) const;
};

}  // namespace descent
