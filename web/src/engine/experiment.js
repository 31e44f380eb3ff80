// One experiment: compile the expression, run the optimizer once per step size, thin the paths for
// drawing and sample the curve over the range the paths call for. Runs inside the worker; everything it
// returns is plain data and typed arrays, so it crosses to the page without copying.
import { chooseXRange, chooseYRange } from './viewport.js';
import { pick, thinIndices } from './thin.js';
import { stepSizesAlong } from './step-sizes.js';
import { divergenceCause } from './step-causes.js';

const CURVE_SAMPLES = 600;
// How many steps before a divergence are looked at for its cause.
const CAUSE_WINDOW = 64;

function formula(printed) {
  return { text: printed.text, latex: printed.latex, mathml: printed.mathml };
}

function finalPoint(trajectory) {
  const last = Math.min(trajectory.stoppedAt, trajectory.x.length - 1);
  return { x: trajectory.x[last], f: trajectory.f[last], df: trajectory.df[last] };
}

// What engine.run is asked for one path of a request: its method with that method's hyperparameters, one
// step size, and the training settings every path shares. The noise bands and the CSV ask the same way.
export function runSettings(request, method, eta) {
  const parameters = request.parametersByMethod?.[method] ?? request.parameters;
  return {
    expression: request.expression, x0: request.x0, eta, steps: request.steps, method,
    ...parameters, ...request.training,
    ...(request.tolerance !== undefined ? { tolerance: request.tolerance } : {}),
  };
}

// The paths of a request, one per (method, η) pair, in the order the answer lists them.
export function pathsOf(request) {
  const methods = request.methods ?? [request.method];
  return methods.flatMap((method) => request.etas.map((eta) => ({ method, eta, compared: methods.length > 1 })));
}

// Why a run diverged, from the engine's account of the steps just before it did (step-causes.js).
function causeOfDivergence(engine, settings, trajectory) {
  if (trajectory.status !== 'diverged' || trajectory.stoppedAt < 1) return null;
  const count = Math.min(trajectory.stoppedAt, CAUSE_WINDOW);
  const steps = engine.describeSteps({ ...settings, from: trajectory.stoppedAt - count, count });
  return divergenceCause(settings.method, steps);
}

function runOne(engine, fn, request, { method, eta, compared }) {
  const settings = runSettings(request, method, eta);
  const trajectory = engine.run(settings);
  const kept = thinIndices(trajectory.x, trajectory.f);
  const run = {
    eta,
    status: trajectory.status,
    stoppedAt: trajectory.stoppedAt,
    steps: request.steps,
    final: finalPoint(trajectory),
    k: kept,
    x: pick(trajectory.x, kept),
    f: pick(trajectory.f, kept),
    df: pick(trajectory.df, kept),
    ...stepSizesAlong(fn, trajectory, kept),
    method,
    // Why it stopped, where the engine or its steps say: run.why in the engine's words for a run that
    // left the domain, run.cause for one that diverged.
    why: trajectory.why ?? null,
    cause: causeOfDivergence(engine, settings, trajectory),
  };
  // With several methods each run is labelled by both.
  return compared ? { ...run, label: `${method}, η = ${eta}` } : run;
}

// The stationary points in view, with the step-size thresholds that explain what the paths do near them.
function landmarksIn(fn, [a, b]) {
  const found = fn.stationaryPoints(a, b);
  return Array.from(found, ({ x, kind, f, d2f, etaMax, etaBest }) => ({ x, kind, f, d2f, etaMax, etaBest }));
}

// While x0 is dragged or η typed, f stays the same from one request to the next: the last compiled function
// is kept with its printed formulas and its stationary points for the last range, instead of compiling and
// searching again each time. One per engine, released as soon as f changes.
const lastFunction = new WeakMap(); // engine -> { expression, fn, formulas, range, landmarks }

function compiled(engine, expression) {
  const last = lastFunction.get(engine);
  if (last?.expression === expression) return last;
  const fn = engine.compile(expression);
  last?.fn.dispose();
  const entry = {
    expression, fn, formulas: { f: formula(fn), df: formula(fn.derivative), d2f: formula(fn.second) },
    range: null, landmarks: null,
  };
  lastFunction.set(engine, entry);
  return entry;
}

// The compiled f of the last request, for a job that follows an experiment with the same expression.
// Not to be held across a yield: the next experiment with another f disposes of it.
export function compiledFunction(engine, expression) {
  return compiled(engine, expression).fn;
}

function landmarksOf(entry, xRange) {
  if (!entry.range || entry.range[0] !== xRange[0] || entry.range[1] !== xRange[1]) {
    entry.range = xRange;
    entry.landmarks = landmarksIn(entry.fn, xRange);
  }
  return entry.landmarks;
}

// A function without x that has no finite value (1/0, log(0), sqrt(-1)) has nothing to descend: every run
// would stop at step 0. It is refused as an error in f, about the whole expression (column 0).
function refuseWithoutValue(fn, expression) {
  if (/\bx\b/.test(fn.text)) return;
  const { f } = fn.at(0);
  if (Number.isFinite(f)) return;
  const typed = expression.trim().length > 40 ? `${expression.trim().slice(0, 40)}…` : expression.trim();
  const value = Number.isNaN(f) ? 'undefined' : f > 0 ? '∞' : '−∞';
  throw Object.assign(new Error(`${typed} has no finite value anywhere: it is ${value} for every x, so there is no slope to follow. ` +
    'Type a function of x with finite values, e.g. x^2.'), { column: 0, openedAt: null });
}

export function runExperiment(engine, request) {
  const started = performance.now();
  // While another field is wrong the expression is still checked, so its error message stays current.
  const entry = compiled(engine, request.expression);
  refuseWithoutValue(entry.fn, request.expression);
  if (request.checkOnly) return { checkOnly: true };
  const { fn } = entry;
  const runs = pathsOf(request).map((path) => runOne(engine, fn, request, path));
  // A start where f or f′ is undefined is a mistake in x₀, not a run: it is refused on that field.
  if (runs.every((run) => run.status === 'undefined' && run.stoppedAt === 0)) {
    // A plain Error with .setting, as engine.js's SettingsError is: the worker reports it the same way.
    throw Object.assign(new Error(runs[0].why ?? `f is undefined at x0 = ${request.x0}`), { setting: 'x0' });
  }
  const xRange = chooseXRange(runs, request.x0, request.xRange);
  const curve = fn.sample(xRange[0], xRange[1], CURVE_SAMPLES);
  const yRange = chooseYRange(curve.f, runs, xRange);
  return {
    formulas: entry.formulas,
    start: { x: request.x0, f: fn.at(request.x0).f },
    runs,
    curve: { x: curve.x, f: curve.f },
    xRange,
    yRange,
    landmarks: landmarksOf(entry, xRange),
    elapsed: performance.now() - started,
  };
}

export function transferablesOf(answer) {
  if (answer.checkOnly || !answer.curve) return [];
  const buffers = [answer.curve.x.buffer, answer.curve.f.buffer];
  for (const run of answer.runs) {
    for (const key of ['k', 'x', 'f', 'df', 'lr', 'etaMax', 'taken']) buffers.push(run[key].buffer);
  }
  return buffers;
}
