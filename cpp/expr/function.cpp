#include "expr/function.hpp"

#include "expr/derivative.hpp"
#include "expr/limits.hpp"
#include "expr/parser.hpp"
#include "expr/printers.hpp"
#include "expr/simplifier.hpp"
#include "expr/straight_line.hpp"

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
  const Tree& df = fn.df_tree_ = bounded(simplify(differentiate(fn.tree_)), "the derivative");
  const Tree& d2f = fn.d2f_tree_ = bounded(simplify(differentiate(df)), "the second derivative");
  fn.f_ = print(fn.tree_);
  fn.df_ = print(df);
  fn.d2f_ = print(d2f);
  fn.value_ = Program::compile({fn.tree_});
  fn.slope_ = Program::compile({fn.tree_, df});
  fn.full_ = Program::compile({fn.tree_, df, d2f});
#ifndef __EMSCRIPTEN__
  constexpr Evaluation kEvaluations[] = {Evaluation::value, Evaluation::slope, Evaluation::at};
  std::vector<StraightLine> codes;
  for (const Evaluation which : kEvaluations) codes.push_back(StraightLine::lower(fn.outputs(which)));
  fn.native_ = NativeCode::compile(codes);
  for (const Evaluation which : kEvaluations) fn.useKernel(which, fn.nativeEntry(which));
#endif
  return fn;
}

std::vector<Tree> Function::outputs(Evaluation which) const {
  switch (which) {
    case Evaluation::value:
      return {tree_};
    case Evaluation::slope:
      return {tree_, df_tree_};
    case Evaluation::at:
      break;
  }
  return {tree_, df_tree_, d2f_tree_};
}

}  // namespace descent
