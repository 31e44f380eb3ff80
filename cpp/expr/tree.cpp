#include "expr/tree.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <utility>

namespace descent {
namespace {

constexpr std::size_t kSizeCeiling = std::numeric_limits<std::size_t>::max() / 4;

std::size_t saturatingSum(std::size_t a, std::size_t b) {
  return (a > kSizeCeiling || b > kSizeCeiling || a + b > kSizeCeiling) ? kSizeCeiling : a + b;
}

std::size_t mix(std::size_t seed, std::size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

Tree finish(Node node) {
  node.hash = mix(mix(std::hash<double>{}(node.value), static_cast<std::size_t>(node.op)),
                  static_cast<std::size_t>(node.builtin) * 31 + static_cast<std::size_t>(node.constant));
  for (const auto& child : node.children) {
    node.size = saturatingSum(node.size, child->size);
    node.hasX = node.hasX || child->hasX;
    node.hash = mix(node.hash, child->hash);
  }
  return std::make_shared<const Node>(std::move(node));
}

// Nested sums (or products) become one n-ary node; a single operand stands for itself.
Tree naryNode(Op op, std::vector<Tree> operands, double empty) {
  std::vector<Tree> flat;
  flat.reserve(operands.size());
  for (auto& operand : operands) {
    if (operand->op == op) {
      flat.insert(flat.end(), operand->children.begin(), operand->children.end());
    } else {
      flat.push_back(std::move(operand));
    }
  }
  if (flat.empty()) return number(empty);
  if (flat.size() == 1) return flat.front();
  Node node{op};
  node.children = std::move(flat);
  return finish(std::move(node));
}

int compareNumbers(double a, double b) { return a < b ? -1 : (a > b ? 1 : 0); }

}  // namespace

Tree number(double value) {
  Node node{Op::number};
  node.value = value;
  return finish(std::move(node));
}

Tree constant(Constant which) {
  Node node{Op::constant};
  node.constant = which;
  node.value = which == Constant::pi ? 3.14159265358979323846 : 2.71828182845904523536;
  return finish(std::move(node));
}

Tree variable() {
  Node node{Op::variable};
  node.hasX = true;
  return finish(std::move(node));
}

Tree add(std::vector<Tree> terms) { return naryNode(Op::add, std::move(terms), 0); }
Tree multiply(std::vector<Tree> factors) { return naryNode(Op::multiply, std::move(factors), 1); }

Tree power(Tree base, Tree exponent) {
  Node node{Op::power};
  node.children = {std::move(base), std::move(exponent)};
  return finish(std::move(node));
}

Tree call(Builtin builtin, Tree argument) {
  Node node{Op::call};
  node.builtin = builtin;
  node.children = {std::move(argument)};
  return finish(std::move(node));
}

Tree add(Tree a, Tree b) { return add(std::vector<Tree>{std::move(a), std::move(b)}); }
Tree multiply(Tree a, Tree b) { return multiply(std::vector<Tree>{std::move(a), std::move(b)}); }
Tree negate(Tree a) { return multiply(number(-1), std::move(a)); }
Tree subtract(Tree a, Tree b) { return add(std::move(a), negate(std::move(b))); }
Tree divide(Tree a, Tree b) { return multiply(std::move(a), power(std::move(b), number(-1))); }

bool isNumber(const Tree& t) { return t->op == Op::number; }
bool isNumber(const Tree& t, double value) { return t->op == Op::number && t->value == value; }

bool equal(const Tree& a, const Tree& b) { return a == b || (a->hash == b->hash && compare(a, b) == 0); }

int compare(const Tree& a, const Tree& b) {
  if (a == b) return 0;
  if (a->op != b->op) return a->op < b->op ? -1 : 1;
  switch (a->op) {
    case Op::number:
      return compareNumbers(a->value, b->value);
    case Op::constant:
      return compareNumbers(static_cast<int>(a->constant), static_cast<int>(b->constant));
    case Op::variable:
      return 0;
    case Op::call:
      if (a->builtin != b->builtin) return a->builtin < b->builtin ? -1 : 1;
      break;
    default:
      break;
  }
  if (a->children.size() != b->children.size()) return a->children.size() < b->children.size() ? -1 : 1;
  for (std::size_t i = 0; i < a->children.size(); ++i)
    if (int c = compare(a->children[i], b->children[i])) return c;
  return 0;
}

}  // namespace descent
