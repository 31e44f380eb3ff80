#include "expr/native_code.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
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

// x86-64 machine code for one straight-line code. Every register of the straight-line code has a slot
// in the frame, [rsp + 8 r], and every step stores its result there; the steps' results also stay in
// xmm2-xmm15 until those are needed for newer ones (or a call clobbers them), so a value used soon after
// it is computed is read from a register. Constants are read from a pool after the code. x arrives in
// xmm0 and the output array in rdi, kept in rbx across the calls.
class Writer {
 public:
  explicit Writer(const StraightLine& code) : code_(code), where_(code.value.size(), kNone) {}

  Bytes build() {
    const std::uint32_t frame = static_cast<std::uint32_t>((8 * code_.value.size() + 15) / 16 * 16);
    // push rbx (the stack is then 16-byte aligned, as it must be at each call); sub rsp, frame;
    // mov rbx, rdi
    put({0x53, 0x48, 0x81, 0xec});
    u32(frame);
    put({0x48, 0x89, 0xfb});
    storeSlot(0, 0);  // x
    const int x = pick();
    copy(x, 0);
    hold(x, 0);
    for (std::size_t i = 0; i < code_.steps.size(); ++i) step(i);
    for (std::size_t i = 0; i < code_.outputs.size(); ++i) {
      int from = where_[code_.outputs[i]];
      if (from == kNone) {
        from = 0;
        load(0, code_.outputs[i]);
      }
      sse(0xf2, 0x11, from);  // movsd [rbx + 8 i], xmm
      out_.back() |= 0x83;
      u32(static_cast<std::uint32_t>(8 * i));
    }
    put({0x48, 0x81, 0xc4});  // add rsp, frame; pop rbx; ret
    u32(frame);
    put({0x5b, 0xc3});
    writePool();
    return std::move(out_);
  }

 private:
  static constexpr int kNone = -1;
  static constexpr std::uint32_t kNoRegister = 0xffffffff;
  static constexpr int kFirstHeld = 2;  // xmm0 and xmm1 carry call arguments and results
  static constexpr int kXmmCount = 16;
  const StraightLine& code_;
  Bytes out_;
  std::vector<int> where_;               // the xmm holding each register, or kNone
  std::uint32_t holds_[kXmmCount] = {};  // the register each xmm holds (when held_)
  bool held_[kXmmCount] = {};
  std::uint64_t usedAt_[kXmmCount] = {};  // for choosing the least recently used
  std::uint64_t clock_ = 0;
  std::vector<std::pair<std::size_t, std::uint32_t>> poolUses_;  // (offset of a disp32, register)

