#pragma once
// The syntax tree: immutable, shared nodes in a canonical form where subtraction is a sum with a
// -1 coefficient and division is a power with exponent -1. Sums and products are n-ary, so a
// 10,000-term sum is one wide node instead of a 10,000-deep chain.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "expr/builtin.hpp"

namespace descent {

enum class Op : unsigned char { number, constant, variable, add, multiply, power, call };
enum class Constant : unsigned char { pi, e };

struct Node;
using Tree = std::shared_ptr<const Node>;

struct Node {
  explicit Node(Op kind) : op(kind) {}
  Op op;
  double value = 0;  // number; also the value of a named constant
  Constant constant = Constant::pi;
  Builtin builtin = Builtin::sin;
  std::vector<Tree> children;  // add, multiply: 2 or more; power: base, exponent; call: argument
  std::size_t size = 1;        // nodes in the tree as printed (shared subtrees counted each time)
  bool hasX = false;           // whether x occurs in this subtree
  std::size_t hash = 0;        // equal trees have equal hashes: a quick "not equal" for like terms
};

Tree number(double value);
Tree constant(Constant which);
Tree variable();
Tree add(std::vector<Tree> terms);
Tree multiply(std::vector<Tree> factors);
Tree power(Tree base, Tree exponent);
Tree call(Builtin builtin, Tree argument);

// Shorthands built on the constructors above.
Tree add(Tree a, Tree b);
Tree multiply(Tree a, Tree b);
Tree negate(Tree a);
Tree subtract(Tree a, Tree b);
Tree divide(Tree a, Tree b);

bool isNumber(const Tree& t);
bool isNumber(const Tree& t, double value);

// A total order on trees: the simplifier sorts terms and factors with it.
int compare(const Tree& a, const Tree& b);
// compare(a, b) == 0, usually answered by the hashes alone.
bool equal(const Tree& a, const Tree& b);

}  // namespace descent
