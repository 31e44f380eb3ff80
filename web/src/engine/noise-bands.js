// With gradient noise one path is one draw of many. This job runs each path of an experiment again over
// BAND_SEEDS seeds (the request's seed and the ones after it) and reports, at the steps the experiment's
// thinned path keeps, the median and the 10%–90% band of f(x_k), and the median path: the median of x_k,
// with f there. Runs in the worker as the 'bands' request; between runs it yields, so the page's next
// experiment and a cancel message get through, and it reports how far it got.
import { compiledFunction, pathsOf, runSettings } from './experiment.js';
import { thinIndices } from './thin.js';

export const BAND_SEEDS = 20;
export const BAND_QUANTILES = [0.1, 0.5, 0.9];
const YIELD_EVERY_MS = 20;

// The p-quantile of sorted values, interpolated between neighbours (numpy's default).
function quantile(sorted, p) {
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

// A run's values at the kept steps. Past the step where it stopped, a diverged run counts as f = ∞ (it
// is above every band) and x unknown; a run that converged stays where it stopped; one that left the
// domain has no value.
function keptValues(run, kept) {
  const last = run.x.length - 1;
  const x = new Float64Array(kept.length);
  const f = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    if (k <= last) { x[i] = run.x[k]; f[i] = run.f[k]; continue; }
    const held = run.status === 'converged' || run.status === 'max-steps';
    x[i] = held ? run.x[last] : NaN;
    f[i] = held ? run.f[last] : (run.status === 'diverged' ? Infinity : NaN);
  }
  return { x, f };
}

// Per kept step, the quantiles of the seeds' values there (NaN where fewer than half the seeds have one).
function quantilesAcross(samples, count, quantiles) {
  const out = quantiles.map(() => new Float64Array(count));
  const column = [];
  for (let i = 0; i < count; i++) {
    column.length = 0;
    for (const sample of samples) if (!Number.isNaN(sample[i])) column.push(sample[i]);
    column.sort((a, b) => a - b);
    const enough = column.length * 2 >= samples.length && column.length > 0;
    quantiles.forEach((p, q) => { out[q][i] = enough ? quantile(column, p) : NaN; });
  }
  return out;
}

// The request's seed and the ones after it (before it, at the top of the seeds' range).
function seedsOf(engine, request) {
  const setting = engine.settings.run.find((s) => s.name === 'seed');
  const own = request.training?.seed ?? setting.default;
  const first = Math.min(own, setting.max - (BAND_SEEDS - 1));
  return { own, seeds: Array.from({ length: BAND_SEEDS }, (_, i) => first + i) };
}

export async function noiseBands(engine, request, job) {
  const paths = pathsOf(request);
  const { own: ownSeed, seeds } = seedsOf(engine, request);
  const total = paths.length * seeds.length;
  let yielded = performance.now();
  const collected = [];
  for (const [p, { method, eta }] of paths.entries()) {
    const settings = runSettings(request, method, eta);
    // The experiment's own run (its seed) decides which steps are kept, so the bands line up with it.
    const own = engine.run(settings);
    const kept = thinIndices(own.x, own.f);
    const xs = [];
    const fs = [];
    for (const [s, seed] of seeds.entries()) {
      const run = seed === ownSeed ? own : engine.run({ ...settings, seed });
      const values = keptValues(run, kept);
      xs.push(values.x);
      fs.push(values.f);
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        job.progress((p * seeds.length + s + 1) / total);
        await new Promise((resolve) => { setTimeout(resolve); });
        if (job.cancelled) return { cancelled: true };
        yielded = performance.now();
      }
    }
    const [fLow, fMedian, fHigh] = quantilesAcross(fs, kept.length, BAND_QUANTILES);
    const [xMedian] = quantilesAcross(xs, kept.length, [0.5]);
    collected.push({ k: kept, fLow, fMedian, fHigh, xMedian });
  }
  // f at the median path, after the last yield: the compiled function is not held across one.
  const fn = compiledFunction(engine, request.expression);
  const runs = collected.map((band) => {
    const { f } = fn.atMany(band.xMedian);
    return { ...band, fAtMedian: f.map((value, i) => (Number.isFinite(band.xMedian[i]) ? value : NaN)) };
  });
  return { seeds: [seeds[0], seeds.at(-1)], quantiles: BAND_QUANTILES, runs };
}

export function bandTransferables(answer) {
  if (!answer.runs) return [];
  return answer.runs.flatMap((run) => ['k', 'fLow', 'fMedian', 'fHigh', 'xMedian', 'fAtMedian'].map((key) => run[key].buffer));
}
