#include "expr/program.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

#include "expr/straight_line.hpp"

namespace descent {

// Turns straight-line code (expr/straight_line.hpp: every distinct (operation, operands) one register, one
// operation each) into instructions: it folds chains of additions and multiplications, and constants, into
// the instructions that use them, keeping every operation and its order.
class ProgramBuilder {
 public:
  Program build(const StraightLine& code, const std::vector<std::uint32_t>& roots) {
    values_ = code.value;
    constant_ = code.constant;
    const std::vector<bool> needed = neededSteps(code, roots);
    for (std::size_t i = 0; i < code.steps.size(); ++i) {
      if (!needed[i]) continue;
      const StraightLine::Step& step = code.steps[i];
      const Code op = codeOf(step.code);
      basic_.push_back({op, step.builtin, code.target[i], step.a, step.b});
      seen_.emplace(std::make_tuple(op, step.builtin, step.a, step.b), code.target[i]);
    }
    return lower(roots);
  }

 private:
  using Code = Program::Code;
  using Term = Program::Term;
  // One operation of the first pass.
  struct Basic {
    Code code;
    Builtin builtin;
    std::uint32_t target, a, b;
  };

  std::vector<Basic> basic_;
  std::vector<double> values_;  // per register of the first pass: the constant, or 0
  std::vector<bool> constant_;
  std::vector<std::int32_t> definedBy_;  // per register: index into basic_, or -1
  std::map<std::tuple<Code, Builtin, std::uint32_t, std::uint32_t>, std::uint32_t> seen_;

  // The steps the roots depend on: the code of f, f' and f'' together holds steps that f alone does not
  // read, and a program for f alone must not compute them.
  static std::vector<bool> neededSteps(const StraightLine& code, const std::vector<std::uint32_t>& roots) {
    std::vector<bool> wanted(code.value.size(), false);
    for (std::uint32_t root : roots) wanted[root] = true;
    std::vector<bool> needed(code.steps.size(), false);
    for (std::size_t i = code.steps.size(); i-- > 0;) {
      if (!wanted[code.target[i]]) continue;
      needed[i] = true;
      wanted[code.steps[i].a] = true;
      if (StraightLine::binary(code.steps[i].code)) wanted[code.steps[i].b] = true;
    }
    return needed;
  }

  static Code codeOf(StraightLine::Code code) {
    switch (code) {
      case StraightLine::Code::add:
        return Code::add;
      case StraightLine::Code::subtract:
        return Code::subtract;
      case StraightLine::Code::multiply:
        return Code::multiply;
      case StraightLine::Code::divide:
        return Code::divide;
      case StraightLine::Code::negate:
        return Code::negate;
      case StraightLine::Code::pow:
        return Code::pow;
      case StraightLine::Code::exp:
        return Code::exp;
      case StraightLine::Code::call:
        break;
    }
    return Code::call;
  }

  // The register of the constant 1, added if the code has none.
  std::uint32_t one() {
    for (std::uint32_t reg = 0; reg < values_.size(); ++reg) {
      const double one = 1;
      if (constant_[reg] && std::memcmp(&values_[reg], &one, sizeof one) == 0) return reg;
    }
    values_.push_back(1);
    constant_.push_back(true);
    return static_cast<std::uint32_t>(values_.size() - 1);
  }

  // Second pass.
  std::vector<std::uint32_t> uses_;
  std::vector<std::uint32_t> renamed_;  // first-pass register -> final register
  Program program_;

  static bool binary(Code code) { return code != Code::negate && code != Code::exp && code != Code::call; }

  // A register used by one instruction only, and no output, can live inside that instruction.
  bool foldable(std::uint32_t reg, Code code) const {
    return !constant_[reg] && reg != 0 && uses_[reg] == 1 && basic_[definedBy_[reg]].code == code;
  }
  const Basic& def(std::uint32_t reg) const { return basic_[definedBy_[reg]]; }

  // reg as a term k*r of a sum, sign +1 or -1. (-k)*r is exactly -(k*r), and 1*r is exactly r.
  Term term(std::uint32_t reg, double sign) {
    if (constant_[reg]) return {sign * values_[reg], renamed_[one_], 0};
    if (foldable(reg, Code::negate)) return term(def(reg).a, -sign);
    if (foldable(reg, Code::multiply)) {
      const Basic& m = def(reg);
      if (constant_[m.a] && !constant_[m.b]) return {sign * values_[m.a], materialize(m.b), 0};
      if (constant_[m.b] && !constant_[m.a]) return {sign * values_[m.b], materialize(m.a), 0};
    }
    return {sign, materialize(reg), 0};
  }

