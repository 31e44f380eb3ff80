// The WASM engine in Node (dist/engine.js), each figure against a peer timed in the same process:
//   run:          one engine.run of 10^6 gradient-descent steps, against the same loop hand-written in JS
//                 and against the loop written over mathjs (compile + derivative; run for 10^5 steps, scaled);
//                 one engine.run of 1,000 steps, against the same walk with no path kept (per 1,000 steps of
//                 the 10^6-step multi-start of one start): what a call costs beyond the maths
//   interaction:  what one edit on the page asks of the engine (3 paths x 1,000 steps, 1,000 curve
//                 samples, stationary points), against the same work hand-written in JS
//   sweep:        the step-size sweep (400 step sizes x 1,000 iterates), against the same loop in JS
// Usage: node bench/engine.mjs [out.json]. Prints medians; writes them as JSON when given a path.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const EXPRESSION = 'x^4 - 3x^2 + 2';
const f = (x) => { const x2 = x * x; return x2 * x2 - 3 * x2 + 2; };
const df = (x) => 4 * x * x * x - 6 * x;
const d2f = (x) => 12 * x * x - 6;

const RUN_STEPS = 1_000_000;
const CALL_STEPS = 1000;
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

// Median CPU times in ms of one call of each of two works, their samples taken in turn (a, b, a, b, ...) so
// that both meet the same load on a shared machine and their ratio is steadier than two separate medians.
function timePair(a, b, repeats, warmup, batchA, batchB) {
  for (let i = 0; i < warmup; ++i) checksum += a() + b();
  const sample = (work, batch) => {
    const start = process.cpuUsage();
    for (let j = 0; j < batch; ++j) checksum += work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / batch;
  };
  const timesA = [], timesB = [];
  for (let i = 0; i < repeats; ++i) {
    timesA.push(sample(a, batchA));
    timesB.push(sample(b, batchB));
  }
  return [median(timesA), median(timesB)];
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

// mathjs is imported for its own row only, after every other row: loaded, it holds some 30 MB of live heap,
// and then each full collection that the paths' ArrayBuffers set off costs 6-9 ms where it costs under
// 1 ms in a process (or a page's worker) holding only the engine.
let compile, derivative;
async function loadMathjs() {
  ({ compile, derivative } = await import('mathjs'));
}

// The run loop over mathjs's compiled f and f'.
function mathjsLoop(steps) {
  const value = compile(EXPRESSION);
  const slope = derivative(EXPRESSION, 'x').compile();
  const scope = { x: 0 };
  return handRun(steps, (x) => { scope.x = x; return slope.evaluate(scope); },
    (x) => { scope.x = x; return value.evaluate(scope); });
}

// Stationary points of f on [a, b] as the engine finds them: a grid point where f' is 0, or a sign change of
// f' between two grid points narrowed by bisection to the last bit; the grid has the engine's 4,000 cells
// (cpp/optim/analysis.hpp). Before #16 this peer took a quarter of the engine's grid and 60 halvings.
function handStationary(a, b, grid = 4000) {
  const found = [];
  const point = (x) => {
    const curvature = d2f(x);
    found.push({ x, f: f(x), d2f: curvature, kind: curvature > 0 ? 'min' : 'max', etaMax: 2 / Math.abs(curvature) });
  };
  let left = a, gl = df(a);
  if (gl === 0) point(a);
  for (let i = 1; i <= grid; ++i) {
    const right = i === grid ? b : a + ((b - a) * i) / grid, gr = df(right);
    if (gr === 0) {
      point(right);
    } else if (gl * gr < 0) {
      let lo = left, hi = right;
      for (;;) {
        const mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        if ((df(mid) < 0) === (gl < 0)) lo = mid; else hi = mid;
      }
      point(Math.abs(df(lo)) <= Math.abs(df(hi)) ? lo : hi);
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
  const fn = engine.compile(EXPRESSION);
  const points = fn.stationaryPoints(-3, 3), handPoints = handStationary(-3, 3);
  fn.dispose();
  if (points.length !== handPoints.length || points.some((p, i) => Math.abs(p.x - handPoints[i].x) > 1e-12)) {
    throw new Error('engine and hand-written JS stationary points disagree');
  }

  // The first long runs of a fresh engine pay once for V8 compiling the engine's hot code optimized and
  // for the heap growing to hold the path: the first is timed on its own, then the steady state after
  // five more untimed runs (the hand-written loop gets the same warm-up).
  const walk = () => engine.multiStart({ expression: EXPRESSION, a: X0, b: X0 + 1e-9, count: 1, seed: 1, eta: ETA,
    steps: RUN_STEPS, method: 'gd' }).final[0];
  const engineRun = () => engine.run({ expression: EXPRESSION, x0: X0, eta: ETA, steps: RUN_STEPS, method: 'gd' }).x[RUN_STEPS];
  const run = {
    steps: RUN_STEPS,
    firstEngineMs: time(engineRun, 1, 0),
    engineMs: time(engineRun, 11, 5),
    handMs: time(() => handRun(RUN_STEPS), 11, 5),
    // The same walk without the path: a multi-start of one start (drawn within 1e-9 of x0) keeps only
    // where it ended. The difference to engineMs is the cost of handing 3 x 8 MB of path to JS.
    walkMs: time(walk, 11, 5),
  };
  run.stepsPerSecond = RUN_STEPS / (run.engineMs / 1000);
  // A 1,000-step run call, as a drag or a keystroke asks for one path (samples of 400 calls), against the
  // walk's own time for 1,000 steps (the multi-start of one start above, 10^6 steps, per 1,000), the two
  // sampled in turn 21 times after 200 untimed calls and 2 untimed walks.
  run.callSteps = CALL_STEPS;
  const call = () => engine.run({ expression: EXPRESSION, x0: X0, eta: ETA, steps: CALL_STEPS, method: 'gd' }).x[CALL_STEPS];
  for (let i = 0; i < 200; ++i) checksum += call();
  const [callMs, pairedWalkMs] = timePair(call, walk, 21, 2, 400, 1);
  run.callMs = callMs;
  run.walkPerCallMs = (pairedWalkMs * CALL_STEPS) / RUN_STEPS;

  // Both after 1,000 untimed calls, then sampled in turn. V8 compiles the engine's WebAssembly first with
  // its baseline compiler and optimizes a function only once it has run for a while: parsing and printing
  // f run once per call, and after 100 calls they still ran partly unoptimized (0.25 ms a call against
  // 0.17 ms after some thousands). A page's worker gets there after some seconds of dragging and typing.
  const [interactionMs, handInteractionMs] = timePair(() => engineInteraction(engine), handInteraction, 21, 1000, 20, 20);
  const interaction = { engineMs: interactionMs, handMs: handInteractionMs };
  const sweep = {
    columns: SWEEP.count,
    iterates: SWEEP.burnIn + SWEEP.keep,
    engineMs: time(() => engine.sweep(SWEEP).x[0], 9),
    handMs: time(handSweep, 9),
  };
  await loadMathjs();
  run.mathjsSteps = MATHJS_STEPS;
  run.mathjsMs = (time(() => mathjsLoop(MATHJS_STEPS), 3, 1) * RUN_STEPS) / MATHJS_STEPS;
  return { run, interaction, sweep, checksum: Number.isFinite(checksum) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureEngine();
  console.log(JSON.stringify(results, null, 2));
  if (process.argv[2]) await writeFile(process.argv[2], JSON.stringify(results, null, 2));
}
