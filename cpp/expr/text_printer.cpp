#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

std::string text(const Shape& shape);

// Brackets when the part binds more loosely than its place needs.
std::string text(const Shape& shape, int needed) {
  const std::string inner = text(shape);
  return precedence(shape) < needed ? "(" + inner + ")" : inner;
}

std::string sumText(const Shape& shape) {
  std::string out;
  for (std::size_t i = 0; i < shape.parts.size(); ++i) {
    const Shape& term = shape.parts[i];
    const bool minus = term.kind == Shape::Kind::negative;
    if (i == 0)
      out += minus ? "-" : "";
    else
      out += minus ? " - " : " + ";
    out += minus ? text(term.parts[0], 3) : text(term, 2);
  }
  return out;
}

std::string text(const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      return formatNumber(shape.value);
    case Kind::constant:
      return shape.constant == Constant::pi ? "pi" : "e";
    case Kind::variable:
      return "x";
    case Kind::sum:
      return sumText(shape);
    case Kind::negative:
      return "-" + text(shape.parts[0], 3);
    case Kind::product: {
      std::string out;
      for (const auto& factor : shape.parts) out += (out.empty() ? "" : "*") + text(factor, 4);
      return out;
    }
    case Kind::fraction:
      return text(shape.parts[0], 3) + "/" + text(shape.parts[1], 4);
    case Kind::power: {
      const Shape& exponent = shape.parts[1];
      // A signed exponent needs no brackets: x^-2 reads as x^(-2).
      const std::string power =
          exponent.kind == Kind::negative ? "-" + text(exponent.parts[0], 5) : text(exponent, 5);
      return text(shape.parts[0], 6) + "^" + power;
    }
    case Kind::call:
      return std::string(nameOf(shape.builtin)) + "(" + text(shape.parts[0]) + ")";
  }
  return "";
}

}  // namespace

std::string toText(const Tree& tree) { return text(layout(tree)); }

}  // namespace descent