  // The terms of a left-to-right chain of additions and subtractions ending at reg. Walked in a loop:
  // a sum can have thousands of terms.
  void sumTerms(std::uint32_t reg, std::vector<Term>& out) {
    std::vector<const Basic*> chain{&def(reg)};
    while (foldable(chain.back()->a, Code::add) || foldable(chain.back()->a, Code::subtract))
      chain.push_back(&def(chain.back()->a));
    out.push_back(term(chain.back()->a, 1));
    for (auto s = chain.rbegin(); s != chain.rend(); ++s)
      out.push_back(term((*s)->b, (*s)->code == Code::subtract ? -1 : 1));
  }

  // The factors of a left-to-right chain of multiplications ending at reg (first-pass registers).
  void productFactors(std::uint32_t reg, std::vector<std::uint32_t>& out) {
    std::vector<const Basic*> chain{&def(reg)};
    while (foldable(chain.back()->a, Code::multiply)) chain.push_back(&def(chain.back()->a));
    out.push_back(chain.back()->a);
    for (auto m = chain.rbegin(); m != chain.rend(); ++m) out.push_back((*m)->b);
  }

  std::uint32_t emitInstruction(Program::Instruction in) {
    program_.code_.push_back(in);
    return static_cast<std::uint32_t>(program_.first_ + program_.code_.size() - 1);
  }

  Program::Instruction make(Code code, std::uint32_t a, std::uint32_t b = 0, double ka = 0, double kb = 0) {
    return {code, Builtin::sin, 0, a, b, 0, ka, kb};
  }

  // The final register holding first-pass register reg, emitting what computes it if needed.
  std::uint32_t materialize(std::uint32_t reg) {
    if (renamed_[reg] != kNone) return renamed_[reg];
    const Basic& in = def(reg);
    std::uint32_t result = 0;
    switch (in.code) {
      case Code::add:
      case Code::subtract: {
        std::vector<Term> terms;
        sumTerms(reg, terms);
        result = sumInstruction(terms);
        break;
      }
      case Code::multiply: {
        std::vector<std::uint32_t> factors;
        productFactors(reg, factors);
        result = productInstruction(factors);
        break;
      }
      case Code::divide:
        if (constant_[in.a] && !constant_[in.b])
          result = emitInstruction(make(Code::over, 0, materialize(in.b), values_[in.a]));
        else
          result = emitInstruction(make(Code::divide, materialize(in.a), materialize(in.b)));
        break;
      case Code::call:
        if (in.builtin == Builtin::sin || in.builtin == Builtin::cos) {
          const std::uint32_t partner =
              callOf(in.builtin == Builtin::sin ? Builtin::cos : Builtin::sin, in.a);
          if (partner != kNone && renamed_[partner] == kNone) {
            const std::uint32_t sine = sinCos(materialize(in.a));
            renamed_[in.builtin == Builtin::sin ? reg : partner] = sine;
            renamed_[in.builtin == Builtin::sin ? partner : reg] = sine + 1;
            return renamed_[reg];
          }
        }
        [[fallthrough]];
      default: {
        const std::uint32_t a = materialize(in.a);
        const std::uint32_t b = binary(in.code) ? materialize(in.b) : 0;
        auto made = make(in.code, a, b);
        made.builtin = in.builtin;
        result = emitInstruction(made);
        break;
      }
    }
    renamed_[reg] = result;
    return result;
  }

  // The first-pass register holding builtin(a), or kNone.
  std::uint32_t callOf(Builtin builtin, std::uint32_t a) const {
    const auto found = seen_.find(std::make_tuple(Code::call, builtin, a, std::uint32_t{0}));
    return found == seen_.end() ? kNone : found->second;
  }

  // sin(a) and cos(a) of one argument, as one instruction once the second is folded in by mergeRuns: the
  // same two library calls, which the compiler may make one sincos call. Returns the register of sin(a).
  std::uint32_t sinCos(std::uint32_t a) {
    const std::uint32_t sine = emitInstruction(make(Code::sincos, a));
    auto cosine = make(Code::call, a);
    cosine.builtin = Builtin::cos;
    emitInstruction(cosine);
    return sine;
  }

