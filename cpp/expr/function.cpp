#include "expr/function.hpp"

#include "expr/derivative.hpp"
#include "expr/limits.hpp"
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

Printed print(const Tree& tree) { return {toText(tree), toLatex(tree), toMathml(tree)}; }

}  // namespace

Function Function::parse(std::string_view text) {
  Function fn;
  fn.tree_ = bounded(simplify(descent::parse(text)), "the function");
  const Tree df = bounded(simplify(differentiate(fn.tree_)), "the derivative");
  const Tree d2f = bounded(simplify(differentiate(df)), "the second derivative");
  fn.f_ = print(fn.tree_);
  fn.df_ = print(df);
  fn.d2f_ = print(d2f);
  fn.code_ = StraightLine::lower({fn.tree_, df, d2f});
  fn.value_ = Program::compile(fn.code_, 1);
  fn.slope_ = Program::compile(fn.code_, 2);
  fn.full_ = Program::compile(fn.code_, 3);
  return fn;
}

}  // namespace descent
