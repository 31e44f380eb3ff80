#pragma once
// Rewrites a tree into the form a person would write: constants folded, 0 and 1 identities gone,
// like terms and powers of one base combined, terms ordered by falling degree.
#include "expr/tree.hpp"

namespace descent {

Tree simplify(const Tree& tree);

}  // namespace descent
