#include "expr/native_code.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#if defined(__x86_64__) && !defined(__EMSCRIPTEN__) && (defined(__linux__) || defined(__FreeBSD__))
#define DESCENT_X86_64_WRITER 1
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "expr/builtin.hpp"

namespace descent {

#if DESCENT_X86_64_WRITER
namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr std::size_t kTooLarge = ~std::size_t{0};

double power(double a, double b) noexcept { return std::pow(a, b); }

// sin(a), with cos(a) stored at *cosine: one sincos call where the compiler makes it one, as it does
// for the program's sin-and-cos instruction.
double sineAndCosine(double a, double* cosine) noexcept {
  *cosine = std::cos(a);
  return std::sin(a);
}

// x86-64 machine code for one straight-line code, in one of two shapes:
//   one point:  entry(x, out), x in xmm0 and out in rdi (kept in rbx across calls), scalar SSE2;
//   two lanes:  batch(x, pairs, out0, out1, out2), a loop over pairs of points with packed SSE2, each
//               lane doing the one-point operations (a function is called once per lane).
// Results stay in xmm2-xmm15 while they are used; a value is stored to its slot in the frame ([rsp + 8 r]
// or [rsp + 16 r]) only when its register is needed for a newer one or a call clobbers the registers
// while it is still to be read. Constants are read from a pool after the code.
class Writer {
 public:
  enum class Shape { onePoint, twoLanes };

  Writer(const StraightLine& code, Shape shape)
      : code_(code),
        lanes_(shape == Shape::twoLanes),
        slot_(lanes_ ? 16 : 8),
        where_(code.value.size(), kNone),
        inSlot_(code.value.size(), false),
        lastUse_(code.value.size(), 0),
        joined_(code.steps.size(), false),
        partner_(code.steps.size(), kNoStep) {
    for (std::size_t i = 0; i < code.steps.size(); ++i) {
      lastUse_[code.steps[i].a] = i;
      if (StraightLine::binary(code.steps[i].code)) lastUse_[code.steps[i].b] = i;
    }
    for (const std::uint32_t r : code.outputs) lastUse_[r] = code.steps.size();
    // sin(a) and cos(a) are computed together at the first of the two, as the program's sincos
    // instruction does.
    std::map<std::pair<Builtin, std::uint32_t>, std::size_t> calls;
    for (std::size_t i = 0; i < code.steps.size(); ++i) {
      const StraightLine::Step& s = code.steps[i];
      if (s.code != StraightLine::Code::call || (s.builtin != Builtin::sin && s.builtin != Builtin::cos))
        continue;
      const auto other = calls.find({s.builtin == Builtin::sin ? Builtin::cos : Builtin::sin, s.a});
      if (other != calls.end()) {
        partner_[other->second] = i;
        joined_[i] = true;
      }
      calls[{s.builtin, s.a}] = i;
    }
  }

  Bytes build() { return lanes_ ? buildTwoLanes() : buildOnePoint(); }

 private:
  static constexpr int kNone = -1;
  static constexpr std::uint32_t kNoRegister = 0xffffffff;
  static constexpr std::size_t kNoStep = ~std::size_t{0};
  static constexpr int kFirstHeld = 2;  // xmm0 and xmm1 carry call arguments and results
  static constexpr int kXmmCount = 16;
  static constexpr std::uint8_t kMovsd = 0xf2, kPacked = 0x66;
  // Base registers of the two-lane loop (callee-saved, so calls keep them): x, the three outputs; rbp
  // is the byte offset of the current pair and r12 where it stops.
  static constexpr int kRbx = 3, kR13 = 13, kR14 = 14, kR15 = 15;

  const StraightLine& code_;
  const bool lanes_;
  const std::uint32_t slot_;  // bytes per register in the frame
  Bytes out_;
  std::vector<int> where_;  // the xmm holding each register, or kNone
  std::vector<bool> inSlot_;
  std::vector<std::size_t> lastUse_;  // the last step reading each register (outputs: after the last)
  std::size_t now_ = 0;               // the step being written
  std::vector<bool> joined_;          // a sin(a) or cos(a) step written with its partner, earlier
  std::vector<std::size_t> partner_;  // for the first of such a pair, the other's step
  std::uint32_t holds_[kXmmCount] = {};
  bool held_[kXmmCount] = {};
  std::uint64_t usedAt_[kXmmCount] = {};
  std::uint64_t clock_ = 0;
  std::vector<std::pair<std::size_t, std::uint32_t>> poolUses_;  // (offset of a disp32, register)
  std::vector<std::size_t> signMaskUses_;                        // offsets of disp32s

