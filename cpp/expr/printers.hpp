#pragma once
// Three ways to write a tree: plain text that parses back to the same function, LaTeX for a post,
// and MathML (a <math> element) for the page.
#include <string>

#include "expr/tree.hpp"

namespace descent {

std::string toText(const Tree& tree);
std::string toLatex(const Tree& tree);
std::string toMathml(const Tree& tree);

}  // namespace descent
