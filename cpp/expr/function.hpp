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

  double value(double x) const { return value_.value(x); }  // f only
  Slope slope(double x) const { return slope_.slope(x); }   // f, f'
  Values at(double x) const { return full_.values(x); }     // f, f', f''

 private:
  Tree tree_;
  Printed f_, df_, d2f_;
  Program value_, slope_, full_;
};

}  // namespace descent
