#include "expr/wasm_code.hpp"

#include <cstring>
#include <string_view>
#include <tuple>

namespace descent {
namespace {

// Opcodes and type codes of the WebAssembly binary format (version 1).
enum : std::uint8_t {
  kI32 = 0x7f,
  kF64 = 0x7c,
  kFuncType = 0x60,
  kEnd = 0x0b,
  kCall = 0x10,
  kLocalGet = 0x20,
  kLocalSet = 0x21,
  kF64Store = 0x39,
  kI32Const = 0x41,
  kF64Const = 0x44,
  kF64Neg = 0x9a,
  kF64Add = 0xa0,
  kF64Sub = 0xa1,
  kF64Mul = 0xa2,
  kF64Div = 0xa3,
};
enum : std::uint8_t {
  kTypeSection = 1,
  kImportSection = 2,
  kFunctionSection = 3,
  kExportSection = 7,
  kCodeSection = 10
};
enum : std::uint8_t { kFuncImport = 0, kMemoryImport = 2, kFuncExport = 0 };
// Function indices: the two imports come first, then "run".
enum : std::uint8_t { kCallFunction = 0, kPowFunction = 1, kRunFunction = 2 };
constexpr std::uint32_t kFirstStepLocal = 2;  // after the parameters x and out

using Bytes = std::vector<std::uint8_t>;

void unsignedLeb(Bytes& out, std::uint64_t value) {
  do {
    std::uint8_t byte = value & 0x7f;
    value >>= 7;
    if (value) byte |= 0x80;
    out.push_back(byte);
  } while (value);
}

void signedLeb(Bytes& out, std::int64_t value) {
  for (;;) {
    const std::uint8_t byte = value & 0x7f;
    value >>= 7;  // arithmetic shift
    const bool done = (value == 0 && !(byte & 0x40)) || (value == -1 && (byte & 0x40));
    out.push_back(done ? byte : byte | 0x80);
    if (done) return;
  }
}

void name(Bytes& out, std::string_view text) {
  unsignedLeb(out, text.size());
  out.insert(out.end(), text.begin(), text.end());
}

void section(Bytes& module, std::uint8_t id, const Bytes& body) {
  module.push_back(id);
  unsignedLeb(module, body.size());
  module.insert(module.end(), body.begin(), body.end());
}

class Body {
 public:
  explicit Body(const StraightLine& code) : code_(code) {}

  Bytes build() {
    Bytes body;
    unsignedLeb(body, 1);  // one group of locals: a result per step
    unsignedLeb(body, code_.steps.size());
    body.push_back(kF64);
    for (std::size_t i = 0; i < code_.steps.size(); ++i) step(body, i);
    for (std::size_t i = 0; i < code_.outputs.size(); ++i) {
      body.push_back(kLocalGet);
      unsignedLeb(body, 1);  // out
      get(body, code_.outputs[i]);
      body.push_back(kF64Store);
      unsignedLeb(body, 3);  // aligned to 8 bytes
      unsignedLeb(body, 8 * i);
    }
    body.push_back(kEnd);
    return body;
  }

 private:
  const StraightLine& code_;
  std::vector<std::uint32_t> local_ = localsOf(code_);

  static std::vector<std::uint32_t> localsOf(const StraightLine& code) {
    std::vector<std::uint32_t> local(code.value.size(), 0);  // x is local 0
    for (std::size_t i = 0; i < code.target.size(); ++i)
      local[code.target[i]] = kFirstStepLocal + static_cast<std::uint32_t>(i);
    return local;
  }

  void get(Bytes& body, std::uint32_t reg) const {
    if (code_.constant[reg]) {
      body.push_back(kF64Const);
      std::uint8_t bits[8];
      std::memcpy(bits, &code_.value[reg],
                  8);  // WebAssembly and every target descent builds for: little-endian
      body.insert(body.end(), bits, bits + 8);
      return;
    }
    body.push_back(kLocalGet);
    unsignedLeb(body, local_[reg]);
  }

  void step(Bytes& body, std::size_t i) const {
    using Code = StraightLine::Code;
    const StraightLine::Step& s = code_.steps[i];
    switch (s.code) {
      case Code::add:
      case Code::subtract:
      case Code::multiply:
      case Code::divide: {
        static constexpr std::uint8_t kOpcode[] = {kF64Add, kF64Sub, kF64Mul, kF64Div};
        get(body, s.a);
        get(body, s.b);
        body.push_back(kOpcode[static_cast<int>(s.code) - static_cast<int>(Code::add)]);
        break;
      }
      case Code::negate:
        get(body, s.a);
        body.push_back(kF64Neg);
        break;
      case Code::pow:
        get(body, s.a);
        get(body, s.b);
        body.push_back(kCall);
        unsignedLeb(body, kPowFunction);
        break;
      case Code::exp:
      case Code::call:
        body.push_back(kI32Const);
        signedLeb(body, static_cast<int>(s.code == Code::exp ? Builtin::exp : s.builtin));
        get(body, s.a);
        body.push_back(kCall);
        unsignedLeb(body, kCallFunction);
        break;
    }
    body.push_back(kLocalSet);
    unsignedLeb(body, local_[code_.target[i]]);
  }
};

}  // namespace

std::vector<std::uint8_t> toWasmModule(const StraightLine& code) {
  if (code.steps.size() > kMaxWasmSteps) return {};
  Bytes module{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

  const Bytes types{3,                                  // three function types:
                    kFuncType, 2, kI32, kF64, 1, kF64,  // 0: call (builtin, x) -> f64
                    kFuncType, 2, kF64, kF64, 1, kF64,  // 1: pow (a, b) -> f64
                    kFuncType, 2, kF64, kI32, 0};       // 2: run (x, out)
  section(module, kTypeSection, types);

  Bytes imports;
  unsignedLeb(imports, 3);
  // kind, then the function's type index or the memory's limits (no maximum, at least 0 pages)
  for (const auto& [field, kind, detail] :
       {std::tuple{"call", kFuncImport, Bytes{0}}, std::tuple{"pow", kFuncImport, Bytes{1}},
        std::tuple{"memory", kMemoryImport, Bytes{0, 0}}}) {
    name(imports, "m");
    name(imports, field);
    imports.push_back(kind);
    imports.insert(imports.end(), detail.begin(), detail.end());
  }
  section(module, kImportSection, imports);

  section(module, kFunctionSection, Bytes{1, 2});  // one function, of type 2

  Bytes exports;
  unsignedLeb(exports, 1);
  name(exports, "run");
  exports.push_back(kFuncExport);
  unsignedLeb(exports, kRunFunction);
  section(module, kExportSection, exports);

  Bytes code_section;
  unsignedLeb(code_section, 1);
  const Bytes body = Body(code).build();
  unsignedLeb(code_section, body.size());
  code_section.insert(code_section.end(), body.begin(), body.end());
  section(module, kCodeSection, code_section);
  return module;
}

}  // namespace descent
