#pragma once
// Straight-line code as machine code for the machine descent runs on natively: the counterpart of
// expr/wasm_code.hpp for the CLI, the tests and the benchmarks. It is written for x86-64 with the System V
// calling convention (Linux, FreeBSD); elsewhere `compile` gives nothing and the programs run instead.
// The WASM engine is built without this file: its machine code is WebAssembly (expr/wasm_code.hpp).
//
// Each code gets two shapes: one point per call, with scalar SSE2 instructions, and a loop over many
// points, two at a time, with packed SSE2 (each lane doing the one-point operations). Both perform the
// steps of the straight-line code in order (IEEE 754 double, round to nearest, no fused multiply-add),
// keeping results in registers while they are used. Functions are not written out: the code calls the
// engine's own evaluate(Builtin, x) and std::pow (sin and cos of one argument as one call, as the
// program does), so it computes exactly what the program computes, to the last bit. The code goes into
// pages that are writable, then executable, never both.
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "expr/straight_line.hpp"

namespace descent {

// Larger code is left to the program (the two-lane loop's frame would grow past 80 KB of stack).
constexpr std::size_t kMaxNativeSteps = 5'000;

class NativeCode {
 public:
  using Entry = void (*)(double x, double* out) noexcept;
  // For x[0], ..., x[2 pairs - 1]: output j of point i at out_j[i], two points at a time (each lane
  // doing exactly the one-point operations). Outputs past the code's own are not written.
  using Batch = void (*)(const double* x, std::size_t pairs, double* out0, double* out1,
                         double* out2) noexcept;

  // Machine code for each of several straight-line codes, in one mapping (the system calls that map
  // and protect memory cost more than writing the code). Null where this machine has no code writer or
  // the system gives no executable memory.
  static std::shared_ptr<const NativeCode> compile(const std::vector<StraightLine>& codes);

  // Stores output j of codes[i] at out[j]; null for a code of more than kMaxNativeSteps steps.
  Entry entry(std::size_t i) const noexcept { return i < entries_.size() ? entries_[i] : nullptr; }
  // The same for many points; null where entry(i) is.
  Batch batch(std::size_t i) const noexcept { return i < batches_.size() ? batches_[i] : nullptr; }
  // Bytes of machine code and constants, all entries together.
  std::size_t size() const noexcept { return size_; }

  NativeCode(const NativeCode&) = delete;
  NativeCode& operator=(const NativeCode&) = delete;
  ~NativeCode();

 private:
  NativeCode(void* memory, std::size_t mapped, std::size_t size, std::vector<Entry> entries,
             std::vector<Batch> batches)
      : memory_(memory),
        mapped_(mapped),
        size_(size),
        entries_(std::move(entries)),
        batches_(std::move(batches)) {}
  void* memory_;
  std::size_t mapped_;  // whole pages
  std::size_t size_;
  std::vector<Entry> entries_;
  std::vector<Batch> batches_;
};

}  // namespace descent
