// A long run has far more points than a chart can show. Chart.js's own decimation only thins data with a
// sorted x axis, and a descent path doubles back on itself, so paths are thinned by step index instead:
// the steps are cut into buckets and each bucket keeps the steps where x and f(x) reach their extremes.
// The first and last steps always stay, so the start and the end of a path are drawn where they are.

export const DRAWN_POINTS = 2000;

export function thinIndices(x, f, limit = DRAWN_POINTS) {
  const n = x.length;
  if (n <= limit) return Uint32Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((limit - 2) / 4));
  const keep = new Set([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    for (const i of extremesIn(x, start, end)) keep.add(i);
    for (const i of extremesIn(f, start, end)) keep.add(i);
  }
  return Uint32Array.from(keep).sort();
}

function extremesIn(values, start, end) {
  let low = -1;
  let high = -1;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (low < 0 || v < values[low]) low = i;
    if (high < 0 || v > values[high]) high = i;
  }
  return low < 0 ? [] : [low, high];
}

export function pick(values, indices) {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}
