#include "expr/layout.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace descent {
namespace {

Shape atom(Shape::Kind kind) { return Shape{kind}; }

Shape numberShape(double value) {
  Shape shape{Shape::Kind::number};
  shape.value = value == 0 ? 0.0 : value;  // no "-0"

  return shape;
}

Shape negative(Shape inner) {
  Shape shape{Shape::Kind::negative};
  shape.parts.push_back(std::move(inner));
  return shape;
}

Shape group(Shape::Kind kind, std::vector<Shape> parts) {
  if (kind == Shape::Kind::product && parts.size() == 1) return std::move(parts.front());
  Shape shape{kind};
  shape.parts = std::move(parts);
  return shape;
}

// A lone number reads as a person writes it: 0.3 rather than 0.30000000000000004, 1/3 rather than
// 0.3333333333333333.
Shape layoutNumber(double value) {
  const Readable r = readable(std::fabs(value));
  Shape shape = r.isFraction
                    ? group(Shape::Kind::fraction, {numberShape(r.numerator), numberShape(r.denominator)})
                    : numberShape(r.value);
  return value < 0 ? negative(std::move(shape)) : shape;
}

Shape layoutProduct(const std::vector<Tree>& factors) {
  double coefficient = 1;
  std::vector<Shape> numerator, denominator;
  for (const auto& factor : factors) {
    if (isNumber(factor)) {
      coefficient *= factor->value;
    } else if (factor->op == Op::power && isNumber(factor->children[1]) && factor->children[1]->value < 0) {
      const double exponent = -factor->children[1]->value;
      denominator.push_back(exponent == 1 ? layout(factor->children[0])
                                          : layout(power(factor->children[0], number(exponent))));
    } else {
      numerator.push_back(layout(factor));
    }
  }
  const bool isNegative = coefficient < 0;
  const Readable r = readable(std::fabs(coefficient));
  double p = r.numerator, q = r.denominator;
  // A unit fraction joins a denominator that is already there: 1/(2*sqrt(x)), not 0.5/sqrt(x).
  const bool unitFraction = !denominator.empty() && nearFraction(r.value, 1000, p, q) && p == 1;
  if (r.isFraction || unitFraction) {
    if (p != 1 || numerator.empty()) numerator.insert(numerator.begin(), numberShape(p));
    denominator.insert(denominator.begin(), numberShape(q));
  } else if (r.value != 1 || numerator.empty()) {
    numerator.insert(numerator.begin(), numberShape(r.value));
  }
  Shape shape = group(Shape::Kind::product, std::move(numerator));
  if (!denominator.empty())
    shape =
        group(Shape::Kind::fraction, {std::move(shape), group(Shape::Kind::product, std::move(denominator))});
  return isNegative ? negative(std::move(shape)) : shape;
}

}  // namespace

Shape layout(const Tree& tree) {
  switch (tree->op) {
    case Op::number:
      return layoutNumber(tree->value);
    case Op::constant: {
      Shape shape = atom(Shape::Kind::constant);
      shape.constant = tree->constant;
      return shape;
    }
    case Op::variable:
      return atom(Shape::Kind::variable);
    case Op::add: {
      std::vector<Shape> terms;
      for (const auto& term : tree->children) terms.push_back(layout(term));
      // 1 - x^2 reads better than -x^2 + 1.
      const auto positive = std::find_if(terms.begin(), terms.end(),
                                         [](const Shape& t) { return t.kind != Shape::Kind::negative; });
      if (positive != terms.end()) std::rotate(terms.begin(), positive, positive + 1);
      return group(Shape::Kind::sum, std::move(terms));
    }
    case Op::multiply:
      return layoutProduct(tree->children);
    case Op::power:
      if (isNumber(tree->children[1]) && tree->children[1]->value < 0) return layoutProduct({tree});
      return group(Shape::Kind::power, {layout(tree->children[0]), layout(tree->children[1])});
    case Op::call: {
      Shape shape = group(Shape::Kind::call, {layout(tree->children[0])});
      shape.builtin = tree->builtin;
      return shape;
    }
  }
  return atom(Shape::Kind::variable);
}

int precedence(const Shape& shape) {
  switch (shape.kind) {
    case Shape::Kind::sum:
      return 1;
    case Shape::Kind::negative:
      return 2;
    case Shape::Kind::product:
    case Shape::Kind::fraction:
      return 3;
    case Shape::Kind::power:
      return 5;
    default:
      return 6;
  }
}

}  // namespace descent
