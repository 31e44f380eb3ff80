#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

std::string mathml(const Shape& shape);

std::string row(const std::string& inner) { return "<mrow>" + inner + "</mrow>"; }
std::string op(const std::string& symbol) { return "<mo>" + symbol + "</mo>"; }
std::string bracketed(const std::string& inner) { return row(op("(") + inner + op(")")); }

std::string mathml(const Shape& shape, int needed) {
  const std::string inner = mathml(shape);
  return precedence(shape) < needed ? bracketed(inner) : inner;
}

std::string numberMathml(double value) {
  const Scientific n = scientific(value);
  if (n.exponent.empty()) return "<mn>" + n.mantissa + "</mn>";
  const std::string exponent = "<mn>" + n.exponent + "</mn>";
  return row("<mn>" + n.mantissa + "</mn>" + op("&#xD7;") + "<msup><mn>10</mn>" +
             (n.negativeExponent ? row(op("&#x2212;") + exponent) : exponent) + "</msup>");
}

std::string product(const Shape& shape) {
  std::string out;
  const Shape* previous = nullptr;
  for (const auto& factor : shape.parts) {
    if (previous)
      out += op(previous->kind == Shape::Kind::number && factor.kind == Shape::Kind::number ? "&#xB7;"
                                                                                            : "&#x2062;");
    out += mathml(factor, 4);
    previous = &factor;
  }
  return row(out);
}

std::string callMathml(const Shape& shape) {
  const std::string argument = mathml(shape.parts[0]);
  switch (shape.builtin) {
    case Builtin::sqrt:
      return "<msqrt>" + argument + "</msqrt>";
    case Builtin::cbrt:
      return "<mroot>" + row(argument) + "<mn>3</mn></mroot>";
    case Builtin::abs:
      return row(op("|") + argument + op("|"));
    default:
      break;
  }
  std::string name(nameOf(shape.builtin));
  if (shape.builtin == Builtin::log) name = "ln";
  if (shape.builtin == Builtin::sigmoid) name = "&#x3C3;";
  std::string head = "<mi>" + name + "</mi>";
  if (shape.builtin == Builtin::log2 || shape.builtin == Builtin::log10)
    head =
        "<msub><mi>log</mi><mn>" + std::string(shape.builtin == Builtin::log2 ? "2" : "10") + "</mn></msub>";
  return row(head + op("&#x2061;") + bracketed(argument));
}

std::string mathml(const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      return numberMathml(shape.value);
    case Kind::constant:
      return shape.constant == Constant::pi ? "<mi>&#x3C0;</mi>" : "<mi>e</mi>";
    case Kind::variable:
      return "<mi>x</mi>";
    case Kind::sum: {
      std::string out;
      for (std::size_t i = 0; i < shape.parts.size(); ++i) {
        const Shape& term = shape.parts[i];
        const bool minus = term.kind == Kind::negative;
        if (minus)
          out += op("&#x2212;");
        else if (i > 0)
          out += op("+");
        out += minus ? mathml(term.parts[0], 3) : mathml(term, 2);
      }
      return row(out);
    }
    case Kind::negative:
      return row(op("&#x2212;") + mathml(shape.parts[0], 3));
    case Kind::product:
      return product(shape);
    case Kind::fraction:
      return "<mfrac>" + row(mathml(shape.parts[0])) + row(mathml(shape.parts[1])) + "</mfrac>";
    case Kind::power:
      return "<msup>" + mathml(shape.parts[0], 6) + row(mathml(shape.parts[1])) + "</msup>";
    case Kind::call:
      return callMathml(shape);
  }
  return "";
}

}  // namespace

std::string toMathml(const Tree& tree) {
  return "<math display=\"block\">" + mathml(layout(tree)) + "</math>";
}

}  // namespace descent
