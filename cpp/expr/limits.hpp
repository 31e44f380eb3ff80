#pragma once
// Bounds that turn hostile input into a clear error instead of a stack overflow or a hang.
#include <cstddef>

namespace descent::limits {

constexpr std::size_t kMaxInputLength = 10'000;     // characters of one expression
constexpr int kMaxNesting = 200;                    // brackets, calls, signs and powers inside each other
constexpr std::size_t kMaxTreeSize = 20'000;        // nodes of f, f' or f'' after simplification
constexpr std::size_t kMaxRawDerivative = 200'000;  // nodes of a derivative before simplification

}  // namespace descent::limits
