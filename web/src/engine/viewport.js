// Chooses what part of the plane the path chart shows. The x range covers the paths that stayed finite (a
// diverged run would stretch it to 1e100 and flatten everything else), so a diverging path is seen leaving
// the chart. The y range covers the curve over that x range, except that a few runaway values (near a pole
// of 1/x, say) do not get to squash the rest.

const PAD = 0.08;

function extent(values, into = [Infinity, -Infinity]) {
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < into[0]) into[0] = v;
    if (v > into[1]) into[1] = v;
  }
  return into;
}

function padded([low, high], fraction) {
  if (!(low <= high)) return null;
  const width = high - low;
  if (width === 0 || width < 1e-9 * Math.max(Math.abs(low), Math.abs(high))) {
    const half = Math.max(1, Math.abs(low)) * 0.5;
    return [low - half, high + half];
  }
  return [low - width * fraction, high + width * fraction];
}

const settled = (run) => run.status === 'max-steps' || run.status === 'converged';

function within([low, high], values) {
  return values.every((v) => !Number.isFinite(v) || (v >= low && v <= high));
}

// Paths to frame: those that ran their course; when none did, the first step of each, to show where it
// jumped. A run that left the domain is framed up to where it left, unless it had flown far away first.
function framedX(runs, x0) {
  const range = [x0, x0];
  const calm = runs.filter(settled);
  if (calm.length > 0) for (const run of calm) extent(run.x, range);
  else for (const run of runs) extent(run.x.subarray(0, 2), range);
  const reach = 10 * Math.max(range[1] - range[0], 1, Math.abs(x0) / 2);
  const window = [range[0] - reach, range[1] + reach];
  for (const run of runs) {
    if (run.status === 'undefined' && within(window, run.x)) extent(run.x, range);
  }
  return range;
}

export function chooseXRange(runs, x0, [left, right]) {
  const auto = padded(framedX(runs, x0), PAD * 1.5);
  const low = left ?? (right !== null && right <= auto[0] ? right - (auto[1] - auto[0]) : auto[0]);
  const high = right ?? (low >= auto[1] ? low + (auto[1] - auto[0]) : auto[1]);
  return [low, high];
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

export function chooseYRange(curveF, runs, [low, high]) {
  const finite = Float64Array.from(curveF.filter(Number.isFinite)).sort();
  let range = [Infinity, -Infinity];
  if (finite.length > 0) {
    range = [finite[0], finite[finite.length - 1]];
    const core = [quantile(finite, 0.05), quantile(finite, 0.95)];
    const coreWidth = core[1] - core[0];
    if (coreWidth > 0 && range[1] - range[0] > 20 * coreWidth) range = core;
  }
  for (const run of runs) {
    if (!settled(run)) continue;
    for (let i = 0; i < run.x.length; i++) {
      if (run.x[i] >= low && run.x[i] <= high) extent([run.f[i]], range);
    }
  }
  return padded(range, PAD) ?? [-1, 1];
}
