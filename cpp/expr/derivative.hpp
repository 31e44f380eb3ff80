#pragma once
// Exact symbolic differentiation with respect to x. Kinks follow SymPy's convention:
// abs'(0) = sign(0) = 0, relu'(0) = step(0) = 0, sign' = step' = 0.
#include "expr/tree.hpp"

namespace descent {

// Throws ExpressionError when the result would exceed limits::kMaxRawDerivative nodes.
Tree differentiate(const Tree& f);

}  // namespace descent
