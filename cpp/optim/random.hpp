#pragma once
// The random numbers of descent: splitmix64, uniform doubles from it, and standard normal draws by the
// polar method (Marsaglia) with a logarithm of descent's own. Nothing here calls the C library's maths:
// glibc (native) and musl (WebAssembly) may round log differently in the last bit, and a seed must give
// the same draws, bit for bit, in the CLI and in the page.
#include <cstdint>

namespace descent::optim {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // A uniform double in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }

 private:
  std::uint64_t state_;
};

// Standard normal draws: u, v uniform in (-1, 1) until 0 < s = u^2 + v^2 < 1, then u*sqrt(-2 ln(s)/s)
// and v*sqrt(-2 ln(s)/s) are two independent draws, handed out in that order. sqrt is IEEE's own
// correctly rounded operation; the logarithm is naturalLog below.
class NormalDraws {
 public:
  explicit NormalDraws(std::uint64_t seed) : uniform_(seed) {}
  double next();

 private:
  SplitMix64 uniform_;
  double spare_ = 0;
  bool hasSpare_ = false;
};

// ln(s) for 0 < s < inf from +, -, * and / alone: s = m * 2^e with m in [sqrt(1/2), sqrt(2)), then
// ln(m) = 2 atanh(z) with z = (m - 1)/(m + 1), |z| < 0.172, summed to full double precision.
double naturalLog(double s);

}  // namespace descent::optim
