#pragma once
// The one interpreter of descent: a flat program over the straight-line code of a function
// (expr/straight_line.hpp) that evaluates f, f' and f'' together. Each distinct subexpression is computed
// once into its own register, small integer powers are multiplications, and evaluation is a loop over
// instructions with no allocation or virtual call.
//
// Sums such as 3*x^2 - 2*x + 1 and products such as -0.5*x*sin(x) run as one instruction each, with
// the constants inline, so a value passes from one operation to the next in a CPU register rather than
// through memory. They perform the same operations in the same order as one instruction per operation
// would, so every result is bit for bit what the expression computes when read left to right.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "expr/builtin.hpp"
#include "expr/straight_line.hpp"

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
  // The program for the first `outputs` outputs of the code (1: f; 2: f, f'; 3: f, f', f''): it runs only
  // the steps those outputs read.
  static Program compile(const StraightLine& code, std::size_t outputs);
  // The program for output `output` alone (1: f'), read by value(): the same operations as in the
  // programs above, so the same bits, without the steps only the other outputs read.
  static Program compileOutput(const StraightLine& code, std::size_t output);

  // IEEE semantics throughout: log(-1) is NaN, 1/0 is inf. Not safe to call from two threads at once.
  // value reads the first output, slope the first two, values three.
  double value(double x) const noexcept {
    execute(x);
    return registers_[outputs_[0]];
  }
  Slope slope(double x) const noexcept {
    execute(x);
    return {registers_[outputs_[0]], registers_[outputs_[1]]};
  }
  Values values(double x) const noexcept {
    execute(x);
    return {registers_[outputs_[0]], registers_[outputs_[1]], registers_[outputs_[2]]};
  }

  // The first output at each of n points: out[i] is value(x[i]) to the bit. The same instructions run over
  // a block of points at a time, so the dispatch is paid once per instruction per block rather than per
  // point; for the grids and curves that ask for many points at once.
  void valueMany(const double* x, double* out, std::size_t n) const;

  std::size_t instructionCount() const noexcept { return code_.size(); }

  // Where an evaluation at x first turns numbers into NaN: a function outside its domain (log of a
  // negative number), a negative number to a fractional power, or 0/0. Overflow (inf - inf) is not
  // reported: that is a blow-up, not a domain. Found by running the program and reading its registers.
  struct Undefined {
    enum class Kind { none, call, power, division } kind = Kind::none;
    Builtin builtin = Builtin::sin;  // call only
    double a = 0, b = 0;             // the argument; or base and exponent; or numerator and denominator
    bool argumentIsX = false;        // the argument (or base) is x itself
  };
  Undefined undefinedAt(double x) const noexcept;

 private:
  friend class ProgramBuilder;
  enum class Code : std::uint8_t {
    add,       // a + b
    subtract,  // a - b
    multiply,  // a * b
    divide,    // a / b
    negate,    // -a
    pow,       // pow(a, b)
    exp,       // exp(a)
    call,      // builtin(a)
    scale,     // ka * a
    shift,     // a + kb
    over,      // ka / b
    sum,       // ka*a + kb*b, then + k*r for each of the `more` terms
    product,   // ka*a * b, then * r for each of the `more` factors
    products,  // a * b, then reg * reg2 for each of the `more` pairs, into consecutive registers
    sincos,    // sin(a), then cos(a) into the next register
  };
  // 32 bytes. Instructions write consecutive registers from first_ on (one each, products one per pair),
  // so no target is stored.
  struct Instruction {
    Code code;
    Builtin builtin;
    std::uint16_t more;  // sum, product: how many further terms or factors, from terms_[extra]
    std::uint32_t a, b;
    std::uint32_t extra;
    double ka, kb;
  };
  struct Term {
    double k;  // unused for the factors of a product
    std::uint32_t reg;
    std::uint32_t reg2;  // products only
  };

  std::vector<Instruction> code_;
  std::vector<Term> terms_;
  mutable std::vector<double> registers_;  // [0] is x, then constants, then one per instruction
  std::vector<std::uint32_t> outputs_;
  std::uint32_t first_ = 0;

  void execute(double x) const noexcept;
  // execute() over `lanes` points at once: register r of point j is block[r * width + j].
  void executeBlock(double* block, std::size_t width, std::size_t lanes) const noexcept;
};

}  // namespace descent
