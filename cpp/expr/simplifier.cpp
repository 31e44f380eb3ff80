#include "expr/simplifier.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "expr/builtin.hpp"

namespace descent {
namespace {

bool isInteger(double v) { return std::isfinite(v) && std::floor(v) == v; }

// Whether a subtree can be NaN or infinite at some finite x, where the rest of f is finite: a function
// outside its domain (log, sqrt, asin, acos) or a power that divides or takes a root.
bool risky(const Tree& tree) {
  switch (tree->op) {
    case Op::call:
      if (!infoOf(tree->builtin).domain.empty()) return true;
      break;
    case Op::power:
      if (!(isNumber(tree->children[1]) && isInteger(tree->children[1]->value) &&
            tree->children[1]->value >= 0))
        return true;
      break;
    default:
      break;
  }
  for (const Tree& child : tree->children)
    if (risky(child)) return true;
  return false;
}

// The guards of the simplification under way (simplifyKeepingDomain), or null: what a rewrite dropped or
// merged that is NaN or infinite somewhere f is meant to be. descent simplifies on one thread at a time.
std::vector<Tree>* guards = nullptr;

void guard(const Tree& tree) {
  if (guards && risky(tree)) guards->push_back(tree);
}

Tree simplifyAdd(std::vector<Tree> terms);
Tree simplifyMultiply(std::vector<Tree> factors);
Tree simplifyPower(const Tree& base, const Tree& exponent);

// A term as coefficient * rest, so that 3*x^2 and -x^2 are seen as like terms.
struct Term {
  double coefficient;
  Tree rest;  // nullptr for a plain number
};

Term splitTerm(const Tree& term) {
  if (isNumber(term)) return {term->value, nullptr};
  if (term->op == Op::multiply && isNumber(term->children.front())) {
    std::vector<Tree> rest(term->children.begin() + 1, term->children.end());
    return {term->children.front()->value, rest.size() == 1 ? rest.front() : multiply(std::move(rest))};
  }
  return {1, term};
}

// Exponent of x in a monomial c*x^k, or infinity for other terms with x (they print first).
double degree(const Tree& rest) {
  if (!rest) return -1;
  if (rest->op == Op::variable) return 1;
  if (rest->op == Op::power && rest->children[0]->op == Op::variable && isNumber(rest->children[1]))
    return rest->children[1]->value;
  return rest->hasX ? std::numeric_limits<double>::infinity() : 0;
}

Tree simplifyAdd(std::vector<Tree> terms) {
  double constantPart = 0;
  std::vector<Term> like;
  for (const auto& input : terms) {
    const std::vector<Tree> flat = input->op == Op::add ? input->children : std::vector<Tree>{input};
    for (const auto& term : flat) {
      Term split = splitTerm(term);
      if (!split.rest) {
        constantPart += split.coefficient;
        continue;
      }
      auto same =
          std::find_if(like.begin(), like.end(), [&](const Term& t) { return equal(t.rest, split.rest); });
      if (same != like.end())
        same->coefficient += split.coefficient;
      else
        like.push_back(split);
    }
  }
  for (const Term& term : like)
    if (term.coefficient == 0) guard(term.rest);  // log(x) - log(x) is 0 only where log(x) is finite
  like.erase(std::remove_if(like.begin(), like.end(), [](const Term& t) { return t.coefficient == 0; }),
             like.end());
  std::stable_sort(like.begin(), like.end(), [](const Term& a, const Term& b) {
    const double da = degree(a.rest), db = degree(b.rest);
    if (da != db) return da > db;
    return compare(a.rest, b.rest) < 0;
  });
  std::vector<Tree> result;
  for (const auto& term : like)
    result.push_back(term.coefficient == 1 ? term.rest : multiply(number(term.coefficient), term.rest));
  if (constantPart != 0 || result.empty()) result.push_back(number(constantPart));
  return add(std::move(result));
}

// Powers of one base combine: x * x^2 = x^3.
struct Factor {
  Tree base;
  std::vector<Tree> exponents;
};

Tree simplifyMultiply(std::vector<Tree> factors) {
  double coefficient = 1;
  std::vector<Factor> bases;
  for (const auto& input : factors) {
    const std::vector<Tree> flat = input->op == Op::multiply ? input->children : std::vector<Tree>{input};
    for (const auto& factor : flat) {
      if (isNumber(factor)) {
        coefficient *= factor->value;
        continue;
      }
      const bool isPower = factor->op == Op::power;
      const Tree base = isPower ? factor->children[0] : factor;
      const Tree exponent = isPower ? factor->children[1] : number(1);
      auto same =
          std::find_if(bases.begin(), bases.end(), [&](const Factor& f) { return equal(f.base, base); });
      if (same != bases.end())
        same->exponents.push_back(exponent);
      else
        bases.push_back({base, {exponent}});
    }
  }
  if (coefficient == 0) {
    // 0 * log(x) is 0 only where log(x) is finite. The zero keeps its sign: -0 * x is -0.
    for (const auto& factor : bases)
      for (const auto& exponent : factor.exponents) guard(power(factor.base, exponent));
    return number(coefficient);
  }
  std::vector<Tree> result;
  for (const auto& factor : bases) {
    // x * x^-1 is 1 and x^0.5 * x^0.5 is x only where x^-1 and x^0.5 are finite.
    if (factor.exponents.size() > 1)
      for (const auto& exponent : factor.exponents) guard(power(factor.base, exponent));
    const Tree exponent =
        factor.exponents.size() == 1 ? factor.exponents.front() : simplifyAdd(factor.exponents);
    const Tree combined = simplifyPower(factor.base, exponent);
    if (isNumber(combined))
      coefficient *= combined->value;
    else if (combined->op == Op::multiply) {
      for (const auto& part : combined->children) {
        if (isNumber(part))
          coefficient *= part->value;
        else
          result.push_back(part);
      }
    } else
      result.push_back(combined);
  }
  std::sort(result.begin(), result.end(), [](const Tree& a, const Tree& b) { return compare(a, b) < 0; });
  if (result.empty()) return number(coefficient);
  // A number times one sum is spread over its terms, so like terms can meet: 2*(x - 3) = 2*x - 6.
  if (result.size() == 1 && result.front()->op == Op::add && coefficient != 1) {
    std::vector<Tree> spread;
    for (const auto& term : result.front()->children)
      spread.push_back(simplifyMultiply({number(coefficient), term}));
    return simplifyAdd(std::move(spread));
  }
  if (coefficient != 1) result.insert(result.begin(), number(coefficient));
  return multiply(std::move(result));
}

Tree foldPower(double base, double exponent) {
  const double value = std::pow(base, exponent);
  // -0 to a negative odd power is -inf; printed as 0^n it would read back as +inf, so the sign goes in front.
  if (base == 0 && std::signbit(base) && value == -std::numeric_limits<double>::infinity())
    return multiply(number(-1), power(number(0), number(exponent)));
  const bool exact = isInteger(exponent) && std::fabs(exponent) <= 64;
  if (std::isfinite(value) && (exact || isInteger(value))) return number(value);
  return power(number(base), number(exponent));
}

Tree simplifyPower(const Tree& base, const Tree& exponent) {
  if (isNumber(exponent, 0)) return number(1);
  if (isNumber(exponent, 1)) return base;
  if (isNumber(base, 1)) return number(1);
  if (isNumber(base) && isNumber(exponent)) return foldPower(base->value, exponent->value);
  const bool integerExponent = isNumber(exponent) && isInteger(exponent->value);
  // (u^a)^n = u^(a*n) and (u*v)^n = u^n * v^n hold for every real u, v only when n is an integer.
  if (integerExponent && base->op == Op::power) {
    guard(base);  // (x^0.5)^2 is x only where x^0.5 is defined
    return simplifyPower(base->children[0], simplifyMultiply({base->children[1], exponent}));
  }
  if (integerExponent && base->op == Op::multiply) {
    std::vector<Tree> factors;
    for (const auto& factor : base->children) factors.push_back(simplifyPower(factor, exponent));
    return simplifyMultiply(std::move(factors));
  }
  return power(base, exponent);
}

Tree simplifyCall(Builtin builtin, const Tree& argument) {
  if (isNumber(argument)) {
    // Only exact results are folded: cos(0) = 1 becomes 1, sin(1) stays sin(1).
    const double value = evaluate(builtin, argument->value);
    if (isInteger(value)) return number(value);
  }
  return call(builtin, argument);
}

}  // namespace

Simplified simplifyKeepingDomain(const Tree& tree) {
  Simplified result;
  std::vector<Tree>* outer = guards;
  guards = &result.guards;
  result.tree = simplify(tree);
  guards = outer;
  // One guard per distinct tree.
  std::vector<Tree> distinct;
  for (const Tree& g : result.guards)
    if (std::none_of(distinct.begin(), distinct.end(), [&](const Tree& d) { return equal(d, g); }))
      distinct.push_back(g);
  result.guards = std::move(distinct);
  return result;
}

Tree guarded(const Simplified& simplified) {
  if (simplified.guards.empty()) return simplified.tree;
  std::vector<Tree> terms{simplified.tree};
  for (const Tree& g : simplified.guards) terms.push_back(multiply(number(0), g));
  return add(std::move(terms));
}

Tree simplify(const Tree& tree) {
  switch (tree->op) {
    case Op::number:
    case Op::constant:
    case Op::variable:
      return tree;
    case Op::add:
    case Op::multiply: {
      std::vector<Tree> children;
      children.reserve(tree->children.size());
      for (const auto& child : tree->children) children.push_back(simplify(child));
      return tree->op == Op::add ? simplifyAdd(std::move(children)) : simplifyMultiply(std::move(children));
    }
    case Op::power:
      return simplifyPower(simplify(tree->children[0]), simplify(tree->children[1]));
    case Op::call:
      return simplifyCall(tree->builtin, simplify(tree->children[0]));
  }
  return tree;
}

}  // namespace descent