  std::uint32_t frameBytes() const {
    return static_cast<std::uint32_t>((slot_ * code_.value.size() + 15) / 16 * 16);
  }

  Bytes buildOnePoint() {
    const std::uint32_t frame = frameBytes();
    // push rbx (the stack is then 16-byte aligned, as it must be at each call); sub rsp, frame;
    // mov rbx, rdi
    put({0x53, 0x48, 0x81, 0xec});
    u32(frame);
    put({0x48, 0x89, 0xfb});
    const int x = pick();
    copy(x, 0);
    hold(x, 0);
    for (now_ = 0; now_ < code_.steps.size(); ++now_) step(now_);
    for (std::size_t i = 0; i < code_.outputs.size(); ++i) {
      const int from = inRegister(code_.outputs[i]);
      sse(kMovsd, 0x11, from);  // movsd [rbx + 8 i], xmm
      out_.back() |= 0x83;
      u32(static_cast<std::uint32_t>(8 * i));
    }
    put({0x48, 0x81, 0xc4});  // add rsp, frame; pop rbx; ret
    u32(frame);
    put({0x5b, 0xc3});
    writePool();
    return std::move(out_);
  }

  Bytes buildTwoLanes() {
    // Six pushes leave the stack 8 bytes off 16-byte alignment; the frame's extra 8 restore it.
    const std::uint32_t frame = frameBytes() + 8;
    put({0x53, 0x55, 0x41, 0x54, 0x41, 0x55, 0x41, 0x56, 0x41, 0x57});  // push rbx, rbp, r12-r15
    put({0x48, 0x81, 0xec});                                            // sub rsp, frame
    u32(frame);
    // rbx = x, r12 = 16 * pairs, r13-r15 = out0-out2, rbp = 0
    put({0x48, 0x89, 0xfb, 0x49, 0x89, 0xf4, 0x49, 0xc1, 0xe4, 0x04, 0x49,
         0x89, 0xd5, 0x49, 0x89, 0xce, 0x4d, 0x89, 0xc7, 0x31, 0xed});
    put({0x4d, 0x85, 0xe4, 0x0f, 0x84});  // test r12, r12; jz done
    const std::size_t skip = out_.size();
    u32(0);
    const std::size_t loop = out_.size();
    const int x = pick();
    laneAccess(0x10, x, kRbx);  // movupd xmm, [rbx + rbp]
    hold(x, 0);
    for (now_ = 0; now_ < code_.steps.size(); ++now_) step(now_);
    static constexpr int kOutputBase[] = {kR13, kR14, kR15};
    for (std::size_t i = 0; i < code_.outputs.size() && i < 3; ++i)
      laneAccess(0x11, inRegister(code_.outputs[i]), kOutputBase[i]);  // movupd [out + rbp], xmm
    // add rbp, 16; cmp rbp, r12; jb loop
    put({0x48, 0x83, 0xc5, 0x10, 0x4c, 0x39, 0xe5, 0x0f, 0x82});
    u32(static_cast<std::uint32_t>(loop - (out_.size() + 4)));
    patch(skip, static_cast<std::uint32_t>(out_.size() - (skip + 4)));
    put({0x48, 0x81, 0xc4});  // add rsp, frame; pop r15-r12, rbp, rbx; ret
    u32(frame);
    put({0x41, 0x5f, 0x41, 0x5e, 0x41, 0x5d, 0x41, 0x5c, 0x5d, 0x5b, 0xc3});
    writePool();
    return std::move(out_);
  }

  void put(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }
  void u32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void u64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void patch(std::size_t at, std::uint32_t value) {
    for (int k = 0; k < 4; ++k) out_[at + k] = static_cast<std::uint8_t>(value >> (8 * k));
  }