  std::uint32_t sumInstruction(const std::vector<Term>& terms) {
    const std::uint32_t one = renamed_[one_];
    if (terms.size() == 2 && terms[0].k == 1 && terms[1].k == 1)
      return emitInstruction(make(Code::add, terms[0].reg, terms[1].reg));
    // a - c is exactly a + (-c), so a constant subtracted is a shift too.
    if (terms.size() == 2 && terms[0].k == 1 && terms[1].reg == one && terms[0].reg != one)
      return emitInstruction(make(Code::shift, terms[0].reg, 0, 0, terms[1].k));
    if (terms.size() == 2 && terms[0].k == 1 && terms[1].k == -1)
      return emitInstruction(make(Code::subtract, terms[0].reg, terms[1].reg));
    if (terms.size() > kMaxMore + 2) {  // continue in a second instruction: 1*r is exactly r
      std::vector<Term> rest{{1, sumInstruction({terms.begin(), terms.begin() + kMaxMore + 2}), 0}};
      rest.insert(rest.end(), terms.begin() + kMaxMore + 2, terms.end());
      return sumInstruction(rest);
    }
    auto in = make(Code::sum, terms[0].reg, terms[1].reg, terms[0].k, terms[1].k);
    in.extra = static_cast<std::uint32_t>(program_.terms_.size());
    in.more = static_cast<std::uint16_t>(terms.size() - 2);
    program_.terms_.insert(program_.terms_.end(), terms.begin() + 2, terms.end());
    return emitInstruction(in);
  }

  std::uint32_t productInstruction(const std::vector<std::uint32_t>& factors) {
    double k = 1;
    std::size_t start = 0;
    if (constant_[factors[0]] && !constant_[factors[1]]) {
      k = values_[factors[0]];
      start = 1;
    }
    std::vector<std::uint32_t> regs;
    for (std::size_t i = start; i < factors.size(); ++i) regs.push_back(materialize(factors[i]));
    if (regs.size() == 1) return emitInstruction(make(Code::scale, regs[0], 0, k));
    return productInstruction(k, regs);
  }

  std::uint32_t productInstruction(double k, const std::vector<std::uint32_t>& regs) {
    if (k == 1 && regs.size() == 2) return emitInstruction(make(Code::multiply, regs[0], regs[1]));
    if (regs.size() > kMaxMore + 2) {
      std::vector<std::uint32_t> rest{productInstruction(k, {regs.begin(), regs.begin() + kMaxMore + 2})};
      rest.insert(rest.end(), regs.begin() + kMaxMore + 2, regs.end());
      return productInstruction(1, rest);
    }
    auto in = make(Code::product, regs[0], regs[1], k);
    in.extra = static_cast<std::uint32_t>(program_.terms_.size());
    in.more = static_cast<std::uint16_t>(regs.size() - 2);
    for (std::size_t i = 2; i < regs.size(); ++i) program_.terms_.push_back({1, regs[i], 0});
    return emitInstruction(in);
  }

  bool isPower(std::uint32_t reg) const {
    return definedBy_[reg] >= 0 && def(reg).code == Code::multiply && def(reg).a == def(reg).b;
  }

  static constexpr std::size_t kMaxMore = 0xffff;  // Instruction::more
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::uint32_t one_ = 0;

  Program lower(const std::vector<std::uint32_t>& roots) {
    one_ = one();
    definedBy_.assign(values_.size(), -1);
    uses_.assign(values_.size(), 0);
    for (std::size_t i = 0; i < basic_.size(); ++i) {
      const Basic& in = basic_[i];
      definedBy_[in.target] = static_cast<std::int32_t>(i);
      ++uses_[in.a];
      if (binary(in.code)) ++uses_[in.b];
    }
    for (std::uint32_t root : roots) uses_[root] += 2;  // an output is always materialized
    // x and the constants keep their values, renumbered to come first.
    renamed_.assign(values_.size(), kNone);
    for (std::uint32_t reg = 0; reg < values_.size(); ++reg) {
      if (reg != 0 && !constant_[reg]) continue;
      renamed_[reg] = static_cast<std::uint32_t>(program_.registers_.size());
      program_.registers_.push_back(values_[reg]);
    }
    program_.first_ = static_cast<std::uint32_t>(program_.registers_.size());
    // Squares and the multiplications built on them (the integer powers) first, next to each other.
    for (const Basic& in : basic_)
      if (in.code == Code::multiply && !constant_[in.a] && !constant_[in.b] &&
          (in.a == in.b || (isPower(in.a) && !isPower(in.b))))
        materialize(in.target);
    for (std::uint32_t root : roots) program_.outputs_.push_back(materialize(root));
    program_.registers_.resize(program_.first_ + program_.code_.size(), 0);
    mergeRuns();
    return std::move(program_);
  }

