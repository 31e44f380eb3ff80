#pragma once
// One flat program that evaluates several trees (f, f', f'') together: each distinct
// subexpression is computed once into its own register, small integer powers become
// multiplications, and evaluation is a loop over instructions with no allocation or virtual call.
//
// Sums such as 3*x^2 - 2*x + 1 and products such as -0.5*x*sin(x) run as one instruction each, with
// the constants inline, so a value passes from one operation to the next in a CPU register rather than
// through memory. They perform the same operations in the same order as one instruction per operation
// would, so every result is bit for bit what the expression computes when read left to right.
//
// The batch calls evaluate many points at once: each register becomes a row of lanes() values, one per
// point, and each instruction loops over its row, so the dispatch is paid once per block of points and
// the loops over plain arithmetic vectorize. Every lane performs the one-point operations in the same
// order, so each result is bit for bit what the one-point call gives (a NaN is a NaN, though the
// compiler may pick either NaN operand's sign and payload for a + b in one loop and not the other).
#include <cstddef>
#include <cstdint>
#include <memory>
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

  // The same at each of the n points x[0], ..., x[n-1]: f[i] (df[i], d2f[i]) for x[i]. An output array
  // may be x itself; otherwise the arrays must not overlap. The first call allocates the rows (about
  // 256 KB at most, or 4 lanes per register for very large programs); if that fails the points are
  // evaluated one at a time.
  void value(const double* x, std::size_t n, double* f) const noexcept;
  void slope(const double* x, std::size_t n, double* f, double* df) const noexcept;
  void values(const double* x, std::size_t n, double* f, double* df, double* d2f) const noexcept;

  std::size_t instructionCount() const noexcept { return code_.size(); }
  // Points per block of the batch calls.
  std::size_t lanes() const noexcept;

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

  // The batch registers, lanes() values per register with the constants filled in, and where each
  // register's row is for the current block: its own row, or x or an output array for the points of the
  // block. A cache: a copy of the program starts without it.
  struct Rows {
    std::unique_ptr<double[]> data;
    std::unique_ptr<double*[]> at;
    Rows() = default;
    Rows(const Rows&) noexcept {}
    Rows(Rows&&) noexcept = default;
    Rows& operator=(const Rows&) noexcept {
      data.reset();
      at.reset();
      return *this;
    }
    Rows& operator=(Rows&&) noexcept = default;
    ~Rows() = default;
  };
  mutable Rows rows_;

  void execute(double x) const noexcept;
  // Evaluates one block of m <= lanes() points into the rows rows_.at points to.
  void executeBlock(std::size_t m) const noexcept;
  // Batch evaluation of the first `count` outputs into out[0..count).
  void run(const double* x, std::size_t n, double* const* out, std::size_t count) const noexcept;
};

}  // namespace descent