  // An SSE instruction up to its ModRM byte, whose reg field is xmm `reg` and whose mod and r/m fields
  // are left zero for the caller; `rm` is the register in the r/m field, if any (for its REX bit).
  void sse(std::uint8_t prefix, std::uint8_t opcode, int reg, int rm = 0) {
    out_.push_back(prefix);
    const auto rex = static_cast<std::uint8_t>(0x40 | ((reg >> 3) << 2) | (rm >> 3));
    if (rex != 0x40) out_.push_back(rex);
    put({0x0f, opcode, static_cast<std::uint8_t>((reg & 7) << 3)});
  }
  void sseRegisters(std::uint8_t prefix, std::uint8_t opcode, int reg, int rm) {
    sse(prefix, opcode, reg, rm);
    out_.back() |= static_cast<std::uint8_t>(0xc0 | (rm & 7));
  }
  // op xmm, [rsp + slot r]
  void sseSlot(std::uint8_t prefix, std::uint8_t opcode, int reg, std::uint32_t r, std::uint32_t offset = 0) {
    sse(prefix, opcode, reg);
    out_.back() |= 0x84;
    out_.push_back(0x24);
    u32(slot_ * r + offset);
  }
  // op xmm, [rip + disp32]: the caller records where the disp32 goes, for writePool to fill in
  void ssePool(std::uint8_t prefix, std::uint8_t opcode, int reg) {
    sse(prefix, opcode, reg);
    out_.back() |= 0x05;
  }
  // movupd between xmm and [base + rbp] (opcode 0x10 loads, 0x11 stores)
  void laneAccess(std::uint8_t opcode, int xmm, int base) {
    sse(kPacked, opcode, xmm, base);
    out_.back() |= 0x44;  // [base + index + disp8]
    put({static_cast<std::uint8_t>(0x28 | (base & 7)), 0x00});
  }

  std::uint8_t scalarOrPacked() const { return lanes_ ? kPacked : kMovsd; }
  std::uint8_t loadOpcode() const { return lanes_ ? 0x28 : 0x10; }  // movapd or movsd

  // op xmm, the value of register r wherever it is: a pool entry, its slot (or, for a copy, its xmm)
  void operand(std::uint8_t opcode, int reg, std::uint32_t r) {
    if (code_.constant[r]) {
      ssePool(scalarOrPacked(), opcode, reg);
      poolUses_.emplace_back(out_.size(), r);
      u32(0);
    } else {
      sseSlot(scalarOrPacked(), opcode, reg, r);
    }
  }
  void copy(int to, int from) {  // movapd
    if (to != from) sseRegisters(kPacked, 0x28, to, from);
  }
  void load(int xmm, std::uint32_t r) {
    if (where_[r] != kNone) {
      touch(where_[r]);
      copy(xmm, where_[r]);
    } else {
      operand(loadOpcode(), xmm, r);
    }
  }
  // The xmm holding register r, loading it into xmm0 if none does.
  int inRegister(std::uint32_t r) {
    if (where_[r] != kNone) return where_[r];
    load(0, r);
    return 0;
  }
  void store(int xmm, std::uint32_t r) {  // movapd / movsd [rsp + slot r], xmm
    sseSlot(scalarOrPacked(), lanes_ ? 0x29 : 0x11, xmm, r);
    inSlot_[r] = true;
  }
  bool live(std::uint32_t r) const { return lastUse_[r] > now_; }
  bool needsSaving(int xmm) const {
    const std::uint32_t r = holds_[xmm];
    return live(r) && !inSlot_[r] && !code_.constant[r];
  }

  // An xmm for a new value, never one holding `keep1` or `keep2`: a free one, else one whose value is
  // read no more, else the least recently used (its value stored first if it is read later).
  int pick(std::uint32_t keep1 = kNoRegister, std::uint32_t keep2 = kNoRegister) {
    int best = kNone;
    for (int xmm = kFirstHeld; xmm < kXmmCount; ++xmm) {
      if (!held_[xmm]) return xmm;
      if (holds_[xmm] == keep1 || holds_[xmm] == keep2) continue;
      if (!live(holds_[xmm])) {
        release(xmm);
        return xmm;
      }
      if (best == kNone || usedAt_[xmm] < usedAt_[best]) best = xmm;
    }
    if (needsSaving(best)) store(best, holds_[best]);
    release(best);
    return best;
  }
  void touch(int xmm) { usedAt_[xmm] = ++clock_; }
  void release(int xmm) {
    if (held_[xmm]) where_[holds_[xmm]] = kNone;
    held_[xmm] = false;
  }
  void hold(int xmm, std::uint32_t r) {
    release(xmm);
    held_[xmm] = true;
    holds_[xmm] = r;
    touch(xmm);
    where_[r] = xmm;
  }
  // Before a call, which clobbers every xmm: values still to be read go to their slots.
  void saveForCall() {
    for (int xmm = kFirstHeld; xmm < kXmmCount; ++xmm) {
      if (held_[xmm] && needsSaving(xmm)) store(xmm, holds_[xmm]);
      release(xmm);
    }
  }
  void ensureInSlot(std::uint32_t r) {
    if (!code_.constant[r] && !inSlot_[r]) store(where_[r], r);
  }

