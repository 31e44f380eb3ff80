#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

// Each part is appended to one output string: no temporary strings to build and free.
void text(std::string& out, const Shape& shape);

// Brackets when the part binds more loosely than its place needs.
void text(std::string& out, const Shape& shape, int needed) {
  if (precedence(shape) >= needed) return text(out, shape);
  out += "(";
  text(out, shape);
  out += ")";
}

void sumText(std::string& out, const Shape& shape) {
  for (std::size_t i = 0; i < shape.parts.size(); ++i) {
    const Shape& term = shape.parts[i];
    const bool minus = term.kind == Shape::Kind::negative;
    if (i == 0)
      out += minus ? "-" : "";
    else
      out += minus ? " - " : " + ";
    if (minus)
      text(out, term.parts[0], 3);
    else
      text(out, term, 2);
  }
}

void text(std::string& out, const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      out += formatNumber(shape.value);
      return;
    case Kind::constant:
      out += shape.constant == Constant::pi ? "pi" : "e";
      return;
    case Kind::variable:
      out += "x";
      return;
    case Kind::sum:
      return sumText(out, shape);
    case Kind::negative:
      out += "-";
      return text(out, shape.parts[0], 3);
    case Kind::product: {
      const std::size_t start = out.size();
      for (const auto& factor : shape.parts) {
        if (out.size() != start) out += "*";
        text(out, factor, 4);
      }
      return;
    }
    case Kind::fraction:
      text(out, shape.parts[0], 3);
      out += "/";
      return text(out, shape.parts[1], 4);
    case Kind::power: {
      const Shape& exponent = shape.parts[1];
      text(out, shape.parts[0], 6);
      out += "^";
      // A signed exponent needs no brackets: x^-2 reads as x^(-2).
      if (exponent.kind == Kind::negative) {
        out += "-";
        return text(out, exponent.parts[0], 5);
      }
      return text(out, exponent, 5);
    }
    case Kind::call:
      out += nameOf(shape.builtin);
      out += "(";
      text(out, shape.parts[0]);
      out += ")";
      return;
  }
}

}  // namespace

std::string toText(const Shape& shape) {
  std::string out;
  text(out, shape);
  return out;
}

std::string toText(const Tree& tree) { return toText(layout(tree)); }

}  // namespace descent
