#pragma once
// Text to syntax tree. The grammar, with `^` binding tighter than a sign and right-associative:
//
//   sum      = product { ("+" | "-") product } ;
//   product  = unary { ("*" | "/") unary | implicit } ;
//   implicit = power ;                        (after a number or ")", before a name or "(")
//   unary    = ("-" | "+") unary | power ;
//   power    = primary [ "^" unary ] ;        ("**" is "^"; the exponent may carry a sign)
//   primary  = number | "x" | "pi" | "e" | function "(" sum ")" | "(" sum ")" ;
#include <string_view>

#include "expr/tree.hpp"

namespace descent {

// Throws ExpressionError with the column of the problem.
Tree parse(std::string_view text);

}  // namespace descent
