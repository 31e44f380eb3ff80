// The page's first script, a classic one in <head> that the parser waits for: it only starts the engine's
// worker, so the worker's script and the wasm download and compile (and the engine warms up) while the
// page is parsed and laid out, which otherwise runs before app.js (an async module) gets its turn. The
// worker's messages are kept until app.js takes the worker (takeEarlyWorker in app.js).
try {
  const worker = new Worker('./worker.js', { type: 'module' });
  const events = [];
  worker.onmessage = (event) => { events.push(event); };
  worker.onerror = (event) => { event.preventDefault(); events.push(event); };
  globalThis.descentEarlyWorker = { worker, events };
  performance.mark('descent:worker-created');
} catch {
  // app.js starts the worker itself, and reports it if that fails too.
}