  // Runs of plain multiplications (the powers x^2, x^3, x^4, ...) become one instruction each, so
  // evaluation dispatches once per run rather than once per multiplication; the cos(a) after a sincos
  // joins it.
  void mergeRuns() {
    std::vector<Program::Instruction> code;
    for (const auto& in : program_.code_) {
      if (in.code == Code::call && in.builtin == Builtin::cos && !code.empty() &&
          code.back().code == Code::sincos && code.back().more == 0 && code.back().a == in.a) {
        code.back().more = 1;
        continue;
      }
      if (in.code == Code::multiply && !code.empty() &&
          (code.back().code == Code::multiply || code.back().code == Code::products) &&
          code.back().more < kMaxMore) {
        auto& run = code.back();
        if (run.code == Code::multiply) {
          run.code = Code::products;
          run.extra = static_cast<std::uint32_t>(program_.terms_.size());
        }
        program_.terms_.push_back({0, in.a, in.b});
        ++run.more;
        continue;
      }
      code.push_back(in);
    }
    program_.code_ = std::move(code);
  }
};

Program Program::compile(const StraightLine& code, std::size_t outputs) {
  return ProgramBuilder().build(
      code, {code.outputs.begin(), code.outputs.begin() + static_cast<std::ptrdiff_t>(outputs)});
}

Program Program::compileOutput(const StraightLine& code, std::size_t output) {
  return ProgramBuilder().build(code, {code.outputs[output]});
}

// Each operation is its own statement: a contracted a*b + c (one rounding) would differ from the
// two-rounding result every other build of descent computes.
#ifdef __clang__
#pragma clang fp contract(off)
#endif

void Program::execute(double x) const noexcept {
  double* r = registers_.data();
  r[0] = x;
  double* out = r + first_;
  const Term* terms = terms_.data();
  for (const Instruction& in : code_) {
    double v = 0;
    switch (in.code) {
      case Code::add:
        v = r[in.a] + r[in.b];
        break;
      case Code::subtract:
        v = r[in.a] - r[in.b];
        break;
      case Code::multiply:
        v = r[in.a] * r[in.b];
        break;
      case Code::divide:
        v = r[in.a] / r[in.b];
        break;
      case Code::negate:
        v = -r[in.a];
        break;
      case Code::pow:
        v = std::pow(r[in.a], r[in.b]);
        break;
      case Code::exp:
        v = std::exp(r[in.a]);
        break;
      case Code::call:
        v = evaluate(in.builtin, r[in.a]);
        break;
      case Code::scale:
        v = in.ka * r[in.a];
        break;
      case Code::shift:
        v = r[in.a] + in.kb;
        break;
      case Code::over:
        v = in.ka / r[in.b];
        break;
      case Code::sum: {
        const double first = in.ka * r[in.a];
        const double second = in.kb * r[in.b];
        v = first + second;
        if (in.more == 0) break;
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) {
          const double term = t->k * r[t->reg];
          v = v + term;
        }
        break;
      }
      case Code::product:
        v = in.ka * r[in.a];
        v = v * r[in.b];
        if (in.more == 0) break;
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) v = v * r[t->reg];
        break;
      case Code::sincos: {
        const double a = r[in.a];
        *out++ = std::sin(a);
        v = std::cos(a);
        break;
      }
      case Code::products:
        v = r[in.a] * r[in.b];
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) {
          *out++ = v;
          v = r[t->reg] * r[t->reg2];
        }
        break;
    }
    *out++ = v;
  }
}

