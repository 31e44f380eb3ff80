#include "expr/layout.hpp"
#include "expr/printers.hpp"

namespace descent {
namespace {

// Each part is appended to one output string: no temporary strings to build and free.
void mathml(std::string& out, const Shape& shape);

void op(std::string& out, const char* symbol) {
  out += "<mo>";
  out += symbol;
  out += "</mo>";
}

// A shape with no fraction or root in it is no taller than a line of text. Brackets around it keep the
// font's own size: stretched, they grow past the text in a browser whose font has no maths table.
bool flat(const Shape& shape) {
  if (shape.kind == Shape::Kind::fraction) return false;
  if (shape.kind == Shape::Kind::call && (shape.builtin == Builtin::sqrt || shape.builtin == Builtin::cbrt))
    return false;
  for (const Shape& part : shape.parts)
    if (!flat(part)) return false;
  return true;
}

void fence(std::string& out, const char* symbol, bool stretchy) {
  out += stretchy ? "<mo>" : "<mo stretchy=\"false\">";
  out += symbol;
  out += "</mo>";
}

void mathml(std::string& out, const Shape& shape, int needed) {
  if (precedence(shape) >= needed) return mathml(out, shape);
  out += "<mrow>";
  fence(out, "(", !flat(shape));
  mathml(out, shape);
  fence(out, ")", !flat(shape));
  out += "</mrow>";
}

// A browser without a maths font raises an exponent to the top of its base's ink, so one on a bracket or
// a digit floats above one on x. A flat base is given the height of an x, as TeX places them all alike.
void xHigh(std::string& out, const Shape& shape, int needed) {
  out += "<mpadded height=\"1ex\">";
  mathml(out, shape, needed);
  out += "</mpadded>";
}

void numberMathml(std::string& out, double value) {
  const Scientific n = scientific(value);
  if (n.exponent.empty()) {
    out += "<mn>";
    out += n.mantissa;
    out += "</mn>";
    return;
  }
  out += "<mrow><mn>";
  out += n.mantissa;
  out += "</mn><mo>&#xD7;</mo><msup><mpadded height=\"1ex\"><mn>10</mn></mpadded>";
  if (n.negativeExponent) out += "<mrow><mo>&#x2212;</mo>";
  out += "<mn>";
  out += n.exponent;
  out += "</mn>";
  if (n.negativeExponent) out += "</mrow>";
  out += "</msup></mrow>";
}

void product(std::string& out, const Shape& shape) {
  out += "<mrow>";
  const Shape* previous = nullptr;
  for (const auto& factor : shape.parts) {
    if (previous)
      op(out,
         previous->kind == Shape::Kind::number && factor.kind == Shape::Kind::number ? "&#xB7;" : "&#x2062;");
    mathml(out, factor, 4);
    previous = &factor;
  }
  out += "</mrow>";
}

void callMathml(std::string& out, const Shape& shape) {
  const Shape& argument = shape.parts[0];
  switch (shape.builtin) {
    case Builtin::sqrt:
      out += "<msqrt>";
      mathml(out, argument);
      out += "</msqrt>";
      return;
    case Builtin::cbrt:
      out += "<mroot><mrow>";
      mathml(out, argument);
      out += "</mrow><mn>3</mn></mroot>";
      return;
    case Builtin::abs:
      out += "<mrow>";
      fence(out, "|", !flat(argument));
      mathml(out, argument);
      fence(out, "|", !flat(argument));
      out += "</mrow>";
      return;
    default:
      break;
  }
  out += "<mrow>";
  if (shape.builtin == Builtin::log2 || shape.builtin == Builtin::log10) {
    out += "<msub><mi>log</mi><mn>";
    out += shape.builtin == Builtin::log2 ? "2" : "10";
    out += "</mn></msub>";
  } else {
    out += "<mi>";
    if (shape.builtin == Builtin::log)
      out += "ln";
    else if (shape.builtin == Builtin::sigmoid)
      out += "&#x3C3;";
    else
      out += nameOf(shape.builtin);
    out += "</mi>";
  }
  out += "<mo>&#x2061;</mo><mrow>";
  fence(out, "(", !flat(argument));
  mathml(out, argument);
  fence(out, ")", !flat(argument));
  out += "</mrow></mrow>";
}

void mathml(std::string& out, const Shape& shape) {
  using Kind = Shape::Kind;
  switch (shape.kind) {
    case Kind::number:
      return numberMathml(out, shape.value);
    case Kind::constant:
      out += shape.constant == Constant::pi ? "<mi>&#x3C0;</mi>" : "<mi>e</mi>";
      return;
    case Kind::variable:
      out += "<mi>x</mi>";
      return;
    case Kind::sum:
      out += "<mrow>";
      for (std::size_t i = 0; i < shape.parts.size(); ++i) {
        const Shape& term = shape.parts[i];
        const bool minus = term.kind == Kind::negative;
        if (minus)
          op(out, "&#x2212;");
        else if (i > 0)
          op(out, "+");
        if (minus)
          mathml(out, term.parts[0], 3);
        else
          mathml(out, term, 2);
      }
      out += "</mrow>";
      return;
    case Kind::negative:
      out += "<mrow><mo>&#x2212;</mo>";
      mathml(out, shape.parts[0], 3);
      out += "</mrow>";
      return;
    case Kind::product:
      return product(out, shape);
    case Kind::fraction:
      out += "<mfrac><mrow>";
      mathml(out, shape.parts[0]);
      out += "</mrow><mrow>";
      mathml(out, shape.parts[1]);
      out += "</mrow></mfrac>";
      return;
    case Kind::power: {
      const Shape& base = shape.parts[0];
      const bool letter = base.kind == Kind::variable || base.kind == Kind::constant;
      out += "<msup>";
      if (flat(base) && !letter)
        xHigh(out, base, 6);
      else
        mathml(out, base, 6);
      out += "<mrow>";
      mathml(out, shape.parts[1]);
      out += "</mrow></msup>";
      return;
    }
    case Kind::call:
      return callMathml(out, shape);
  }
}

}  // namespace

std::string toMathml(const Shape& shape) {
  std::string out = "<math display=\"block\">";
  mathml(out, shape);
  out += "</math>";
  return out;
}

std::string toMathml(const Tree& tree) { return toMathml(layout(tree)); }

}  // namespace descent
