// The worker's jobs for the two long analyses: many seeded random starts, and the step-size sweep. Both
// yield between pieces of work (a sweep every few columns, many starts after each method and step size),
// so a cancel message can arrive and stop them, and they report how far they got. worker.js runs these as
// the 'multistart' and 'sweep' requests.
import { runSettings } from './experiment.js';

const SWEEP_CHUNK = 8;

const yieldToMessages = () => new Promise((resolve) => { setTimeout(resolve); });

// The minima between a and b, where the runs are grouped, with the thresholds that explain them.
function minimaIn(engine, expression, a, b) {
  const fn = engine.compile(expression);
  try {
    return fn.stationaryPoints(a, b).map(({ x, kind, f, d2f, etaMax, etaBest }) => ({ x, kind, f, d2f, etaMax, etaBest }));
  } finally {
    fn.dispose();
  }
}

// Every chosen method (request.methods, each with its hyperparameters in request.parametersByMethod) at
// every step size, from the same seeded starts, with the training settings the experiment uses, so the
// methods' histograms compare start for start. A method that takes no step size runs once.
export async function multiStart(engine, request, job) {
  const { expression, a, b, count, seed } = request;
  const landmarks = minimaIn(engine, expression, a, b);
  const methods = request.methods ?? [request.method];
  const pairs = methods.flatMap((method) => (takesStepSize(engine, method) ? request.etas : request.etas.slice(0, 1))
    .map((eta) => ({ method, eta })));
  const runs = [];
  for (const { method, eta } of pairs) {
    const result = engine.multiStart({ ...runSettings(request, method, eta), a, b, count, seed });
    runs.push({ method, eta, x0: Float64Array.from(result.x0), final: Float64Array.from(result.final), status: [...result.status] });
    if (runs.length === pairs.length) break;
    job?.progress(runs.length / pairs.length);
    await yieldToMessages();
    if (job?.cancelled) return { kind: 'multistart', cancelled: true };
  }
  return { kind: 'multistart', a, b, count, seed, methods, landmarks, runs };
}

function takesStepSize(engine, method) {
  return engine.settings.methods.find((m) => m.name === method)?.usesEta ?? true;
}

// `job` is the worker's handle on this request: progress(fraction) reports to the page, and `cancelled`
// turns true once the page has cancelled it.
export async function sweep(engine, request, job) {
  const { expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, xRange } = request;
  const progress = engine.openSweep({ expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, ...request.parameters });
  try {
    while (!progress.next(SWEEP_CHUNK)) {
      job.progress(progress.done / progress.count);
      await yieldToMessages();
      if (job.cancelled) {
        return { kind: 'sweep', cancelled: true, done: progress.done, count: progress.count };
      }
    }
  } finally {
    progress.cancel();
  }
  const result = progress.result();
  const landmarks = minimaIn(engine, expression, xRange[0], xRange[1]);
  return { kind: 'sweep', eta: result.eta, x: result.x, keep: result.keep, status: result.status, landmarks, scale };
}
