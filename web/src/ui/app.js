// The page's entry, run as soon as it arrives (an async module): it takes the engine's worker (boot.js
// started it) and sends it the link's experiment, so the engine downloads, compiles and runs while the rest of the page
// (Chart.js, the explorer) is fetched and built, then loads that rest once the document is parsed.
import { createEngineClient } from '../engine/engine-client.js';
import { checkState, stateFromQuery } from '../state/state.js';

const WORKER_START_PATIENCE_MS = 400;
const startWorker = () => new Worker('./worker.js', { type: 'module' });

// The worker boot.js started before the page was laid out, if it did: the events it heard so far are
// handed on once the client has set its handlers (a microtask later, before any newer event).
function takeEarlyWorker() {
  const early = globalThis.descentEarlyWorker;
  delete globalThis.descentEarlyWorker;
  if (!early) return startWorker();
  const { worker, events } = early;
  queueMicrotask(() => {
    for (const event of events.splice(0)) (event.type === 'error' ? worker.onerror : worker.onmessage)?.(event);
  });
  return worker;
}

const client = createEngineClient(takeEarlyWorker);
// The long analyses get a worker of their own, started at their first request, so a sweep never holds up
// the explorer's runs. Both workers run the same script and speak the same protocol.
const analysisClient = createEngineClient(startWorker);
const { request } = checkState(stateFromQuery(location.search).state);
performance.mark('descent:app-started');
if (request) client.prime(request);
else client.warm();
performance.mark('descent:request-sent');
// A worker starts only after a few turns of this thread: building the page first would hold it back.
await client.whenStarted(WORKER_START_PATIENCE_MS);
const page = import('./page.js');
if (document.readyState === 'loading') {
  await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}
const { startPage } = await page;
performance.mark('descent:page-loaded');
startPage(client, analysisClient);
