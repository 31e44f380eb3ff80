#pragma once
// A parsed function of x with its exact first and second derivatives, printed three ways and lowered once
// into straight-line code, which the one interpreter (expr/program.hpp) runs. This is the face the
// optimizers, the CLI and the bindings use.
#include <string>
#include <string_view>

#include "expr/error.hpp"
#include "expr/program.hpp"
#include "expr/straight_line.hpp"
#include "expr/tree.hpp"

namespace descent {

struct Printed {
  std::string text;    // parses back to the same function
  std::string latex;   // for a post
  std::string mathml;  // for the page: a <math> element
};

class Function {
 public:
  // Parses, differentiates twice, simplifies, prints and lowers. Throws ExpressionError.
  static Function parse(std::string_view text);

  const Printed& printed() const { return f_; }
  const Printed& derivative() const { return df_; }
  const Printed& second() const { return d2f_; }
  // f, f' and f'' as straight-line code, in that output order: what every evaluation below runs.
  const StraightLine& code() const { return code_; }

  // Not safe to call from two threads at once (the interpreter keeps its registers).
  double value(double x) const noexcept { return value_.value(x); }   // f only
  Slope slope(double x) const noexcept { return slope_.slope(x); }    // f, f'
  double df(double x) const noexcept { return slopeOnly_.value(x); }  // f' alone: slope(x).df
  // The same at n points at once, bit for bit: f[i] = value(x[i]), df[i] = df(x[i]).
  void values(const double* x, double* f, std::size_t n) const { value_.valueMany(x, f, n); }
  void slopes(const double* x, double* df, std::size_t n) const { slopeOnly_.valueMany(x, df, n); }
  Values at(double x) const noexcept { return full_.values(x); }  // f, f', f''

  // Why f, f' or f'' is NaN at x, in words ("log(x) is undefined at x = -1: its domain is x > 0"), or
  // empty when none is.
  std::string whyUndefined(double x) const;

 private:
  Tree tree_;  // f, kept while its derivatives are taken
  Printed f_, df_, d2f_;
  StraightLine code_;
  Program value_, slope_, full_, slopeOnly_;
};

}  // namespace descent
