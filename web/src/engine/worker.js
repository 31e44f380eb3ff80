// The engine runs here, off the page's thread, so a million-step run never freezes the page.
// Requests carry ids; the page decides which answers are still wanted.
import { loadEngine } from './engine.js';
import { runExperiment, transferablesOf } from './experiment.js';
import { trajectoryCsv } from './trajectories.js';
import { handleAnalysis, isAnalysisMessage } from './analysis-jobs.js';

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
self.postMessage({ started: true });
let asked = false;
// Whether the engine has run an experiment yet. The first one also pays for the browser compiling the
// engine's code as it is first called, so its time is marked as such on the page.
let warmedUp = false;
const engineReady = loadEngine();
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
  return { kind: 'settings', message: error instanceof Error ? error.message : String(error) };
}

self.onmessage = async (event) => {
  const { id, request } = event.data;
  asked = true;
  let engine;
  try {
    engine = await engineReady;
  } catch (error) {
    self.postMessage({ id, ok: false, kind: 'engine', message: `The engine failed to load: ${error.message}` });
    return;
  }
  if (isAnalysisMessage(event.data)) {
    await handleAnalysis(engine, event.data, (message) => self.postMessage(message));
    return;
  }
  try {
    const answer = request.kind === 'csv' ? trajectoryCsv(engine, request) : runExperiment(engine, request);
    if (request.kind !== 'csv' && !request.checkOnly) {
      answer.firstRun = !warmedUp;
      warmedUp = true;
    }
    self.postMessage({ id, ok: true, answer }, transferablesOf(answer));
  } catch (error) {
    self.postMessage({ id, ok: false, ...describeError(error) });
  }
};
