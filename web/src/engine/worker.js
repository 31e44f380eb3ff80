// The engine runs here, off the page's thread, so a million-step run never freezes the page. This is the
// worker's half of the one protocol between the page and a worker (engine-client.js is the page's half):
//
//   page -> worker  { type: 'run', id, request }    request.kind picks the job: 'experiment' (the default),
//                                                   'csv', 'bands', 'multistart', 'sweep' or 'steps'
//                   { type: 'cancel', id }          that job's answer is no longer wanted: a job that yields
//                                                   (the sweep, the bands) stops at its next yield, and none is answered
//   worker -> page  { type: 'started' }             once, as soon as this script runs
//                   { type: 'progress', id, fraction }               from a job that yields, 0 to 1
//                   { type: 'answer', id, ok: true, answer }
//                   { type: 'answer', id, ok: false, kind, message, column?, openedAt?, setting? }
//                                                   kind: 'expression' (column says where, 1-based; 0 when
//                                                   the whole expression is at fault), 'settings'
//                                                   (setting names it as engine.settings does), 'engine'
//
// Requests carry ids; the page decides which answers are still wanted.
import { loadEngine } from './engine.js';
import { runExperiment, transferablesOf } from './experiment.js';
import { trajectoryCsv } from './trajectories.js';
import { bandTransferables, noiseBands } from './noise-bands.js';
import { multiStart, sweep } from './analysis-jobs.js';
import { describedSteps } from './described-steps.js';

// The first experiment costs tens of times what later ones do (the browser compiles the engine's wasm
// functions and this script's hot paths when they are first called), so a small one is run as soon as the
// engine loads, while the page is still building its charts, rather than on the page's first request.
// When a request already waits (the page sends its link's experiment at once), that one warms up instead.
const WARM_UP = {
  expression: 'x^4 - 3x^2 + 2', x0: -2.5, etas: [0.1], steps: 50, method: 'gd', methods: ['gd'],
  parameters: {}, parametersByMethod: { gd: {} }, xRange: [null, null],
};
// Tells the page this thread is running: the page holds back its own heavy start-up until then, because
// starting a worker needs a few turns of the page's thread.
self.postMessage({ type: 'started' });
// Marks on this worker's timeline for the bench and a browser's performance panel (docs/performance.md).
performance.mark('descent:worker-started');
let asked = false;
// Whether the engine has run an experiment yet. The first one also pays for the browser compiling the
// engine's code as it is first called, so its time is marked as such on the page.
let warmedUp = false;
const engineReady = loadEngine();
engineReady.then(() => performance.mark('descent:engine-ready'), () => {});
// A macrotask later, so that a request already queued for this thread is seen first.
engineReady.then((engine) => setTimeout(() => {
  if (asked) return;
  try { runExperiment(engine, WARM_UP); } catch { /* a failure here shows on the first real request */ }
  warmedUp = true;
}));
// For watching the engine's memory from outside (the browser tests check it stays flat across edits).
engineReady.then((engine) => {
  self.descentHeapInUse = () => engine.heapInUse();
});

function describeError(error) {
  if (error && typeof error.column === 'number') {
    return { kind: 'expression', message: error.message, column: error.column, openedAt: error.openedAt ?? null };
  }
  return { kind: 'settings', message: error instanceof Error ? error.message : String(error), setting: error?.setting ?? null };
}

function experiment(engine, request) {
  const answer = runExperiment(engine, request);
  if (!request.checkOnly) {
    answer.firstRun = !warmedUp;
    warmedUp = true;
  }
  return answer;
}

// Every job the worker knows, by request.kind: `run(engine, request, job)` returns the answer (or a promise
// of it; `job` has progress(fraction) and cancelled), `transfer(answer)` the buffers that move rather than copy.
const JOBS = {
  experiment: { run: experiment, transfer: transferablesOf },
  csv: { run: trajectoryCsv },
  bands: { run: noiseBands, transfer: bandTransferables },
  multistart: { run: multiStart },
  sweep: { run: sweep },
  steps: { run: describedSteps },
};

// The jobs received and not yet answered, by id, so that a cancel message can reach a job that yields.
const running = new Map();
let answered = false;

async function answer(id, request) {
  const job = { cancelled: false, progress: (fraction) => self.postMessage({ type: 'progress', id, fraction }) };
  running.set(id, job);
  try {
    let engine;
    try {
      engine = await engineReady;
    } catch (error) {
      self.postMessage({ type: 'answer', id, ok: false, kind: 'engine', message: `The engine failed to load: ${error.message}` });
      return;
    }
    if (job.cancelled) return;
    const kind = request?.kind ?? 'experiment';
    const handler = Object.hasOwn(JOBS, kind) ? JOBS[kind] : null;
    try {
      if (!handler) throw new Error(`The worker has no job called "${kind}".`);
      const result = await handler.run(engine, request, job);
      if (!job.cancelled) self.postMessage({ type: 'answer', id, ok: true, answer: result }, handler.transfer?.(result) ?? []);
      if (!answered) performance.mark('descent:first-answer-posted');
      answered = true;
    } catch (error) {
      if (!job.cancelled) self.postMessage({ type: 'answer', id, ok: false, ...describeError(error) });
    }
  } finally {
    running.delete(id);
  }
}

self.onmessage = (event) => {
  const { type, id, request } = event.data;
  if (type === 'cancel') {
    const job = running.get(id);
    if (job) job.cancelled = true;
    return;
  }
  if (type !== 'run') return;
  asked = true;
  answer(id, request);
};
