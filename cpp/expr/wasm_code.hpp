#pragma once
// Straight-line code as a WebAssembly module, so an engine that itself runs as WebAssembly can have the
// host compile each function to machine code instead of interpreting its program.
//
// The module imports three things from the engine, all under "m":
//   "call"    (i32 builtin, f64 x) -> f64   the engine's evaluate(Builtin, x), so sin, exp, ... are the
//                                            engine's own (the same bits as every other evaluator)
//   "pow"     (f64, f64) -> f64             the engine's std::pow
//   "memory"  the engine's linear memory
// and exports one function, "run" (f64 x, i32 out) -> (), that stores output i as an f64 at out + 8 i.
// WebAssembly arithmetic is IEEE 754 with round-to-nearest and no fused multiply-add, so the module
// computes exactly what the program computes.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "expr/straight_line.hpp"

namespace descent {

// Larger code is left to the program: the module would take longer to compile than it saves.
constexpr std::size_t kMaxWasmSteps = 5'000;

// Empty when the code has more than kMaxWasmSteps steps.
std::vector<std::uint8_t> toWasmModule(const StraightLine& code);

}  // namespace descent
