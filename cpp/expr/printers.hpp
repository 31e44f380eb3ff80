#pragma once
// Three ways to write a tree: plain text that parses back to the same function, LaTeX for a post,
// and MathML (a <math> element) for the page.
#include <string>

#include "expr/layout.hpp"
#include "expr/tree.hpp"

namespace descent {

std::string toText(const Tree& tree);
std::string toLatex(const Tree& tree);
std::string toMathml(const Tree& tree);
// The same from a tree's printed shape (expr/layout.hpp), for printing one tree all three ways from one
// layout.
std::string toText(const Shape& shape);
std::string toLatex(const Shape& shape);
std::string toMathml(const Shape& shape);

}  // namespace descent
