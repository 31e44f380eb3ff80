#include "expr/straight_line.hpp"

#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace descent {
namespace {

using Code = StraightLine::Code;

class Lowering {
 public:
  StraightLine run(const std::vector<Tree>& trees) {
    out_.value.push_back(0);  // x
    out_.constant.push_back(false);
    for (const auto& tree : trees) out_.outputs.push_back(emit(tree));
    return std::move(out_);
  }

 private:
  StraightLine out_;
  std::map<std::uint64_t, std::uint32_t> constants_;
  std::map<std::tuple<Code, Builtin, std::uint32_t, std::uint32_t>, std::uint32_t> seen_;

  std::uint32_t newRegister(double value, bool isConstant) {
    const auto index = static_cast<std::uint32_t>(out_.value.size());
    out_.value.push_back(value);
    out_.constant.push_back(isConstant);
    return index;
  }

  std::uint32_t constant(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    auto found = constants_.find(bits);
    if (found != constants_.end()) return found->second;
    const std::uint32_t index = newRegister(value, true);
    constants_.emplace(bits, index);
    return index;
  }

  std::uint32_t step(Code code, std::uint32_t a, std::uint32_t b = 0, Builtin builtin = Builtin::sin) {
    const auto key = std::make_tuple(code, builtin, a, b);
    auto found = seen_.find(key);
    if (found != seen_.end()) return found->second;
    const std::uint32_t target = newRegister(0, false);
    out_.steps.push_back({code, builtin, a, b});
    out_.target.push_back(target);
    seen_.emplace(key, target);
    return target;
  }

  std::uint32_t emit(const Tree& tree) {
    switch (tree->op) {
      case Op::number:
      case Op::constant:
        return constant(tree->value);
      case Op::variable:
        return 0;
      case Op::add:
        return emitSum(tree->children);
      case Op::multiply:
        return emitProduct(tree->children);
      case Op::power:
        return emitPower(tree->children[0], tree->children[1]);
      case Op::call:
        return step(Code::call, emit(tree->children[0]), 0, tree->builtin);
    }
    return 0;
  }

  static bool isNegated(const Tree& term) {
    return term->op == Op::multiply && isNumber(term->children.front(), -1);
  }

  static Tree withoutSign(const Tree& term) {
    std::vector<Tree> rest(term->children.begin() + 1, term->children.end());
    return multiply(std::move(rest));
  }

  std::uint32_t emitSum(const std::vector<Tree>& terms) {
    std::uint32_t total =
        isNegated(terms[0]) ? step(Code::negate, emit(withoutSign(terms[0]))) : emit(terms[0]);
    for (std::size_t i = 1; i < terms.size(); ++i) {
      if (isNegated(terms[i]))
        total = step(Code::subtract, total, emit(withoutSign(terms[i])));
      else
        total = step(Code::add, total, emit(terms[i]));
    }
    return total;
  }

  static bool isReciprocal(const Tree& factor) {
    return factor->op == Op::power && isNumber(factor->children[1]) && factor->children[1]->value < 0;
  }

  std::uint32_t emitProduct(const std::vector<Tree>& factors) {
    std::uint32_t total = 0;
    bool started = false;
    for (const auto& factor : factors) {
      if (isReciprocal(factor)) {
        const std::uint32_t denominator = emitPower(factor->children[0], number(-factor->children[1]->value));
        total = step(Code::divide, started ? total : constant(1), denominator);
      } else {
        const std::uint32_t next = emit(factor);
        total = started ? step(Code::multiply, total, next) : next;
      }
      started = true;
    }
    return total;
  }

  std::uint32_t integerPower(std::uint32_t base, unsigned n) {
    if (n == 1) return base;
    const std::uint32_t half = integerPower(base, n / 2);
    const std::uint32_t squared = step(Code::multiply, half, half);
    return n % 2 ? step(Code::multiply, squared, base) : squared;
  }

  std::uint32_t emitPower(const Tree& base, const Tree& exponent) {
    if (isNumber(exponent)) {
      const double n = exponent->value;
      if (n == 0) return constant(1);
      if (std::floor(n) == n && std::fabs(n) <= 64) {
        const std::uint32_t positive = integerPower(emit(base), static_cast<unsigned>(std::fabs(n)));
        return n > 0 ? positive : step(Code::divide, constant(1), positive);
      }
    }
    if (base->op == Op::constant && base->constant == Constant::e) return step(Code::exp, emit(exponent));
    return step(Code::pow, emit(base), emit(exponent));
  }
};

}  // namespace

StraightLine StraightLine::lower(const std::vector<Tree>& trees) { return Lowering().run(trees); }

}  // namespace descent
