#pragma once
// The arithmetic of single steps, for a reader stepping through a run: for each step k, x_k with f, f'
// and f'' there, the noise drawn, the gradient before and after clipping, the learning rate, x_{k+1},
// and the method's own values (the velocity, the accumulators and the effective step, the accepted trial
// step and the backtracks, f'' and the ratio). Computed by the same walk a run takes.
#include <string>
#include <utility>
#include <vector>

#include "expr/function.hpp"
#include "optim/run_settings.hpp"

namespace descent::optim {

struct StepDetails {
  long long k = 0;
  double x = 0, f = 0, df = 0, d2f = 0;  // at x_k
  double noise = 0;                      // σ·ξ_k, 0 without noise
  double seen = 0;                       // f'(x_k) + noise
  double g = 0;                          // seen, clipped: the gradient the step used
  double lr = 0;                         // η_k
  double next = 0;                       // x_{k+1}
  std::vector<std::pair<const char*, double>> values;
  std::vector<double> trials;  // armijo: the first trial steps, in order
};

// The most steps one call describes: a reader looks at a few at a time.
constexpr long long kMaxDescribedSteps = 1000;

// Steps from .. from + count - 1 of the run the settings describe (fewer where the run stops first).
// Throws SettingsError for bad settings, a from outside the run or a count above kMaxDescribedSteps.
std::vector<StepDetails> describeSteps(const Function& fn, const RunSettings& settings, double from,
                                       double count);

}  // namespace descent::optim