// The same operations as execute(), each over the lanes of a block in turn.
void Program::executeBlock(double* block, std::size_t width, std::size_t lanes) const noexcept {
  double* out = block + first_ * width;
  const Term* terms = terms_.data();
  auto row = [&](std::uint32_t reg) { return block + reg * width; };
  for (const Instruction& in : code_) {
    const double* a = row(in.a);
    const double* b = row(in.b);
    switch (in.code) {
      case Code::add:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] + b[j];
        break;
      case Code::subtract:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] - b[j];
        break;
      case Code::multiply:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] * b[j];
        break;
      case Code::divide:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] / b[j];
        break;
      case Code::negate:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = -a[j];
        break;
      case Code::pow:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = std::pow(a[j], b[j]);
        break;
      case Code::exp:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = std::exp(a[j]);
        break;
      case Code::call:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = evaluate(in.builtin, a[j]);
        break;
      case Code::scale:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = in.ka * a[j];
        break;
      case Code::shift:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] + in.kb;
        break;
      case Code::over:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = in.ka / b[j];
        break;
      case Code::sum:
        for (std::size_t j = 0; j < lanes; ++j) {
          const double first = in.ka * a[j];
          const double second = in.kb * b[j];
          out[j] = first + second;
        }
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) {
          const double* r = row(t->reg);
          for (std::size_t j = 0; j < lanes; ++j) {
            const double term = t->k * r[j];
            out[j] = out[j] + term;
          }
        }
        break;
      case Code::product:
        for (std::size_t j = 0; j < lanes; ++j) {
          const double scaled = in.ka * a[j];
          out[j] = scaled * b[j];
        }
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) {
          const double* r = row(t->reg);
          for (std::size_t j = 0; j < lanes; ++j) out[j] = out[j] * r[j];
        }
        break;
      case Code::sincos:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = std::sin(a[j]);
        out += width;
        for (std::size_t j = 0; j < lanes; ++j) out[j] = std::cos(a[j]);
        break;
      case Code::products:
        for (std::size_t j = 0; j < lanes; ++j) out[j] = a[j] * b[j];
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t) {
          out += width;
          const double *p = row(t->reg), *q = row(t->reg2);
          for (std::size_t j = 0; j < lanes; ++j) out[j] = p[j] * q[j];
        }
        break;
    }
    out += width;
  }
}

void Program::valueMany(const double* x, double* out, std::size_t n) const {
  if (n == 0) return;
  // Up to 32 points a block, fewer for a long program, so a block stays within about 256 KB. (A block of
  // 64 points is copied in and out by WASM's memcpy through JS: 512 bytes and up go that way.)
  const std::size_t rows = registers_.size();
  const std::size_t width = std::max<std::size_t>(1, std::min<std::size_t>({32, n, 32768 / rows}));
  std::vector<double> block(rows * width);
  for (std::size_t reg = 1; reg < first_; ++reg) std::fill_n(&block[reg * width], width, registers_[reg]);
  const double* result = &block[outputs_[0] * width];
  for (std::size_t from = 0; from < n; from += width) {
    const std::size_t lanes = std::min(width, n - from);
    std::copy_n(x + from, lanes, block.data());
    executeBlock(block.data(), width, lanes);
    std::copy_n(result, lanes, out + from);
  }
}

Program::Undefined Program::undefinedAt(double x) const noexcept {
  execute(x);
  const double* r = registers_.data();
  std::size_t target = first_;
  for (const Instruction& in : code_) {
    // The registers this instruction wrote: one, or one per pair of a run of products, or sin and cos.
    const std::size_t written = in.code == Code::products ? 1 + std::size_t{in.more}
                                : in.code == Code::sincos ? 1 + std::size_t{in.more}
                                                          : 1;
    const double out = r[target];
    target += written;
    Undefined found;
    found.a = r[in.a];
    found.argumentIsX = in.a == 0;
    switch (in.code) {
      case Code::call:
        if (std::isnan(out) && !std::isnan(found.a)) {
          found.kind = Undefined::Kind::call;
          found.builtin = in.builtin;
          return found;
        }
        break;
      case Code::pow:
        found.b = r[in.b];
        if (std::isnan(out) && !std::isnan(found.a) && !std::isnan(found.b)) {
          found.kind = Undefined::Kind::power;
          return found;
        }
        break;
      case Code::divide:
        found.b = r[in.b];
        if (std::isnan(out) && found.a == 0 && found.b == 0) {
          found.kind = Undefined::Kind::division;
          return found;
        }
        break;
      case Code::over:
        found.a = in.ka;
        found.b = r[in.b];
        if (std::isnan(out) && found.a == 0 && found.b == 0) {
          found.kind = Undefined::Kind::division;
          return found;
        }
        break;
      default:
        break;
    }
  }
  return {};
}

}  // namespace descent
