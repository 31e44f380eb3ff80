#include "optim/random.hpp"

#include <cmath>

namespace descent::optim {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double naturalLog(double s) {
  constexpr double kLn2 = 0.6931471805599453094;  // the double nearest ln 2
  constexpr double kSqrtHalf = 0.70710678118654752440;
  int exponent = 0;
  double m = std::frexp(s, &exponent);  // s = m * 2^exponent, m in [1/2, 1): exact
  if (m < kSqrtHalf) {
    m *= 2;  // exact
    --exponent;
  }
  const double z = (m - 1) / (m + 1);
  const double z2 = z * z;
  // atanh(z) = z + z^3/3 + z^5/5 + ...: with |z| < 0.172 the 25th term is below 2^-60 of the first.
  double sum = 0;
  for (int k = 49; k >= 3; k -= 2) sum = (sum + 1.0 / k) * z2;
  const double lnM = 2 * (z + z * sum);
  return exponent * kLn2 + lnM;
}

double NormalDraws::next() {
  if (hasSpare_) {
    hasSpare_ = false;
    return spare_;
  }
  for (;;) {
    const double u = 2 * uniform_.uniform() - 1;
    const double v = 2 * uniform_.uniform() - 1;
    const double s = u * u + v * v;
    if (s <= 0 || s >= 1) continue;
    const double factor = std::sqrt(-2 * naturalLog(s) / s);
    spare_ = v * factor;
    hasSpare_ = true;
    return u * factor;
  }
}

}  // namespace descent::optim