  void put(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }
  void u32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void u64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }

  // An SSE instruction up to its ModRM byte, whose reg field is xmm `reg` and whose mod and r/m fields
  // are left zero for the caller; `rm` is the xmm of a register operand (its REX bit), if any.
  void sse(std::uint8_t prefix, std::uint8_t opcode, int reg, int rm = 0) {
    out_.push_back(prefix);
    const auto rex = static_cast<std::uint8_t>(0x40 | ((reg >> 3) << 2) | (rm >> 3));
    if (rex != 0x40) out_.push_back(rex);
    put({0x0f, opcode, static_cast<std::uint8_t>((reg & 7) << 3)});
  }
  // op xmm reg, xmm rm
  void sseRegisters(std::uint8_t prefix, std::uint8_t opcode, int reg, int rm) {
    sse(prefix, opcode, reg, rm);
    out_.back() |= static_cast<std::uint8_t>(0xc0 | (rm & 7));
  }
  // op xmm reg, the value of straight-line register r: a pool entry for a constant, else its slot
  void sseMemory(std::uint8_t prefix, std::uint8_t opcode, int reg, std::uint32_t r) {
    sse(prefix, opcode, reg);
    if (code_.constant[r]) {
      out_.back() |= 0x05;  // [rip + disp32]
      poolUses_.emplace_back(out_.size(), r);
      u32(0);
      return;
    }
    out_.back() |= 0x84;  // [rsp + disp32]
    out_.push_back(0x24);
    u32(8 * r);
  }
  void storeSlot(int xmm, std::uint32_t r) {  // movsd [rsp + 8 r], xmm
    sse(0xf2, 0x11, xmm);
    out_.back() |= 0x84;
    out_.push_back(0x24);
    u32(8 * r);
  }
  void copy(int to, int from) {  // movapd
    if (to != from) sseRegisters(0x66, 0x28, to, from);
  }
  // xmm = straight-line register r
  void load(int xmm, std::uint32_t r) {
    if (where_[r] != kNone) {
      usedAt_[where_[r]] = ++clock_;
      copy(xmm, where_[r]);
    } else {
      sseMemory(0xf2, 0x10, xmm, r);  // movsd
    }
  }

  // A free xmm for a new value, else the least recently used one, never the one holding `keep`.
  int pick(std::uint32_t keep = kNoRegister) {
    int best = kNone;
    for (int xmm = kFirstHeld; xmm < kXmmCount; ++xmm) {
      if (!held_[xmm]) return xmm;
      if (holds_[xmm] == keep) continue;
      if (best == kNone || usedAt_[xmm] < usedAt_[best]) best = xmm;
    }
    return best;
  }
  void hold(int xmm, std::uint32_t r) {
    if (held_[xmm]) where_[holds_[xmm]] = kNone;
    held_[xmm] = true;
    holds_[xmm] = r;
    usedAt_[xmm] = ++clock_;
    where_[r] = xmm;
  }
  void forgetAll() {  // a call clobbers every xmm register
    for (int xmm = kFirstHeld; xmm < kXmmCount; ++xmm) {
      if (held_[xmm]) where_[holds_[xmm]] = kNone;
      held_[xmm] = false;
    }
  }

  template <typename Function>
  void call(Function* function) {
    std::uint64_t address;
    static_assert(sizeof function == sizeof address);
    std::memcpy(&address, &function, sizeof address);
    put({0x48, 0xb8});  // mov rax, imm64; call rax
    u64(address);
    put({0xff, 0xd0});
    forgetAll();
  }

  void step(std::size_t i) {
    using Code = StraightLine::Code;
    const StraightLine::Step& s = code_.steps[i];
    const std::uint32_t target = code_.target[i];
    int result = 0;
    switch (s.code) {
      case Code::add:
      case Code::subtract:
      case Code::multiply:
      case Code::divide: {
        // addsd, subsd, mulsd, divsd
        static constexpr std::uint8_t kOpcode[] = {0x58, 0x5c, 0x59, 0x5e};
        const std::uint8_t opcode = kOpcode[static_cast<int>(s.code) - static_cast<int>(Code::add)];
        result = pick(s.b);
        load(result, s.a);
        if (where_[s.b] != kNone) {
          usedAt_[where_[s.b]] = ++clock_;
          sseRegisters(0xf2, opcode, result, where_[s.b]);
        } else {
          sseMemory(0xf2, opcode, result, s.b);
        }
        break;
      }
      case Code::negate: {
        // The sign bit flipped, as -a does: movq rax, xmm; btc rax, 63; movq xmm, rax
        result = pick();
        load(result, s.a);
        const auto rex = static_cast<std::uint8_t>(0x48 | ((result >> 3) << 2));
        const auto modrm = static_cast<std::uint8_t>(0xc0 | ((result & 7) << 3));
        put({0x66, rex, 0x0f, 0x7e, modrm, 0x48, 0x0f, 0xba, 0xf8, 0x3f, 0x66, rex, 0x0f, 0x6e, modrm});
        break;
      }
      case Code::pow:
        load(1, s.b);
        load(0, s.a);
        call(&power);
        break;
      case Code::exp:
      case Code::call: {
        const auto builtin = static_cast<std::uint32_t>(s.code == Code::exp ? Builtin::exp : s.builtin);
        load(0, s.a);
        put({0xbf});  // mov edi, builtin
        u32(builtin);
        call(&evaluate);
        break;
      }
    }
    if (result == 0) {  // a call's result, in xmm0
      result = pick();
      copy(result, 0);
    }
    storeSlot(result, target);
    hold(result, target);
  }

  // The constants the code reads, 8-byte aligned after it, each disp32 pointing at its own.
  void writePool() {
    while (out_.size() % 8) out_.push_back(0xcc);  // int3: never reached
    std::vector<std::size_t> offset(code_.value.size(), 0);
    for (const auto& [at, r] : poolUses_) {
      if (!offset[r]) {
        offset[r] = out_.size();
        std::uint64_t bits;
        std::memcpy(&bits, &code_.value[r], sizeof bits);
        u64(bits);
      }
      const auto disp = static_cast<std::uint32_t>(offset[r] - (at + 4));  // from the instruction's end
      for (int k = 0; k < 4; ++k) out_[at + k] = static_cast<std::uint8_t>(disp >> (8 * k));
    }
  }
};

}  // namespace

std::shared_ptr<const NativeCode> NativeCode::compile(const std::vector<StraightLine>& codes) {
  Bytes bytes;
  std::vector<std::size_t> starts;
  for (const StraightLine& code : codes) {
    while (bytes.size() % 16) bytes.push_back(0xcc);  // int3: never reached
    if (code.steps.size() > kMaxNativeSteps || code.value.size() > 2 * kMaxNativeSteps) {
      starts.push_back(kTooLarge);
      continue;
    }
    starts.push_back(bytes.size());
    const Bytes one = Writer(code).build();  // position-independent: it may go anywhere
    bytes.insert(bytes.end(), one.begin(), one.end());
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
  std::vector<Entry> entries;
  for (const std::size_t start : starts) {
    Entry entry = nullptr;
    if (start != kTooLarge) {
      void* at = static_cast<std::uint8_t*>(memory) + start;
      std::memcpy(&entry, &at, sizeof entry);
    }
    entries.push_back(entry);
  }
  return std::shared_ptr<const NativeCode>(new NativeCode(memory, mapped, bytes.size(), std::move(entries)));
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
