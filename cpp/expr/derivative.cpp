#include "expr/derivative.hpp"

#include <utility>
#include <vector>

#include "expr/error.hpp"
#include "expr/limits.hpp"

namespace descent {
namespace {

Tree n(double value) { return number(value); }
Tree square(const Tree& u) { return power(u, n(2)); }
Tree reciprocal(const Tree& u) { return power(u, n(-1)); }

// d/du of builtin(u), as a tree in u.
Tree outerDerivative(Builtin builtin, const Tree& u) {
  switch (builtin) {
    case Builtin::sin:
      return call(Builtin::cos, u);
    case Builtin::cos:
      return negate(call(Builtin::sin, u));
    case Builtin::tan:
      return reciprocal(square(call(Builtin::cos, u)));
    case Builtin::asin:
      return reciprocal(call(Builtin::sqrt, subtract(n(1), square(u))));
    case Builtin::acos:
      return negate(reciprocal(call(Builtin::sqrt, subtract(n(1), square(u)))));
    case Builtin::atan:
      return reciprocal(add(n(1), square(u)));
    case Builtin::sinh:
      return call(Builtin::cosh, u);
    case Builtin::cosh:
      return call(Builtin::sinh, u);
    case Builtin::tanh:
      return subtract(n(1), square(call(Builtin::tanh, u)));
    case Builtin::exp:
      return call(Builtin::exp, u);
    case Builtin::log:
      return reciprocal(u);
    case Builtin::log2:
      return reciprocal(multiply(u, call(Builtin::log, n(2))));
    case Builtin::log10:
      return reciprocal(multiply(u, call(Builtin::log, n(10))));
    case Builtin::sqrt:
      return reciprocal(multiply(n(2), call(Builtin::sqrt, u)));
    case Builtin::cbrt:
      return reciprocal(multiply(n(3), square(call(Builtin::cbrt, u))));
    case Builtin::abs:
      return call(Builtin::sign, u);
    case Builtin::sign:
      return n(0);
    case Builtin::step:
      return n(0);
    case Builtin::sigmoid: {
      const Tree s = call(Builtin::sigmoid, u);
      return multiply(s, subtract(n(1), s));
    }
    case Builtin::softplus:
      return call(Builtin::sigmoid, u);
    case Builtin::relu:
      return call(Builtin::step, u);
  }
  return n(0);
}

class Derivative {
 public:
  Tree of(const Tree& f) {
    Tree result = raw(f);
    if (result->size > limits::kMaxRawDerivative) tooLarge();
    return result;
  }

 private:
  [[noreturn]] static void tooLarge() {
    throw ExpressionError("the derivative grows too large to handle (over " +
                              std::to_string(limits::kMaxRawDerivative) + " terms); try a simpler function",
                          1);
  }

  Tree checked(Tree t) {
    if (t->size > limits::kMaxRawDerivative) tooLarge();
    return t;
  }

  Tree raw(const Tree& f) {
    if (!f->hasX) return n(0);
    switch (f->op) {
      case Op::variable:
        return n(1);
      case Op::add:
        return sum(f);
      case Op::multiply:
        return product(f);
      case Op::power:
        return powerRule(f->children[0], f->children[1], f);
      case Op::call:
        return chain(f);
      default:
        return n(0);
    }
  }

  Tree sum(const Tree& f) {
    std::vector<Tree> terms;
    for (const auto& term : f->children)
      if (term->hasX) terms.push_back(raw(term));
    return checked(add(std::move(terms)));
  }

  // Constant factors stay outside; each factor with x is differentiated in turn.
  Tree product(const Tree& f) {
    std::vector<Tree> constants, variables;
    for (const auto& factor : f->children) (factor->hasX ? variables : constants).push_back(factor);
    std::vector<Tree> terms;
    for (std::size_t i = 0; i < variables.size(); ++i) {
      std::vector<Tree> factors = constants;
      for (std::size_t j = 0; j < variables.size(); ++j)
        if (j != i) factors.push_back(variables[j]);
      factors.push_back(raw(variables[i]));
      terms.push_back(checked(multiply(std::move(factors))));
    }
    return checked(add(std::move(terms)));
  }

  Tree powerRule(const Tree& u, const Tree& v, const Tree& f) {
    if (!v->hasX)  // v u^(v-1) u'
      return checked(multiply({v, power(u, add(v, n(-1))), raw(u)}));
    if (!u->hasX) {  // u^v ln(u) v'
      if (u->op == Op::constant && u->constant == Constant::e) return checked(multiply(f, raw(v)));
      return checked(multiply({f, call(Builtin::log, u), raw(v)}));
    }
    // u^v (v' ln(u) + v u'/u), the exp-log rule.
    Tree inner = add(multiply(raw(v), call(Builtin::log, u)), multiply({v, raw(u), reciprocal(u)}));
    return checked(multiply(f, std::move(inner)));
  }

  Tree chain(const Tree& f) {
    const Tree& u = f->children[0];
    return checked(multiply(outerDerivative(f->builtin, u), raw(u)));
  }
};

}  // namespace

Tree differentiate(const Tree& f) { return Derivative().of(f); }

}  // namespace descent
