// The engine runs here, off the page's thread, so a million-step run never freezes the page.
// Requests carry ids; the page decides which answers are still wanted.
import { loadEngine } from './engine.js';
import { runExperiment, transferablesOf } from './experiment.js';
import { trajectoryCsv } from './trajectories.js';
import { handleAnalysis, isAnalysisMessage } from './views/analysis-jobs.js';

const engineReady = loadEngine();
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
    self.postMessage({ id, ok: true, answer }, transferablesOf(answer));
  } catch (error) {
    self.postMessage({ id, ok: false, ...describeError(error) });
  }
};