  template <typename Function>
  void call(Function* function) {
    std::uint64_t address;
    static_assert(sizeof function == sizeof address);
    std::memcpy(&address, &function, sizeof address);
    put({0x48, 0xb8});  // mov rax, imm64; call rax
    u64(address);
    put({0xff, 0xd0});
  }

  // One call of `function` per lane (or for the one point) on registers a (and b, for pow): the
  // arguments in xmm0 and xmm1 (and edi = builtin, or rdi = where cos goes for sineAndCosine), the
  // result (and the cosine) into register `target` (and `cosine`).
  template <typename Function>
  void callEach(Function* function, int builtin, std::uint32_t a, std::uint32_t b, std::uint32_t target,
                std::uint32_t cosine = kNoRegister) {
    if (lanes_) {
      ensureInSlot(a);
      if (b != kNoRegister) ensureInSlot(b);
    } else {
      if (b != kNoRegister) load(1, b);
      load(0, a);
    }
    saveForCall();
    const std::uint32_t lanes = lanes_ ? 2 : 1;
    for (std::uint32_t lane = 0; lane < lanes; ++lane) {
      const std::uint32_t offset = 8 * lane;
      if (lanes_) {
        laneOf(0, a, offset);
        if (b != kNoRegister) laneOf(1, b, offset);
      }
      if (builtin >= 0) {
        put({0xbf});  // mov edi, builtin
        u32(static_cast<std::uint32_t>(builtin));
      }
      if (cosine != kNoRegister) {
        put({0x48, 0x8d, 0xbc, 0x24});  // lea rdi, [rsp + disp32]
        u32(slot_ * cosine + offset);
      }
      call(function);
      if (lanes_) sseSlot(kMovsd, 0x11, 0, target, offset);  // movsd [slot + offset], xmm0
    }
    if (!lanes_) {
      const int result = pick();
      copy(result, 0);
      hold(result, target);
    } else {
      takeLanes(target);
    }
    if (cosine != kNoRegister) {
      inSlot_[cosine] = true;
      if (lanes_) takeLanes(cosine);
    }
  }
  // A register whose two lanes were stored separately, into an xmm: each half loaded on its own (one
  // 16-byte load of two 8-byte stores would wait for both to reach the cache).
  void takeLanes(std::uint32_t r) {
    inSlot_[r] = true;
    const int xmm = pick();
    sseSlot(kMovsd, 0x10, xmm, r);      // movsd xmm, [slot]
    sseSlot(kPacked, 0x16, xmm, r, 8);  // movhpd xmm, [slot + 8]
    hold(xmm, r);
  }
  // movsd xmm, one lane of register r (a constant's pool entry holds it twice)
  void laneOf(int xmm, std::uint32_t r, std::uint32_t offset) {
    if (code_.constant[r]) {
      ssePool(kMovsd, 0x10, xmm);
      poolUses_.emplace_back(out_.size(), r);
      u32(0);
    } else {
      sseSlot(kMovsd, 0x10, xmm, r, offset);
    }
  }

  void step(std::size_t i) {
    using Code = StraightLine::Code;
    if (joined_[i]) return;  // written with its partner
    const StraightLine::Step& s = code_.steps[i];
    const std::uint32_t target = code_.target[i];
    switch (s.code) {
      case Code::add:
      case Code::subtract:
      case Code::multiply:
      case Code::divide: {
        // addsd/addpd, subsd/subpd, mulsd/mulpd, divsd/divpd
        static constexpr std::uint8_t kOpcode[] = {0x58, 0x5c, 0x59, 0x5e};
        const std::uint8_t opcode = kOpcode[static_cast<int>(s.code) - static_cast<int>(Code::add)];
        // The result takes a's register when a is read no more, else a new one.
        int result = where_[s.a];
        if (result != kNone && lastUse_[s.a] == i && s.a != s.b) {
          release(result);
        } else {
          result = pick(s.a, s.b);
          load(result, s.a);
        }
        if (where_[s.b] != kNone) {
          touch(where_[s.b]);
          sseRegisters(scalarOrPacked(), opcode, result, where_[s.b]);
        } else {
          operand(opcode, result, s.b);
        }
        hold(result, target);
        break;
      }
      case Code::negate: {
        int result = where_[s.a];
        if (result != kNone && lastUse_[s.a] == i) {
          release(result);
        } else {
          result = pick(s.a);
          load(result, s.a);
        }
        // xorpd xmm, [sign bits]: the sign flipped, as -a does
        ssePool(kPacked, 0x57, result);
        signMaskUses_.push_back(out_.size());
        u32(0);
        hold(result, target);
        break;
      }
      case Code::pow:
        callEach(&power, -1, s.a, s.b, target);
        break;
      case Code::exp:
      case Code::call:
        if (partner_[i] != kNoStep) {
          const std::uint32_t other = code_.target[partner_[i]];
          const bool sine = s.builtin == Builtin::sin;
          callEach(&sineAndCosine, -1, s.a, kNoRegister, sine ? target : other, sine ? other : target);
          break;
        }
        callEach(&evaluate, static_cast<int>(s.code == Code::exp ? Builtin::exp : s.builtin), s.a,
                 kNoRegister, target);
        break;
    }
  }

