#include "expr/program.hpp"

#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace descent {

// Turns trees into instructions, giving every distinct (operation, operands) one register.
class ProgramBuilder {
 public:
  Program build(const std::vector<Tree>& outputs) {
    program_.registers_.push_back(0);  // x
    for (const auto& tree : outputs) program_.outputs_.push_back(emit(tree));
    return std::move(program_);
  }

 private:
  using Code = Program::Code;
  Program program_;
  std::map<std::uint64_t, std::uint32_t> constants_;
  std::map<std::tuple<Code, Builtin, std::uint32_t, std::uint32_t>, std::uint32_t> seen_;

  std::uint32_t constant(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    auto found = constants_.find(bits);
    if (found != constants_.end()) return found->second;
    const auto index = static_cast<std::uint32_t>(program_.registers_.size());
    program_.registers_.push_back(value);
    constants_.emplace(bits, index);
    return index;
  }

  std::uint32_t instruction(Code code, std::uint32_t a, std::uint32_t b = 0, Builtin builtin = Builtin::sin) {
    const auto key = std::make_tuple(code, builtin, a, b);
    auto found = seen_.find(key);
    if (found != seen_.end()) return found->second;
    const auto target = static_cast<std::uint32_t>(program_.registers_.size());
    program_.registers_.push_back(0);
    program_.code_.push_back({code, builtin, target, a, b});
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
        return instruction(Code::call, emit(tree->children[0]), 0, tree->builtin);
    }
    return 0;
  }

  static bool isNegated(const Tree& term) {
    return term->op == Op::multiply && isNumber(term->children.front(), -1);
  }

  Tree withoutSign(const Tree& term) {
    std::vector<Tree> rest(term->children.begin() + 1, term->children.end());
    return multiply(std::move(rest));
  }

  // Left to right, a - b for a term with coefficient -1, as a person writes it.
  std::uint32_t emitSum(const std::vector<Tree>& terms) {
    std::uint32_t total =
        isNegated(terms[0]) ? instruction(Code::negate, emit(withoutSign(terms[0]))) : emit(terms[0]);
    for (std::size_t i = 1; i < terms.size(); ++i) {
      if (isNegated(terms[i]))
        total = instruction(Code::subtract, total, emit(withoutSign(terms[i])));
      else
        total = instruction(Code::add, total, emit(terms[i]));
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
        total = instruction(Code::divide, started ? total : constant(1), denominator);
      } else {
        const std::uint32_t next = emit(factor);
        total = started ? instruction(Code::multiply, total, next) : next;
      }
      started = true;
    }
    return total;
  }

  // x^n for a small integer n by repeated squaring.
  std::uint32_t integerPower(std::uint32_t base, unsigned n) {
    if (n == 1) return base;
    const std::uint32_t half = integerPower(base, n / 2);
    const std::uint32_t squared = instruction(Code::multiply, half, half);
    return n % 2 ? instruction(Code::multiply, squared, base) : squared;
  }

  std::uint32_t emitPower(const Tree& base, const Tree& exponent) {
    if (isNumber(exponent)) {
      const double n = exponent->value;
      if (n == 0) return constant(1);
      if (std::floor(n) == n && std::fabs(n) <= 64) {
        const std::uint32_t positive = integerPower(emit(base), static_cast<unsigned>(std::fabs(n)));
        return n > 0 ? positive : instruction(Code::divide, constant(1), positive);
      }
    }
    if (base->op == Op::constant && base->constant == Constant::e)
      return instruction(Code::exp, emit(exponent));
    return instruction(Code::pow, emit(base), emit(exponent));
  }
};

Program Program::compile(const std::vector<Tree>& outputs) { return ProgramBuilder().build(outputs); }

void Program::execute(double x) const {
  double* r = registers_.data();
  r[0] = x;
  for (const Instruction& in : code_) {
    switch (in.code) {
      case Code::add:
        r[in.target] = r[in.a] + r[in.b];
        break;
      case Code::subtract:
        r[in.target] = r[in.a] - r[in.b];
        break;
      case Code::multiply:
        r[in.target] = r[in.a] * r[in.b];
        break;
      case Code::divide:
        r[in.target] = r[in.a] / r[in.b];
        break;
      case Code::negate:
        r[in.target] = -r[in.a];
        break;
      case Code::pow:
        r[in.target] = std::pow(r[in.a], r[in.b]);
        break;
      case Code::exp:
        r[in.target] = std::exp(r[in.a]);
        break;
      case Code::call:
        r[in.target] = evaluate(in.builtin, r[in.a]);
        break;
    }
  }
}

}  // namespace descent
