#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

std::string latex(const Shape& shape);

std::string bracketed(const std::string& inner) { return "\\left(" + inner + "\\right)"; }

std::string latex(const Shape& shape, int needed) {
  const std::string inner = latex(shape);
  return precedence(shape) < needed ? bracketed(inner) : inner;
}

// 1e-05 becomes 1 \times 10^{-5}.
std::string latexNumber(double value) {
  const Scientific n = scientific(value);
  if (n.exponent.empty()) return n.mantissa;
  return n.mantissa + " \\times 10^{" + (n.negativeExponent ? "-" : "") + n.exponent + "}";
}

// Whether the written factor begins with a digit: 2, 2^{x}, so that x2^{x} is not misread.
bool startsWithDigit(const Shape& shape) {
  if (shape.kind == Shape::Kind::number) return true;
  return shape.kind == Shape::Kind::power && startsWithDigit(shape.parts[0]);
}

std::string product(const Shape& shape) {
  std::string out;
  const Shape* previous = nullptr;
  for (const auto& factor : shape.parts) {
    // Juxtaposition reads as a product except before a digit: 2 \cdot 3, x \cdot 2^{x}.
    if (previous && startsWithDigit(factor))
      out += " \\cdot ";
    else if (previous && previous->kind == Shape::Kind::constant)
      out += " ";
    out += latex(factor, 4);
    previous = &factor;
  }
  return out;
}

std::string callLatex(const Shape& shape) {
  const std::string argument = latex(shape.parts[0]);
  switch (shape.builtin) {
    case Builtin::sqrt:
      return "\\sqrt{" + argument + "}";
    case Builtin::cbrt:
      return "\\sqrt[3]{" + argument + "}";
    case Builtin::abs:
      return "\\left|" + argument + "\\right|";
    default:
      break;
  }
  const BuiltinInfo& info = infoOf(shape.builtin);
  const std::string name =
      info.latex.empty() ? "\\operatorname{" + std::string(info.name) + "}" : std::string(info.latex);
  return name + bracketed(argument);
}

std::string latex(const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      return latexNumber(shape.value);
    case Kind::constant:
      return shape.constant == Constant::pi ? "\\pi" : "e";
    case Kind::variable:
      return "x";
    case Kind::sum: {
      std::string out;
      for (std::size_t i = 0; i < shape.parts.size(); ++i) {
        const Shape& term = shape.parts[i];
        const bool minus = term.kind == Kind::negative;
        out += i == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ");
        out += minus ? latex(term.parts[0], 3) : latex(term, 2);
      }
      return out;
    }
    case Kind::negative:
      return "-" + latex(shape.parts[0], 3);
    case Kind::product:
      return product(shape);
    case Kind::fraction:
      return "\\frac{" + latex(shape.parts[0]) + "}{" + latex(shape.parts[1]) + "}";
    case Kind::power:
      return latex(shape.parts[0], 6) + "^{" + latex(shape.parts[1]) + "}";
    case Kind::call:
      return callLatex(shape);
  }
  return "";
}

}  // namespace

std::string toLatex(const Tree& tree) { return latex(layout(tree)); }

}  // namespace descent
