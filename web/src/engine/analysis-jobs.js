// The worker's jobs for the two long analyses: many seeded random starts, and the step-size sweep. A sweep
// is computed a few columns at a time; between chunks it yields, so a cancel message can arrive and stop
// it, and it reports how far it got. worker.js runs these as the 'multistart' and 'sweep' requests.
const SWEEP_CHUNK = 8;

function parametersFor(request) {
  return { ...request.parameters, ...(request.tolerance !== undefined ? { tolerance: request.tolerance } : {}) };
}

// The minima between a and b, where the runs are grouped, with the thresholds that explain them.
function minimaIn(engine, expression, a, b) {
  const fn = engine.compile(expression);
  try {
    return fn.stationaryPoints(a, b).map(({ x, kind, f, d2f, etaMax, etaBest }) => ({ x, kind, f, d2f, etaMax, etaBest }));
  } finally {
    fn.dispose();
  }
}

export function multiStart(engine, request) {
  const { expression, a, b, count, seed, steps, method } = request;
  const landmarks = minimaIn(engine, expression, a, b);
  const runs = request.etas.map((eta) => {
    const result = engine.multiStart({ expression, a, b, count, seed, eta, steps, method, ...parametersFor(request) });
    return { eta, x0: Float64Array.from(result.x0), final: Float64Array.from(result.final), status: [...result.status] };
  });
  return { kind: 'multistart', a, b, count, seed, landmarks, runs };
}

// `job` is the worker's handle on this request: progress(fraction) reports to the page, and `cancelled`
// turns true once the page has cancelled it.
export async function sweep(engine, request, job) {
  const { expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, xRange } = request;
  const progress = engine.openSweep({ expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, ...request.parameters });
  try {
    while (!progress.next(SWEEP_CHUNK)) {
      job.progress(progress.done / progress.count);
      await new Promise((resolve) => setTimeout(resolve));
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
