// Native machine code (expr/native_code.hpp) stands in for the programs of every Function a native build
// parses, so it must compute exactly what the programs compute: the table runs both over every kind of
// operation, for each of the three evaluations, and compares the bits.
#include "expr/native_code.hpp"

#include <catch2/catch.hpp>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "every_operation.hpp"
#include "expr/function.hpp"

namespace {

using descent::Function;
using descent::NativeCode;
using descent_test::sameBits;
using Evaluation = Function::Evaluation;

constexpr Evaluation kEvaluations[] = {Evaluation::value, Evaluation::slope, Evaluation::at};

// The outputs of one evaluation at x, as many as it has.
std::vector<double> outputs(const Function& fn, Evaluation which, double x) {
  switch (which) {
    case Evaluation::value:
      return {fn.value(x)};
    case Evaluation::slope: {
      const auto s = fn.slope(x);
      return {s.f, s.df};
    }
    case Evaluation::at:
      break;
  }
  const auto v = fn.at(x);
  return {v.f, v.df, v.d2f};
}

Function programsOnly(Function fn) {
  for (const Evaluation which : kEvaluations) {
    fn.useKernel(which, nullptr);
    fn.useBatchKernel(which, nullptr);
  }
  return fn;
}

// The native entry for an evaluation, or null.
descent::NativeCode::Entry entryOf(const Function& fn, Evaluation which) {
  return fn.nativeCode() ? fn.nativeCode()->entry(static_cast<std::size_t>(which)) : nullptr;
}

}  // namespace

#if defined(__x86_64__) && (defined(__linux__) || defined(__FreeBSD__))
constexpr bool kHasWriter = true;
#else
constexpr bool kHasWriter = false;
#endif

TEST_CASE("native machine code computes f, f' and f'' to the bit, as the program does", "[native_code]") {
  for (const char* text : descent_test::kEveryOperation) {
    const Function fn = Function::parse(text);
    const Function program = programsOnly(fn);
    for (const Evaluation which : kEvaluations) {
      CHECK((entryOf(fn, which) != nullptr) == kHasWriter);
      for (double x : descent_test::kEdgePoints) {
        const auto got = outputs(fn, which, x);
        const auto want = outputs(program, which, x);
        for (std::size_t i = 0; i < want.size(); ++i) {
          INFO(text << " at x = " << x << ", evaluation " << static_cast<int>(which) << ", output " << i
                    << ": machine code " << got[i] << ", program " << want[i]);
          CHECK(sameBits(got[i], want[i]));
        }
      }
    }
  }
}

// The outputs of one evaluation at the n points xs (as many rows as it has), by the batch calls.
std::vector<std::vector<double>> batchOutputs(const Function& fn, Evaluation which, std::vector<double> xs) {
  const std::size_t n = xs.size();
  std::vector<std::vector<double>> out(3, std::vector<double>(n));
  switch (which) {
    case Evaluation::value:
      fn.value(xs.data(), n, xs.data());  // in place
      return {xs};
    case Evaluation::slope:
      fn.slope(xs.data(), n, out[0].data(), out[1].data());
      return {out[0], out[1]};
    case Evaluation::at:
      break;
  }
  fn.at(xs.data(), n, out[0].data(), out[1].data(), out[2].data());
  return out;
}

TEST_CASE("native machine code for many points, two at a time, computes what the program does",
          "[native_code]") {
  std::vector<double> xs(std::begin(descent_test::kEdgePoints), std::end(descent_test::kEdgePoints));
  xs.push_back(-0.0);  // an odd count: the last point is the one-point code's
  for (const char* text : descent_test::kEveryOperation) {
    const Function fn = Function::parse(text);
    const Function program = programsOnly(fn);
    for (const Evaluation which : kEvaluations) {
      for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, xs.size()}) {
        const std::vector<double> points(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n));
        const auto got = batchOutputs(fn, which, points);
        const auto want = batchOutputs(program, which, points);
        for (std::size_t j = 0; j < want.size(); ++j) {
          for (std::size_t i = 0; i < n; ++i) {
            INFO(text << " at x = " << points[i] << " (" << i << " of " << n << "), evaluation "
                      << static_cast<int>(which) << ", output " << j << ": machine code " << got[j][i]
                      << ", program " << want[j][i]);
            CHECK(sameBits(got[j][i], want[j][i]));
          }
        }
      }
    }
  }
}

TEST_CASE("native machine code: copies share it, and past a size the program runs instead", "[native_code]") {
  std::optional<Function> original = Function::parse("x^4 - 3x^2 + 2");
  const Function copy = *original;
  original.reset();  // the copy keeps the code alive
  CHECK(copy.slope(-2.5).df == Approx(4 * -15.625 + 15));
  CHECK((entryOf(copy, Evaluation::slope) != nullptr) == kHasWriter);

  // 900 terms sin(k x): f, f' and f'' together take about 8 steps a term.
  std::string big = "0";
  for (int k = 1; k <= 900; ++k) big += "+sin(" + std::to_string(k) + "x)";
  const Function large = Function::parse(big);
  CHECK(entryOf(large, Evaluation::at) == nullptr);
  CHECK((entryOf(large, Evaluation::value) != nullptr) == kHasWriter);  // about 900 steps
  CHECK(sameBits(large.at(0.3).d2f, programsOnly(large).at(0.3).d2f));
}
