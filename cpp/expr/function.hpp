#pragma once
// A parsed function of x with its exact first and second derivatives, printed three ways and
// compiled into flat programs. This is the face the optimizers, the CLI and the bindings use.
#include <memory>
#include <string>
#include <string_view>

#include "expr/error.hpp"
#include "expr/program.hpp"
#include "expr/tree.hpp"

namespace descent {

struct Printed {
  std::string text;    // parses back to the same function
  std::string latex;   // for a post
  std::string mathml;  // for the page: a <math> element
};

class Function {
 public:
  // Parses, differentiates twice, simplifies and compiles. Throws ExpressionError.
  static Function parse(std::string_view text);

  const Printed& printed() const { return f_; }
  const Printed& derivative() const { return df_; }
  const Printed& second() const { return d2f_; }
  const Tree& tree() const { return tree_; }

  double value(double x) const noexcept { return value_.value(x); }  // f only
  Slope slope(double x) const noexcept { return slope_.slope(x); }   // f, f'
  Values at(double x) const noexcept { return full_.values(x); }     // f, f', f''

  // The same at each of the n points x[0], ..., x[n-1]: f[i] (df[i], d2f[i]) for x[i], bit for bit what
  // the one-point calls give (NaN sign and payload aside). Per point, polynomials run 4-7x faster than
  // with one call per point, functions dominated by sin, exp or log about 1.5x. An output array may be
  // x itself. Like the one-point calls, not safe to call from two threads at once.
  void value(const double* x, std::size_t n, double* f) const noexcept { value_.value(x, n, f); }
  void slope(const double* x, std::size_t n, double* f, double* df) const noexcept {
    slope_.slope(x, n, f, df);
  }
  void at(const double* x, std::size_t n, double* f, double* df, double* d2f) const noexcept {
    full_.values(x, n, f, df, d2f);
  }

 private:
  Tree tree_;
  Printed f_, df_, d2f_;
  Program value_, slope_, full_;
};

}  // namespace descent
