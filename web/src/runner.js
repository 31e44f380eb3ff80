// Sends experiments to the worker so that the latest input wins. At most one request is in flight; newer
// input waits in a single slot (replacing anything older that waited there). If the request in flight
// has been running a while when newer input arrives, the worker is replaced rather than waited for, so a
// long run never holds up the next edit. Answers to anything but the newest request are dropped.
const PATIENCE_MS = 250;

export function createRunner({ onAnswer, onBusy }) {
  let worker = null;
  let newestId = 0;
  let inFlight = null;
  let waiting = null;
  let patience = 0;

  function startWorker() {
    worker = new Worker('./worker.js', { type: 'module' });
    worker.onmessage = (event) => settle(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const id = inFlight?.id ?? newestId;
      settle({ id, ok: false, kind: 'engine', message: `The engine could not start: ${event.message || 'worker error'}` });
    };
  }

  function send(job) {
    inFlight = { ...job, sentAt: performance.now() };
    worker.postMessage({ id: job.id, request: job.request });
  }

  function settle(message) {
    if (!inFlight || message.id !== inFlight.id) return;
    inFlight = null;
    if (waiting) {
      const next = waiting;
      waiting = null;
      clearTimeout(patience);
      send(next);
      return;
    }
    onBusy(false);
    if (message.id === newestId) onAnswer(message);
  }

  function replaceWorkerFor(job) {
    worker.terminate();
    waiting = null;
    startWorker();
    send(job);
  }

  // Called when the patience for the request in flight runs out while newer input waits.
  function giveUpOnInFlight() {
    if (inFlight && waiting) replaceWorkerFor(waiting);
  }

  function submit(request) {
    if (!worker) startWorker();
    const job = { id: ++newestId, request };
    onBusy(true);
    clearTimeout(patience);
    if (!inFlight) {
      send(job);
      return;
    }
    const waited = performance.now() - inFlight.sentAt;
    if (waited >= PATIENCE_MS) {
      replaceWorkerFor(job);
    } else {
      waiting = job;
      patience = setTimeout(giveUpOnInFlight, PATIENCE_MS - waited);
    }
  }

  // Input that needs no run (say, an empty function) still makes every earlier answer stale.
  function forget() {
    newestId++;
    waiting = null;
    clearTimeout(patience);
  }

  return { submit, forget };
}
