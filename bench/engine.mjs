// The WASM engine in Node (dist/engine.js), each figure against a peer timed in the same process:
//   run:          one engine.run of 10^6 gradient-descent steps, against the same loop hand-written in JS
//                 and against the loop written over mathjs (compile + derivative; run for 10^5 steps, scaled)
//   interaction:  what one edit on the page asks of the engine (3 paths x 1,000 steps, 1,000 curve
//                 samples, stationary points), against the same work hand-written in JS
//   sweep:        the step-size sweep (400 step sizes x 1,000 iterates), against the same loop in JS
// Usage: node bench/engine.mjs [out.json]. Prints medians; writes them as JSON when given a path.
import { writeFile } from 'node:fs/promises';
import { compile, derivative } from 'mathjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const EXPRESSION = 'x^4 - 3x^2 + 2';
const f = (x) => { const x2 = x * x; return x2 * x2 - 3 * x2 + 2; };
const df = (x) => 4 * x * x * x - 6 * x;
const d2f = (x) => 12 * x * x - 6;

const RUN_STEPS = 1_000_000;
const MATHJS_STEPS = 100_000;
const X0 = -2.5;
const ETA = 0.01;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Median CPU time in ms of one call, over `repeats` samples of `batch` calls each, after `warmup` untimed
// calls. CPU time rather than wall time: the machine may be shared, and waiting for a core is not work.
// The checksum keeps every result alive.
let checksum = 0;
function time(work, repeats, warmup = 2, batch = 1) {
  for (let i = 0; i < warmup; ++i) checksum += work();
  const times = [];
  for (let i = 0; i < repeats; ++i) {
    const start = process.cpuUsage();
    for (let j = 0; j < batch; ++j) checksum += work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000 / batch);
  }
  return median(times);
}

// The engine's run loop as plain JS: the same path arrays, the same stop test.
function handRun(steps, grad = df, value = f) {
  const xs = new Float64Array(steps + 1), fs = new Float64Array(steps + 1), dfs = new Float64Array(steps + 1);
  let x = X0;
  let k = 0;
  for (;;) {
    const fx = value(x), g = grad(x);
    xs[k] = x; fs[k] = fx; dfs[k] = g;
    if (!Number.isFinite(x) || !Number.isFinite(fx) || Number.isNaN(g) || k === steps) break;
    x -= ETA * g;
    ++k;
  }
  return xs[k];
}

function mathjsRun(steps) {
  const value = compile(EXPRESSION);
  const slope = derivative(EXPRESSION, 'x').compile();
  const scope = { x: 0 };
  return handRun(steps, (x) => { scope.x = x; return slope.evaluate(scope); },
    (x) => { scope.x = x; return value.evaluate(scope); });
}

// Stationary points of f on [a, b] as the engine finds them: sign changes of f' on a grid, then bisection.
function handStationary(a, b, grid = 1000) {
  const found = [];
  let left = a, gl = df(a);
  for (let i = 1; i <= grid; ++i) {
    const right = a + ((b - a) * i) / grid, gr = df(right);
    if (gl === 0 || gl * gr < 0) {
      let lo = left, hi = right;
      for (let j = 0; j < 60; ++j) {
        const mid = (lo + hi) / 2;
        if (df(lo) * df(mid) <= 0) hi = mid; else lo = mid;
      }
      const x = (lo + hi) / 2, curvature = d2f(x);
      found.push({ x, f: f(x), d2f: curvature, kind: curvature > 0 ? 'min' : 'max', etaMax: 2 / Math.abs(curvature) });
    }
    left = right; gl = gr;
  }
  return found;
}

const INTERACTION_ETAS = [0.01, 0.05, 0.1];

function engineInteraction(engine) {
  const fn = engine.compile(EXPRESSION);
  try {
    let sum = 0;
    for (const eta of INTERACTION_ETAS) {
      const path = fn.run({ x0: X0, eta, steps: 1000, method: 'gd' });
      sum += path.x[path.stoppedAt];
    }
    const curve = fn.sample(-3, 3, 1000);
    const points = fn.stationaryPoints(-3, 3);
    return sum + curve.f[500] + points.length;
  } finally {
    fn.dispose();
  }
}

