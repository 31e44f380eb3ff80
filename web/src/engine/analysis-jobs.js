// The worker's side of the two long analyses: many seeded random starts, and the step-size sweep. A sweep
// is computed a few columns at a time; between chunks the worker yields, so a cancel message can arrive
// and stop it, and the page hears how far it got.
const SWEEP_CHUNK = 8;
const cancelled = new Set();

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

function multiStart(engine, request) {
  const { expression, a, b, count, seed, steps, method } = request;
  const landmarks = minimaIn(engine, expression, a, b);
  const runs = request.etas.map((eta) => {
    const result = engine.multiStart({ expression, a, b, count, seed, eta, steps, method, ...parametersFor(request) });
    return { eta, x0: Float64Array.from(result.x0), final: Float64Array.from(result.final), status: [...result.status] };
  });
  return { kind: 'multistart', a, b, count, seed, landmarks, runs };
}

async function sweep(engine, id, request, post) {
  const { expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, xRange } = request;
  const progress = engine.openSweep({ expression, x0, etaMin, etaMax, count, scale, burnIn, keep, method, ...request.parameters });
  try {
    while (!progress.next(SWEEP_CHUNK)) {
      post({ id, progress: progress.done / progress.count });
      await new Promise((resolve) => setTimeout(resolve));
      if (cancelled.has(id)) {
        cancelled.delete(id);
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

export function isAnalysisMessage(data) {
  return data && (data.cancel !== undefined || data.request?.kind === 'multistart' || data.request?.kind === 'sweep');
}

// Answers one analysis message; `post(message, transfer)` sends to the page.
export async function handleAnalysis(engine, data, post) {
  if (data.cancel !== undefined) {
    cancelled.add(data.cancel);
    return;
  }
  const { id, request } = data;
  try {
    const answer = request.kind === 'sweep' ? await sweep(engine, id, request, post) : multiStart(engine, request);
    post({ id, ok: true, answer });
  } catch (error) {
    post({ id, ok: false, kind: 'settings', message: error instanceof Error ? error.message : String(error) });
  }
}
