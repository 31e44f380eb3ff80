#include "expr/function.hpp"

#include "expr/derivative.hpp"
#include "expr/limits.hpp"
#include "expr/number_text.hpp"
#include "expr/parser.hpp"
#include "expr/printers.hpp"
#include "expr/simplifier.hpp"

namespace descent {
namespace {

Tree bounded(Tree tree, const char* what) {
  if (tree->size > limits::kMaxTreeSize)
    throw ExpressionError(std::string(what) + " is too large to handle (over " +
                              std::to_string(limits::kMaxTreeSize) + " terms); try a simpler function",
                          1);
  return tree;
}

Printed print(const Tree& tree) {
  const Shape shape = layout(tree);
  return {toText(shape), toLatex(shape), toMathml(shape)};
}

// "u > 0" with u the argument's name: "x > 0" where the argument is x itself, else "its argument > 0";
// an interval "-1 <= u <= 1" reads "its argument between -1 and 1".
std::string domainOf(std::string_view domain, bool ofX) {
  std::string text(domain);
  const std::size_t u = text.find('u');
  if (u == std::string::npos) return text;
  if (!ofX && u > 0) {
    const std::string low = text.substr(0, text.find(" <")), high = text.substr(text.rfind(' ') + 1);
    return "its argument between " + low + " and " + high;
  }
  return text.replace(u, 1, ofX ? "x" : "its argument");
}

}  // namespace

Function Function::parse(std::string_view text) {
  Function fn;
  // f is printed simplified and evaluated with its guards (simplifier.hpp), so that it is NaN or infinite
  // exactly where the typed expression is; a run stops where f is undefined, so f' and f'' need none.
  const Simplified f = simplifyKeepingDomain(descent::parse(text));
  fn.tree_ = bounded(f.tree, "the function");
  const Tree df = bounded(simplify(differentiate(fn.tree_)), "the derivative");
  const Tree d2f = bounded(simplify(differentiate(df)), "the second derivative");
  fn.f_ = print(fn.tree_);
  fn.df_ = print(df);
  fn.d2f_ = print(d2f);
  fn.code_ = StraightLine::lower({guarded(f), df, d2f});
  fn.value_ = Program::compile(fn.code_, 1);
  fn.slope_ = Program::compile(fn.code_, 2);
  fn.full_ = Program::compile(fn.code_, 3);
  fn.slopeOnly_ = Program::compileOutput(fn.code_, 1);
  return fn;
}

std::string Function::whyUndefined(double x) const {
  using Kind = Program::Undefined::Kind;
  // f's own cause first: the program for f, f', f'' may compute a piece of f'' before f.
  Program::Undefined found = value_.undefinedAt(x);
  if (found.kind == Kind::none) found = slope_.undefinedAt(x);
  if (found.kind == Kind::none) found = full_.undefinedAt(x);
  const std::string at = " at x = " + formatNumber(x);
  switch (found.kind) {
    case Kind::call: {
      const BuiltinInfo& info = infoOf(found.builtin);
      const std::string name(info.name);
      if (found.argumentIsX)
        return name + "(x) is undefined" + at + ": its domain is " + domainOf(info.domain, true);
      return name + " is undefined" + at + ", where its argument is " + formatNumber(found.a) +
             (info.domain.empty() ? "" : ": it needs " + domainOf(info.domain, false));
    }
    case Kind::power:
      return "a power is undefined" + at + ": (" + formatNumber(found.a) + ")^" + formatNumber(found.b) +
             " has a negative base and a fractional exponent";
    case Kind::division:
      return "0/0 is undefined" + at;
    case Kind::none:
      break;
  }
  return "";
}

}  // namespace descent
