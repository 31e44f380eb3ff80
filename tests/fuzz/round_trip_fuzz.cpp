// libFuzzer target: any bytes go through parse -> derive -> simplify -> print -> parse again and a
// short run. Whatever happens must be an ExpressionError or SettingsError, never a crash, the printed
// text must parse back to a function with the same values, and the programs for f, for f and f', and for
// f, f' and f'' (one lowering) must give the same bits.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "expr/function.hpp"
#include "optim/run.hpp"

namespace {

bool sameValue(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return true;  // a simplification may widen the domain (x/x = 1)
  if (std::isinf(a) || std::isinf(b)) return true;
  return std::fabs(a - b) <= 1e-6 * std::fmax(1.0, std::fmax(std::fabs(a), std::fabs(b)));
}

void checkRoundTrip(const descent::Function& fn) {
  const descent::Function again = descent::Function::parse(fn.printed().text);
  for (double x : {-1.7, 0.3, 2.9}) {
    if (!sameValue(fn.value(x), again.value(x))) std::abort();
  }
}

bool sameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

// f, f' and f'' come from one lowering; the programs for f alone and for f, f' must give the same bits as
// the one for all three.
void checkEvaluations(const descent::Function& fn) {
  for (double x : {-1.7, 0.3, 2.9, -0.0, 1e300, -4.25, 0.5}) {
    const descent::Values all = fn.at(x);
    const descent::Slope slope = fn.slope(x);
    if (!sameBits(fn.value(x), all.f) || !sameBits(slope.f, all.f) || !sameBits(slope.df, all.df))
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const descent::Function fn = descent::Function::parse(text);
    checkRoundTrip(fn);
    checkEvaluations(fn);
    descent::optim::RunSettings settings;
    settings.x0 = 0.5;
    settings.eta = 0.05;
    settings.steps = 20;
    descent::optim::run(fn, settings);
  } catch (const descent::ExpressionError&) {
  } catch (const descent::optim::SettingsError&) {
  }
  return 0;
}