  // The constants the code reads, each 16 bytes (the value twice, for both lanes) and 16-byte aligned
  // after the code, and the sign bits for negation; each disp32 is made to point at its own.
  void writePool() {
    while (out_.size() % 16) out_.push_back(0xcc);  // int3: never reached
    const auto entry = [this](std::uint64_t bits) {
      const std::size_t at = out_.size();
      u64(bits);
      u64(bits);
      return at;
    };
    std::vector<std::size_t> offset(code_.value.size(), 0);
    for (const auto& [at, r] : poolUses_) {
      if (!offset[r]) {
        std::uint64_t bits;
        std::memcpy(&bits, &code_.value[r], sizeof bits);
        offset[r] = entry(bits);
      }
      patch(at, static_cast<std::uint32_t>(offset[r] - (at + 4)));  // from the instruction's end
    }
    if (!signMaskUses_.empty()) {
      const std::size_t mask = entry(std::uint64_t{1} << 63);
      for (const std::size_t at : signMaskUses_) patch(at, static_cast<std::uint32_t>(mask - (at + 4)));
    }
  }
};

}  // namespace

std::shared_ptr<const NativeCode> NativeCode::compile(const std::vector<StraightLine>& codes) {
  Bytes bytes;
  std::vector<std::size_t> starts;  // per code: the one-point entry, then the two-lane loop
  for (const StraightLine& code : codes) {
    for (const auto shape : {Writer::Shape::onePoint, Writer::Shape::twoLanes}) {
      while (bytes.size() % 16) bytes.push_back(0xcc);  // int3: never reached
      if (code.steps.size() > kMaxNativeSteps || code.value.size() > 2 * kMaxNativeSteps) {
        starts.push_back(kTooLarge);
        continue;
      }
      starts.push_back(bytes.size());
      const Bytes one = Writer(code, shape).build();  // position-independent: it may go anywhere
      bytes.insert(bytes.end(), one.begin(), one.end());
    }
  }
  if (bytes.empty()) return nullptr;
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t mapped = (bytes.size() + page - 1) / page * page;
  // Written while writable, then made executable and read-only: never both at once.
  void* memory = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return nullptr;
  std::memcpy(memory, bytes.data(), bytes.size());
  if (mprotect(memory, mapped, PROT_READ | PROT_EXEC) != 0) {
    munmap(memory, mapped);
    return nullptr;
  }
  const auto at = [memory](std::size_t start, auto none) {
    if (start == kTooLarge) return none;
    void* address = static_cast<std::uint8_t*>(memory) + start;
    std::memcpy(&none, &address, sizeof none);
    return none;
  };
  std::vector<Entry> entries;
  std::vector<Batch> batches;
  for (std::size_t i = 0; i < starts.size(); i += 2) {
    entries.push_back(at(starts[i], Entry{nullptr}));
    batches.push_back(at(starts[i + 1], Batch{nullptr}));
  }
  return std::shared_ptr<const NativeCode>(
      new NativeCode(memory, mapped, bytes.size(), std::move(entries), std::move(batches)));
}

NativeCode::~NativeCode() { munmap(memory_, mapped_); }

#else

std::shared_ptr<const NativeCode> NativeCode::compile(const std::vector<StraightLine>&) { return nullptr; }

// Never constructed here.
NativeCode::~NativeCode() {
  static_cast<void>(memory_);
  static_cast<void>(mapped_);
}

#endif

}  // namespace descent
