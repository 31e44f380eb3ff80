#pragma once
// Rewrites a tree into the form a person would write: constants folded, 0 and 1 identities gone,
// like terms and powers of one base combined, terms ordered by falling degree.
#include <vector>

#include "expr/tree.hpp"

namespace descent {

Tree simplify(const Tree& tree);

// The same, and the guards: what a rewrite dropped or merged that is NaN or infinite at some finite x
// (log(x) in log(x) - log(x), x^-1 in x * x^-1, x^0.5 in (x^0.5)^2). The simplified tree is for printing
// (where f is defined it equals f); guarded() adds 0 * guard for each, which is 0 where the guard is
// finite and NaN where it is not, so evaluation keeps f's domain and IEEE special values.
struct Simplified {
  Tree tree;
  std::vector<Tree> guards;
};
Simplified simplifyKeepingDomain(const Tree& tree);
Tree guarded(const Simplified& simplified);

}  // namespace descent
