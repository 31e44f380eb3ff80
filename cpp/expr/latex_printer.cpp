#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

// Each part is appended to one output string: no temporary strings to build and free.
void latex(std::string& out, const Shape& shape);

void bracketed(std::string& out, const Shape& shape) {
  out += "\\left(";
  latex(out, shape);
  out += "\\right)";
}

void latex(std::string& out, const Shape& shape, int needed) {
  if (precedence(shape) < needed)
    bracketed(out, shape);
  else
    latex(out, shape);
}

// 1e-05 becomes 1 \times 10^{-5}.
void latexNumber(std::string& out, double value) {
  const Scientific n = scientific(value);
  out += n.mantissa;
  if (n.exponent.empty()) return;
  out += " \\times 10^{";
  if (n.negativeExponent) out += "-";
  out += n.exponent;
  out += "}";
}

// Whether the written factor begins with a digit: 2, 2^{x}, so that x2^{x} is not misread.
bool startsWithDigit(const Shape& shape) {
  if (shape.kind == Shape::Kind::number) return true;
  return shape.kind == Shape::Kind::power && startsWithDigit(shape.parts[0]);
}

void product(std::string& out, const Shape& shape) {
  const Shape* previous = nullptr;
  for (const auto& factor : shape.parts) {
    // Juxtaposition reads as a product except before a digit: 2 \cdot 3, x \cdot 2^{x}.
    if (previous && startsWithDigit(factor))
      out += " \\cdot ";
    else if (previous && previous->kind == Shape::Kind::constant)
      out += " ";
    latex(out, factor, 4);
    previous = &factor;
  }
}

void callLatex(std::string& out, const Shape& shape) {
  const Shape& argument = shape.parts[0];
  switch (shape.builtin) {
    case Builtin::sqrt:
      out += "\\sqrt{";
      latex(out, argument);
      out += "}";
      return;
    case Builtin::cbrt:
      out += "\\sqrt[3]{";
      latex(out, argument);
      out += "}";
      return;
    case Builtin::abs:
      out += "\\left|";
      latex(out, argument);
      out += "\\right|";
      return;
    default:
      break;
  }
  const BuiltinInfo& info = infoOf(shape.builtin);
  if (info.latex.empty()) {
    out += "\\operatorname{";
    out += info.name;
    out += "}";
  } else {
    out += info.latex;
  }
  bracketed(out, argument);
}

void latex(std::string& out, const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      return latexNumber(out, shape.value);
    case Kind::constant:
      out += shape.constant == Constant::pi ? "\\pi" : "e";
      return;
    case Kind::variable:
      out += "x";
      return;
    case Kind::sum:
      for (std::size_t i = 0; i < shape.parts.size(); ++i) {
        const Shape& term = shape.parts[i];
        const bool minus = term.kind == Kind::negative;
        out += i == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ");
        if (minus)
          latex(out, term.parts[0], 3);
        else
          latex(out, term, 2);
      }
      return;
    case Kind::negative:
      out += "-";
      return latex(out, shape.parts[0], 3);
    case Kind::product:
      return product(out, shape);
    case Kind::fraction:
      out += "\\frac{";
      latex(out, shape.parts[0]);
      out += "}{";
      latex(out, shape.parts[1]);
      out += "}";
      return;
    case Kind::power:
      latex(out, shape.parts[0], 6);
      out += "^{";
      latex(out, shape.parts[1]);
      out += "}";
      return;
    case Kind::call:
      return callLatex(out, shape);
  }
}

}  // namespace

std::string toLatex(const Shape& shape) {
  std::string out;
  latex(out, shape);
  return out;
}

std::string toLatex(const Tree& tree) { return toLatex(layout(tree)); }

}  // namespace descent
