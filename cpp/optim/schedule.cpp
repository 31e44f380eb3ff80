#include "optim/schedule.hpp"

#include <cmath>

namespace descent::optim {
namespace {

// Python's % for the whole numbers torch's cosine schedule uses: the result has the divisor's sign.
long long pythonModulo(long long a, long long b) {
  const long long r = a % b;
  return r != 0 && ((r < 0) != (b < 0)) ? r + b : r;
}

constexpr double kPi = 3.141592653589793;  // math.pi

}  // namespace

LearningRate::LearningRate(double eta, const ScheduleSettings& settings)
    : base_(eta), rate_(eta), settings_(settings) {
  if (settings_.kind == Schedule::linear) rate_ = rate_ * settings_.startFactor;
}

// Each branch is torch 1.13's get_lr for that scheduler, term for term in Python's evaluation order.
void LearningRate::advance() {
  const long long epoch = ++epoch_;
  const ScheduleSettings& s = settings_;
  switch (s.kind) {
    case Schedule::constant:
      return;
    case Schedule::step:
      if (epoch % static_cast<long long>(s.stepSize) == 0) rate_ = rate_ * s.gamma;
      return;
    case Schedule::exponential:
      rate_ = rate_ * s.gamma;
      return;
    case Schedule::cosine: {
      const auto tMax = static_cast<long long>(s.tMax);
      if (pythonModulo(epoch - 1 - tMax, 2 * tMax) == 0) {
        rate_ = rate_ + (base_ - s.etaMin) * (1 - std::cos(kPi / s.tMax)) / 2;
      } else {
        const double now = 1 + std::cos(kPi * static_cast<double>(epoch) / s.tMax);
        const double before = 1 + std::cos(kPi * static_cast<double>(epoch - 1) / s.tMax);
        rate_ = now / before * (rate_ - s.etaMin) + s.etaMin;
      }
      return;
    }
    case Schedule::linear:
      if (static_cast<double>(epoch) > s.totalIters) return;
      rate_ = rate_ * (1. + (s.endFactor - s.startFactor) /
                                (s.totalIters * s.startFactor +
                                 static_cast<double>(epoch - 1) * (s.endFactor - s.startFactor)));
      return;
  }
}

}  // namespace descent::optim
