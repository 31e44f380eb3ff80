#include "expr/program.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <new>
#include <tuple>

#include "expr/straight_line.hpp"

namespace descent {

// Turns trees into instructions in two passes. The first is the straight-line code every evaluator of
// descent shares (expr/straight_line.hpp): every distinct (operation, operands) one register, one operation
// each. The second folds chains of additions and multiplications, and constants, into the instructions
// that use them, keeping every operation and its order.
class ProgramBuilder {
 public:
  Program build(const std::vector<Tree>& outputs) {
    const StraightLine code = StraightLine::lower(outputs);
    values_ = code.value;
    constant_ = code.constant;
    for (std::size_t i = 0; i < code.steps.size(); ++i) {
      const StraightLine::Step& step = code.steps[i];
      const Code op = codeOf(step.code);
      basic_.push_back({op, step.builtin, code.target[i], step.a, step.b});
      seen_.emplace(std::make_tuple(op, step.builtin, step.a, step.b), code.target[i]);
    }
    return lower(code.outputs);
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

Program Program::compile(const std::vector<Tree>& outputs) { return ProgramBuilder().build(outputs); }

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

namespace {

// The largest block, and the most batch register values a program keeps (256 KB) unless it has so many
// registers that even kMinLanes per register exceed that.
constexpr std::size_t kMaxLanes = 128;
constexpr std::size_t kMinLanes = 4;
constexpr std::size_t kRowBudget = std::size_t{1} << 15;

// Unrolled, the vectorized loops below spend fewer instructions per lane on counting. Not in the WASM
// build, which does not vectorize them and where code size counts.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__EMSCRIPTEN__)
#define DESCENT_UNROLL _Pragma("GCC unroll 4")
#else
#define DESCENT_UNROLL
#endif

// One loop per operation over the m lanes of a block. Rows never overlap: every instruction writes a
// register of its own.
template <class Op>
inline void apply(double* __restrict out, const double* __restrict a, std::size_t m, Op op) noexcept {
  DESCENT_UNROLL
  for (std::size_t i = 0; i < m; ++i) out[i] = op(a[i]);
}

template <class Op>
inline void apply(double* __restrict out, const double* __restrict a, const double* __restrict b,
                  std::size_t m, Op op) noexcept {
  DESCENT_UNROLL
  for (std::size_t i = 0; i < m; ++i) out[i] = op(a[i], b[i]);
}

// Up to four terms k[j]*rows[j] of a sum in one loop over the block, so a value stays in a CPU register
// across them: the first starts the sum unless it continues from out, each further one is added in
// order, then the constant `tail` if there is one.
template <int N, bool Continues, bool Tail>
inline void sumPass(double* __restrict out, const double* k, const double* const* rows, double tail,
                    std::size_t m) noexcept {
  const double k0 = k[0], k1 = N > 1 ? k[1] : 0, k2 = N > 2 ? k[2] : 0, k3 = N > 3 ? k[3] : 0;
  const double* __restrict r0 = rows[0];
  const double* __restrict r1 = N > 1 ? rows[1] : r0;
  const double* __restrict r2 = N > 2 ? rows[2] : r0;
  const double* __restrict r3 = N > 3 ? rows[3] : r0;
  DESCENT_UNROLL
  for (std::size_t i = 0; i < m; ++i) {
    double v;
    if constexpr (Continues) {
      const double term = k0 * r0[i];
      v = out[i] + term;
    } else {
      v = k0 * r0[i];
    }
    if constexpr (N > 1) {
      const double term = k1 * r1[i];
      v = v + term;
    }
    if constexpr (N > 2) {
      const double term = k2 * r2[i];
      v = v + term;
    }
    if constexpr (N > 3) {
      const double term = k3 * r3[i];
      v = v + term;
    }
    if constexpr (Tail) v = v + tail;
    out[i] = v;
  }
}

template <int N>
inline void sumPass(bool continues, bool tail, double* out, const double* k, const double* const* rows,
                    double constant, std::size_t m) noexcept {
  if (continues)
    tail ? sumPass<N, true, true>(out, k, rows, constant, m)
         : sumPass<N, true, false>(out, k, rows, constant, m);
  else
    tail ? sumPass<N, false, true>(out, k, rows, constant, m)
         : sumPass<N, false, false>(out, k, rows, constant, m);
}

inline void multiplyBy(double* __restrict out, const double* __restrict r, std::size_t m) noexcept {
  DESCENT_UNROLL
  for (std::size_t i = 0; i < m; ++i) out[i] = out[i] * r[i];
}

}  // namespace

std::size_t Program::lanes() const noexcept {
  const std::size_t fit = kRowBudget / std::max<std::size_t>(registers_.size(), 1) / kMinLanes * kMinLanes;
  return std::min(kMaxLanes, std::max(kMinLanes, fit));
}

void Program::executeBlock(std::size_t m) const noexcept {
  double* const* at = rows_.at.get();
  const Term* terms = terms_.data();
  std::size_t target = first_;
  for (const Instruction& in : code_) {
    double* out = at[target];
    const double* a = at[in.a];
    const double* b = at[in.b];
    switch (in.code) {
      case Code::add:
        apply(out, a, b, m, [](double u, double v) { return u + v; });
        break;
      case Code::subtract:
        apply(out, a, b, m, [](double u, double v) { return u - v; });
        break;
      case Code::multiply:
        apply(out, a, b, m, [](double u, double v) { return u * v; });
        break;
      case Code::divide:
        apply(out, a, b, m, [](double u, double v) { return u / v; });
        break;
      case Code::negate:
        apply(out, a, m, [](double u) { return -u; });
        break;
      case Code::pow:
        apply(out, a, b, m, [](double u, double v) { return std::pow(u, v); });
        break;
      case Code::exp:
        apply(out, a, m, [](double u) { return std::exp(u); });
        break;
      case Code::call: {
        const Builtin builtin = in.builtin;
        apply(out, a, m, [builtin](double u) { return evaluate(builtin, u); });
        break;
      }
      case Code::scale: {
        const double k = in.ka;
        apply(out, a, m, [k](double u) { return k * u; });
        break;
      }
      case Code::shift: {
        const double k = in.kb;
        apply(out, a, m, [k](double u) { return u + k; });
        break;
      }
      case Code::over: {
        const double k = in.ka;
        apply(out, b, m, [k](double v) { return k / v; });
        break;
      }
      case Code::sum: {
        // ka*a + kb*b + k*r for each further term, four terms per pass over the block. A constant last
        // term (the usual place of a polynomial's constant) is k*c computed once, the same product
        // every lane would compute, and added in the last pass.
        const Term* more = terms + in.extra;
        std::size_t count = 2 + std::size_t{in.more};
        const Term* last = in.more > 0 ? more + in.more - 1 : nullptr;
        const bool tail = last && last->reg != 0 && last->reg < first_;
        const double constant = tail ? last->k * registers_[last->reg] : 0;
        count -= tail;
        double k[4];
        const double* rows[4];
        for (std::size_t done = 0; done < count;) {
          const std::size_t n = std::min<std::size_t>(4, count - done);
          for (std::size_t j = 0; j < n; ++j) {
            const std::size_t term = done + j;
            k[j] = term == 0 ? in.ka : term == 1 ? in.kb : more[term - 2].k;
            rows[j] = term == 0 ? a : term == 1 ? b : at[more[term - 2].reg];
          }
          const bool continues = done > 0, final = done + n == count && tail;
          switch (n) {
            case 1:
              sumPass<1>(continues, final, out, k, rows, constant, m);
              break;
            case 2:
              sumPass<2>(continues, final, out, k, rows, constant, m);
              break;
            case 3:
              sumPass<3>(continues, final, out, k, rows, constant, m);
              break;
            default:
              sumPass<4>(continues, final, out, k, rows, constant, m);
              break;
          }
          done += n;
        }
        break;
      }
      case Code::product: {
        const double k = in.ka;
        apply(out, a, b, m, [k](double u, double v) {
          const double scaled = k * u;
          return scaled * v;
        });
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t)
          multiplyBy(out, at[t->reg], m);
        break;
      }
      case Code::sincos: {
        double* __restrict sine = out;
        double* __restrict cosine = at[++target];
        for (std::size_t i = 0; i < m; ++i) {
          const double u = a[i];
          sine[i] = std::sin(u);
          cosine[i] = std::cos(u);
        }
        break;
      }
      case Code::products:
        apply(out, a, b, m, [](double u, double v) { return u * v; });
        for (const Term *t = terms + in.extra, *end = t + in.more; t != end; ++t)
          apply(at[++target], at[t->reg], at[t->reg2], m, [](double u, double v) { return u * v; });
        break;
    }
    ++target;
  }
}

void Program::run(const double* x, std::size_t n, double* const* out, std::size_t count) const noexcept {
  if (n == 0) return;
  const std::size_t lanes = this->lanes();
  const std::size_t size = registers_.size();
  if (!rows_.data) {
    rows_.data.reset(new (std::nothrow) double[size * lanes]);
    rows_.at.reset(rows_.data ? new (std::nothrow) double*[size] : nullptr);
    if (!rows_.at) {
      rows_.data.reset();
      for (std::size_t i = 0; i < n; ++i) {
        execute(x[i]);
        for (std::size_t k = 0; k < count; ++k) out[k][i] = registers_[outputs_[k]];
      }
      return;
    }
    for (std::size_t reg = 0; reg < size; ++reg) {
      rows_.at[reg] = rows_.data.get() + reg * lanes;
      std::fill_n(rows_.at[reg], lanes, registers_[reg]);
    }
  }
  double** at = rows_.at.get();
  // An output computed by an instruction is written straight into its array; x is read from its array
  // unless an output goes there. The rest (an output that is x or a constant, or repeats an earlier one)
  // is copied after each block.
  bool inPlace = false;
  bool direct[3] = {false, false, false};
  for (std::size_t k = 0; k < count; ++k) {
    inPlace = inPlace || out[k] == x;
    direct[k] = outputs_[k] >= first_;
    for (std::size_t j = 0; j < k; ++j) direct[k] = direct[k] && outputs_[j] != outputs_[k];
  }
  for (std::size_t start = 0; start < n; start += lanes) {
    const std::size_t m = std::min(lanes, n - start);
    if (inPlace)
      std::memcpy(at[0], x + start, m * sizeof(double));
    else
      at[0] = const_cast<double*>(x + start);  // only ever read
    for (std::size_t k = 0; k < count; ++k)
      if (direct[k]) at[outputs_[k]] = out[k] + start;
    executeBlock(m);
    for (std::size_t k = 0; k < count; ++k)
      if (!direct[k]) std::memcpy(out[k] + start, at[outputs_[k]], m * sizeof(double));
  }
  // Back to the program's own rows.
  const std::size_t own[] = {0, outputs_[0], count > 1 ? outputs_[1] : 0, count > 2 ? outputs_[2] : 0};
  for (std::size_t reg : own) at[reg] = rows_.data.get() + reg * lanes;
}

void Program::value(const double* x, std::size_t n, double* f) const noexcept {
  double* const out[] = {f};
  run(x, n, out, 1);
}

void Program::slope(const double* x, std::size_t n, double* f, double* df) const noexcept {
  double* const out[] = {f, df};
  run(x, n, out, 2);
}

void Program::values(const double* x, std::size_t n, double* f, double* df, double* d2f) const noexcept {
  double* const out[] = {f, df, d2f};
  run(x, n, out, 3);
}

}  // namespace descent
