#pragma once
// Where f' = 0 on an interval, what kind of point each is, and the step sizes gradient descent can use there.
#include <vector>

#include "expr/function.hpp"
#include "optim/settings.hpp"

namespace descent::optim {

constexpr int kDefaultAnalysisCells = 4000;

enum class PointKind { min, max, flat };

// "min", "max", "flat".
const char* nameOf(PointKind kind);

struct StationaryPoint {
  double x;
  PointKind kind;  // by the sign change of f' across x: - to + is min, + to - is max, none is flat
  double f;
  double d2f;
  // For a min with f'' > 0: gradient descent converges to x from nearby exactly when eta < etaMax = 2/f'',
  // and fastest (in one step on the local parabola) at etaBest = 1/f''.
  // For a min with f'' <= 0 (a flat bottom such as x^4) the curvature sets no limit: etaMax = +inf and
  // etaBest = NaN. For a max or a flat point gradient descent does not settle there: both are NaN.
  double etaMax;
  double etaBest;
};

// Finds the stationary points in [a, b] in increasing x: sign changes of f' on a grid of `cells` cells,
// refined by bisection to full precision, plus points where f' touches zero without changing sign (a grid
// zero, or a local minimum of |f'| that refines to |f'| <= 1e-10 * max(1, max |f'| on the grid)). A run of
// grid points where f' is exactly 0 (a constant stretch) counts as one point in its middle. At an end of
// the interval the kind is judged from the one side there is.
// Throws SettingsError unless a < b are finite, b - a is finite and cells (2..kMaxAnalysisCells) still
// leave distinct grid points.
std::vector<StationaryPoint> stationaryPoints(const Function& fn, double a, double b,
                                              int cells = kDefaultAnalysisCells);

}  // namespace descent::optim