function handInteraction() {
  let sum = 0;
  for (const eta of INTERACTION_ETAS) {
    const xs = new Float64Array(1001), fs = new Float64Array(1001), dfs = new Float64Array(1001);
    let x = X0;
    for (let k = 0; k <= 1000; ++k) {
      const g = df(x);
      xs[k] = x; fs[k] = f(x); dfs[k] = g;
      x -= eta * g;
    }
    sum += xs[1000];
  }
  const cx = new Float64Array(1000), cf = new Float64Array(1000);
  for (let i = 0; i < 1000; ++i) { cx[i] = -3 + (6 * i) / 999; cf[i] = f(cx[i]); }
  return sum + cf[500] + handStationary(-3, 3).length;
}

const SWEEP = { expression: EXPRESSION, x0: X0, etaMin: 1e-3, etaMax: 0.6, count: 400, scale: 'log', burnIn: 950, keep: 50, method: 'gd' };

function handSweep() {
  const { count, burnIn, keep, etaMin, etaMax } = SWEEP;
  const out = new Float64Array(count * keep);
  for (let i = 0; i < count; ++i) {
    const eta = Math.exp(Math.log(etaMin) + ((Math.log(etaMax) - Math.log(etaMin)) * i) / (count - 1));
    let x = X0;
    for (let k = 0; k < burnIn + keep; ++k) {
      if (k >= burnIn) out[i * keep + k - burnIn] = x;
      const g = df(x);
      if (!Number.isFinite(x) || Number.isNaN(g)) break;
      x -= eta * g;
    }
  }
  return out[out.length - 1] || 0;
}

// The engine under test: dist/engine.js, or the copy DESCENT_DIST names.
async function loadBuiltEngine() {
  const dist = process.env.DESCENT_DIST ?? new URL('../dist', import.meta.url).pathname;
  const { loadEngine } = await import(pathToFileURL(path.join(dist, 'engine.js')).href);
  return loadEngine();
}

export async function measureEngine() {
  const engine = await loadBuiltEngine();
  const check = engine.run({ expression: EXPRESSION, x0: X0, eta: ETA, steps: 1000, method: 'gd' });
  if (Math.abs(check.x[1000] - handRun(1000)) > 1e-12) throw new Error('engine and hand-written JS paths disagree');

  // The first long runs of a fresh engine pay once for V8 compiling the engine's hot code optimized and
  // for the heap growing to hold the path: the first is timed on its own, then the steady state after
  // five more untimed runs (the hand-written loop gets the same warm-up).
  const engineRun = () => engine.run({ expression: EXPRESSION, x0: X0, eta: ETA, steps: RUN_STEPS, method: 'gd' }).x[RUN_STEPS];
  const run = {
    steps: RUN_STEPS,
    firstEngineMs: time(engineRun, 1, 0),
    engineMs: time(engineRun, 11, 5),
    handMs: time(() => handRun(RUN_STEPS), 11, 5),
    // The same walk without the path: a multi-start of one start (drawn within 1e-9 of x0) keeps only
    // where it ended. The difference to engineMs is the cost of handing 3 x 8 MB of path to JS.
    walkMs: time(() => engine.multiStart({ expression: EXPRESSION, a: X0, b: X0 + 1e-9, count: 1, seed: 1, eta: ETA,
      steps: RUN_STEPS, method: 'gd' }).final[0], 11, 5),
    mathjsSteps: MATHJS_STEPS,
    mathjsMs: (time(() => mathjsRun(MATHJS_STEPS), 3, 1) * RUN_STEPS) / MATHJS_STEPS,
  };
  run.stepsPerSecond = RUN_STEPS / (run.engineMs / 1000);

  const interaction = { engineMs: time(() => engineInteraction(engine), 21, 5, 20), handMs: time(handInteraction, 21, 5, 20) };
  const sweep = {
    columns: SWEEP.count,
    iterates: SWEEP.burnIn + SWEEP.keep,
    engineMs: time(() => engine.sweep(SWEEP).x[0], 9),
    handMs: time(handSweep, 9),
  };
  return { run, interaction, sweep, checksum: Number.isFinite(checksum) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureEngine();
  console.log(JSON.stringify(results, null, 2));
  if (process.argv[2]) await writeFile(process.argv[2], JSON.stringify(results, null, 2));
}
