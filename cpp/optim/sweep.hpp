#pragma once
// A bifurcation diagram: for each of `count` constant step sizes (no schedule, clipping or noise: the
// diagram is of the map x -> x - η f'(x) and its kin), run `burnIn` steps from the same x0, then record
// `keep` iterates, x_burnIn .. x_(burnIn+keep-1). Columns are independent, so a caller can compute them in
// chunks (Sweep::column) to show progress and to cancel.
#include <optional>
#include <vector>

#include "expr/function.hpp"
#include "optim/method.hpp"
#include "optim/run_settings.hpp"
#include "optim/settings.hpp"
#include "optim/walk.hpp"

namespace descent::optim {

enum class SweepScale { linear, log };

struct SweepSettings {
  double x0 = 0;
  double etaMin = 0.01, etaMax = 1;
  int count = 400;
  SweepScale scale = SweepScale::log;
  long long burnIn = 500;
  long long keep = 50;
  Method method = Method::gd;
  Hyperparameters hyper;
};

struct SweepResult {
  std::vector<double> eta;         // one per column
  std::vector<double> x;           // column i holds x[i*keep .. (i+1)*keep): NaN once diverged or undefined
  std::vector<StopReason> status;  // max-steps, diverged or undefined, per column
  long long keep = 0;
};

class Sweep {
 public:
  // Throws SettingsError for a setting outside the settings table, etaMin > etaMax,
  // count*(burnIn+keep) > kMaxSweepSteps or hyperparameters that do not fit the method.
  // fn must outlive the Sweep.
  Sweep(const Function& fn, const SweepSettings& settings);

  int count() const { return settings_.count; }
  long long keep() const { return settings_.keep; }
  // The i-th step size: evenly spaced in eta (linear) or in log(eta) (log), from etaMin to etaMax.
  double eta(int i) const;
  // Runs column i and writes its keep iterates to out[0..keep).
  StopReason column(int i, double* out) const;

 private:
  const Function& fn_;
  SweepSettings settings_;
  RunSettings run_;  // each column's run but its step size: constant rate, no clipping, no noise
  ResolvedRun resolved_;
};

// Every column at once.
SweepResult sweep(const Function& fn, const SweepSettings& settings);

}  // namespace descent::optim
