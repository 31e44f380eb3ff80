#include "optim/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "optim/method.hpp"

namespace descent::optim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kFlatTolerance = 1e-10;
constexpr int kMaxGoldenIterations = 200;

int signOf(double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }  // NaN counts as no sign

struct Grid {
  double a, b, h;
  int cells;
  double x(int i) const { return i == cells ? b : a + h * i; }
};

Grid makeGrid(double a, double b, int cells) {
  if (!(std::isfinite(a) && std::isfinite(b) && a < b && std::isfinite(b - a))) {
    throw SettingsError("b", "the interval must be finite numbers a < b");
  }
  if (cells < 2 || cells > kMaxAnalysisCells) {
    throw SettingsError("cells",
                        "the grid must have between 2 and " + std::to_string(kMaxAnalysisCells) + " cells");
  }
  double h = (b - a) / cells;
  if (h < 4 * std::numeric_limits<double>::epsilon() * std::max(std::abs(a), std::abs(b))) {
    throw SettingsError("b", "the interval is too narrow for its grid: widen it or move it nearer to 0");
  }
  return {a, b, h, cells};
}

// The point of [lo, hi] where f' changes sign, to the last bit: f' has sign `signLo` at lo.
double bisectSlope(const Function& fn, double lo, double hi, int signLo) {
  for (;;) {
    double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    int s = signOf(fn.df(mid));
    if (s == 0) return mid;
    (s == signLo ? lo : hi) = mid;
  }
  return std::abs(fn.df(lo)) <= std::abs(fn.df(hi)) ? lo : hi;
}

// The point of [lo, hi] where |f'| is smallest, by golden section.
double minimiseAbsSlope(const Function& fn, double lo, double hi) {
  auto size = [&](double x) { return std::abs(fn.df(x)); };
  const double invGolden = (std::sqrt(5.0) - 1) / 2;
  double c = hi - invGolden * (hi - lo), d = lo + invGolden * (hi - lo);
  double sc = size(c), sd = size(d);
  for (int i = 0; i < kMaxGoldenIterations && c < d; ++i) {
    if (sc <= sd) {
      hi = d, d = c, sd = sc;
      c = hi - invGolden * (hi - lo), sc = size(c);
    } else {
      lo = c, c = d, sc = sd;
      d = lo + invGolden * (hi - lo), sd = size(d);
    }
  }
  return sc <= sd ? c : d;
}

PointKind kindOf(int left, int right) {
  if (left < 0 && right > 0) return PointKind::min;
  if (left > 0 && right < 0) return PointKind::max;
  return PointKind::flat;
}

StationaryPoint pointAt(const Function& fn, double x, PointKind kind) {
  Values v = fn.at(x);
  double etaMax = kNaN, etaBest = kNaN;
  if (kind == PointKind::min) {
    etaMax = v.d2f > 0 ? 2 / v.d2f : std::numeric_limits<double>::infinity();
    etaBest = v.d2f > 0 ? 1 / v.d2f : kNaN;
  }
  return {x, kind, v.f, v.d2f, etaMax, etaBest};
}

// Merges points closer than half a cell, keeping a min or max over a flat point.
std::vector<StationaryPoint> deduplicated(std::vector<StationaryPoint> points, double h) {
  // Nearly in order already (each point lies in or next to the cell it was found in), so an insertion
  // sort takes one pass; std::sort would add 12 KB to the WASM engine.
  for (std::size_t i = 1; i < points.size(); ++i) {
    for (std::size_t j = i; j > 0 && points[j].x < points[j - 1].x; --j) std::swap(points[j], points[j - 1]);
  }
  std::vector<StationaryPoint> kept;
  for (const auto& p : points) {
    if (!kept.empty() && p.x - kept.back().x <= h / 2) {
      if (kept.back().kind == PointKind::flat) kept.back() = p;
      continue;
    }
    kept.push_back(p);
  }
  return kept;
}

}  // namespace

const char* nameOf(PointKind kind) {
  switch (kind) {
    case PointKind::min:
      return "min";
    case PointKind::max:
      return "max";
    case PointKind::flat:
      return "flat";
  }
  return "?";
}

std::vector<StationaryPoint> stationaryPoints(const Function& fn, double a, double b, int cells) {
  Grid grid = makeGrid(a, b, cells);
  std::vector<double> at(static_cast<std::size_t>(cells) + 1), slope(at.size());
  for (int i = 0; i <= cells; ++i) at[i] = grid.x(i);
  fn.slopes(at.data(), slope.data(), at.size());
  double largest = 1;
  for (int i = 0; i <= cells; ++i) {
    if (std::isfinite(slope[i])) largest = std::max(largest, std::abs(slope[i]));
  }
  auto sideSign = [&](int i) { return i < 0 || i > cells ? 0 : signOf(slope[i]); };

  std::vector<StationaryPoint> points;
  for (int i = 0; i <= cells; ++i) {
    if (slope[i] == 0) {
      int j = i;
      while (j < cells && slope[j + 1] == 0) ++j;
      int left = sideSign(i - 1), right = sideSign(j + 1);
      if (i == 0) left = -right;
      if (j == cells) right = -left;
      points.push_back(pointAt(fn, grid.x(i + (j - i) / 2), kindOf(left, right)));
      i = j;
      continue;
    }
    if (i == cells || !std::isfinite(slope[i]) || !std::isfinite(slope[i + 1])) continue;
    int s = signOf(slope[i]), t = signOf(slope[i + 1]);
    if (s * t < 0) {
      double x = bisectSlope(fn, grid.x(i), grid.x(i + 1), s);
      // A pole (f' = 1/x) also changes sign; a root is where |f'| is smaller than at the cell's ends.
      if (std::abs(fn.df(x)) <= std::max(std::abs(slope[i]), std::abs(slope[i + 1]))) {
        points.push_back(pointAt(fn, x, kindOf(s, t)));
      }
    } else if (i > 0 && t != 0 && signOf(slope[i - 1]) == s && s == t &&
               std::abs(slope[i]) <= std::abs(slope[i - 1]) && std::abs(slope[i]) < std::abs(slope[i + 1])) {
      double x = minimiseAbsSlope(fn, grid.x(i - 1), grid.x(i + 1));
      if (std::abs(fn.df(x)) <= kFlatTolerance * largest) points.push_back(pointAt(fn, x, PointKind::flat));
    }
  }
  return deduplicated(std::move(points), grid.h);
}

}  // namespace descent::optim
