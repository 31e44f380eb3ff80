#pragma once
// A whole optimizer run, recorded: x_0..x_N with f and f' at each point, and why it stopped.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "expr/function.hpp"
#include "optim/method.hpp"
#include "optim/run_settings.hpp"
#include "optim/settings.hpp"
#include "optim/walk.hpp"

namespace descent::optim {

struct Trajectory {
  std::vector<double> x, f, df;  // x[k], f(x[k]), f'(x[k]) for k = 0..stoppedAt
  std::vector<double> g;         // the gradient step k uses (f'(x[k]) with noise and clipping as asked)
  std::vector<double> lr;        // the learning rate of step k; the last is the rate after the last step
  StopReason status = StopReason::maxSteps;
  std::string why;            // undefined: what was undefined where ("log(x) is undefined at x = -1: ...")
  std::size_t stoppedAt = 0;  // == x.size() - 1: the point where the run stopped is included
};

// N steps give N+1 points, fewer when a stop rule fires first (see Walk::stopReason). Throws SettingsError.
Trajectory run(const Function& fn, const RunSettings& settings);

// The same run recorded a piece at a time, for a caller that moves the path elsewhere as it goes (the
// WASM engine copies each piece into JS arrays) instead of holding all of it twice.
class RunInPieces {
 public:
  // Throws SettingsError, as run() does. fn must outlive this.
  RunInPieces(const Function& fn, const RunSettings& settings);
  // The columns of a path, each with room for the points asked of next().
  struct Columns {
    double *x, *f, *df, *g, *lr;
  };
  // Writes the next points (at most room) into the columns and answers how many: 0 once the run is over.
  // Nothing here throws, so the loop runs without exception bookkeeping (with JS-based exceptions in
  // WASM, a possibly-throwing call from a frame that owns memory goes through a JS trampoline).
  std::size_t next(const Columns& out, std::size_t room) noexcept;
  std::size_t points() const { return taken_; }  // written so far
  // Why the run stopped; only meaningful once next() has answered 0.
  StopReason status() const { return walk_.stopReason().value_or(StopReason::maxSteps); }
  // For a run that stopped as undefined, why, in words, at the point where it stopped; else empty.
  std::string why() const;

 private:
  const Function& fn_;
  long long steps_;
  Walk walk_;
  bool done_ = false;
  std::size_t taken_ = 0;
};

}  // namespace descent::optim
