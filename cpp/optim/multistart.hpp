#pragma once
// Many runs from random starts in [a, b]: where does each one end up? The starts come from splitmix64
// (optim/random.hpp), so a seed gives the same starts natively and in WebAssembly.
#include <cstdint>
#include <vector>

#include "expr/function.hpp"
#include "optim/random.hpp"
#include "optim/run.hpp"

namespace descent::optim {

struct MultiStartSettings {
  double a = -1, b = 1;  // starts are drawn uniformly from [a, b)
  int count = 50;
  std::uint64_t seed = 1;
  RunSettings run;  // x0 is ignored: each run gets its own; run.seed seeds each run's noise
};

struct MultiStartResult {
  std::vector<double> x0;     // the starts, in draw order
  std::vector<double> final;  // where each run stopped
  std::vector<StopReason> status;
  std::vector<long long> stoppedAt;
};

// The starts alone: a + (b - a) * u for count draws.
std::vector<double> randomStarts(double a, double b, int count, std::uint64_t seed);

// Throws SettingsError for a setting outside the settings table, a > b, count * steps above
// kMaxMultiStartSteps, or bad run settings.
MultiStartResult multiStart(const Function& fn, const MultiStartSettings& settings);

}  // namespace descent::optim
