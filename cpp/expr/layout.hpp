#pragma once
// The printed shape of a tree, shared by the text, LaTeX and MathML printers: signs pulled out of
// products, negative powers moved under a fraction bar, exact fractions written as fractions.
#include <string>
#include <vector>

#include "expr/number_text.hpp"
#include "expr/tree.hpp"

namespace descent {

struct Shape {
  enum class Kind { number, constant, variable, sum, negative, product, fraction, power, call };
  explicit Shape(Kind k) : kind(k) {}
  Kind kind;
  double value = 0;  // number (never negative: signs are Kind::negative)
  Constant constant = Constant::pi;
  Builtin builtin = Builtin::sin;
  std::vector<Shape> parts;  // sum: terms; negative: operand; product: factors;
                             // fraction: numerator, denominator; power: base, exponent; call: argument
};

Shape layout(const Tree& tree);

// Binding strength of a shape, for deciding where brackets go.
int precedence(const Shape& shape);

}  // namespace descent
