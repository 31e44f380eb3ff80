#pragma once
// A parsed function of x with its exact first and second derivatives, printed three ways and
// compiled into flat programs. This is the face the optimizers, the CLI and the bindings use.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expr/error.hpp"
#include "expr/native_code.hpp"
#include "expr/program.hpp"
#include "expr/tree.hpp"

namespace descent {

struct Printed {
  std::string text;    // parses back to the same function
  std::string latex;   // for a post
  std::string mathml;  // for the page: a <math> element
};

class Function {
 public:
  // Parses, differentiates twice, simplifies and compiles. Throws ExpressionError. In a native build the
  // three evaluations are also written as machine code (expr/native_code.hpp) where the machine has a
  // code writer; the WASM engine attaches its own (useKernel, below).
  static Function parse(std::string_view text);

  const Printed& printed() const { return f_; }
  const Printed& derivative() const { return df_; }
  const Printed& second() const { return d2f_; }
  const Tree& tree() const { return tree_; }

  double value(double x) const noexcept {  // f only
    if (kernels_[0]) {
      double out[1];
      kernels_[0](x, out);
      return out[0];
    }
    return value_.value(x);
  }
  Slope slope(double x) const noexcept {  // f, f'
    if (kernels_[1]) {
      double out[2];
      kernels_[1](x, out);
      return {out[0], out[1]};
    }
    return slope_.slope(x);
  }
  Values at(double x) const noexcept {  // f, f', f''
    if (kernels_[2]) {
      double out[3];
      kernels_[2](x, out);
      return {out[0], out[1], out[2]};
    }
    return full_.values(x);
  }

  // The same at each of the n points x[0], ..., x[n-1]: f[i] (df[i], d2f[i]) for x[i], bit for bit what
  // the one-point calls give (NaN sign and payload aside). They run the batch kernels (below) where
  // attached, else the programs over blocks of points. An output array may be x itself. Like the
  // one-point calls, not safe to call from two threads at once.
  void value(const double* x, std::size_t n, double* f) const noexcept;
  void slope(const double* x, std::size_t n, double* f, double* df) const noexcept;
  void at(const double* x, std::size_t n, double* f, double* df, double* d2f) const noexcept;

  // The three evaluations above: value (f), slope (f, f') and at (f, f', f'').
  enum class Evaluation { value, slope, at };
  // The trees an evaluation computes, in output order.
  std::vector<Tree> outputs(Evaluation which) const;
  // Machine code standing in for an evaluation's program: it stores output i at out[i] and must give
  // the same bits as the program (the WASM engine compiles expr/wasm_code.hpp modules to these). A copy
  // of the Function keeps them, so whoever attaches one keeps it alive as long as every copy.
  using Kernel = void (*)(double x, double* out) noexcept;
  void useKernel(Evaluation which, Kernel kernel) noexcept { kernels_[static_cast<int>(which)] = kernel; }
  // Machine code for an evaluation at many points, two at a time (NativeCode::Batch), under the same
  // terms as a kernel.
  using BatchKernel = NativeCode::Batch;
  void useBatchKernel(Evaluation which, BatchKernel kernel) noexcept {
    batchKernels_[static_cast<int>(which)] = kernel;
  }
  // The native machine code parse() attached, or null. useKernel(which, nullptr) and
  // useBatchKernel(which, nullptr) go back to the program; nativeCode()->entry(i) and ->batch(i), with
  // i the Evaluation's number, are the machine code again.
  const NativeCode* nativeCode() const noexcept { return native_.get(); }

 private:
  Tree tree_, df_tree_, d2f_tree_;
  Kernel kernels_[3] = {nullptr, nullptr, nullptr};
  BatchKernel batchKernels_[3] = {nullptr, nullptr, nullptr};
  std::shared_ptr<const NativeCode> native_;
  Printed f_, df_, d2f_;
  Program value_, slope_, full_;
};

}  // namespace descent
