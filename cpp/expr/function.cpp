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
  if (fn.native_) {
    for (const Evaluation which : kEvaluations) {
      fn.useKernel(which, fn.native_->entry(static_cast<std::size_t>(which)));
      fn.useBatchKernel(which, fn.native_->batch(static_cast<std::size_t>(which)));
    }
  }
#endif
  return fn;
}

// The batch kernel takes the points two at a time; an odd last point is the one-point call's.
void Function::value(const double* x, std::size_t n, double* f) const noexcept {
  const BatchKernel batch = batchKernels_[static_cast<int>(Evaluation::value)];
  if (!batch) return value_.value(x, n, f);
  batch(x, n / 2, f, nullptr, nullptr);
  if (n % 2) f[n - 1] = value(x[n - 1]);
}

void Function::slope(const double* x, std::size_t n, double* f, double* df) const noexcept {
  const BatchKernel batch = batchKernels_[static_cast<int>(Evaluation::slope)];
  if (!batch) return slope_.slope(x, n, f, df);
  batch(x, n / 2, f, df, nullptr);
  if (n % 2) {
    const Slope last = slope(x[n - 1]);
    f[n - 1] = last.f;
    df[n - 1] = last.df;
  }
}

void Function::at(const double* x, std::size_t n, double* f, double* df, double* d2f) const noexcept {
  const BatchKernel batch = batchKernels_[static_cast<int>(Evaluation::at)];
  if (!batch) return full_.values(x, n, f, df, d2f);
  batch(x, n / 2, f, df, d2f);
  if (n % 2) {
    const Values last = at(x[n - 1]);
    f[n - 1] = last.f;
    df[n - 1] = last.df;
    d2f[n - 1] = last.d2f;
  }
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
