// The page's half of the one protocol between the page and a worker (worker.js has the message formats and
// the other half). A client owns one worker and may be shared by every explorer on a page; the page keeps a
// second client, on a worker of its own, for the long analyses, so a sweep never holds up an explorer's runs.
//
// There are two ways to ask. A channel is one explorer's stream of input: requests carry ids, so answers
// find their channel, and within a channel only the newest input is ever answered. A channel has at most
// one request in flight and newer input waits in a single slot (replacing anything older that waited
// there). If a channel's request in flight has been running a while when newer input arrives, the worker
// is replaced rather than waited for, and every channel's newest request is sent again, so a long run never
// holds up the next edit anywhere on the page. A one-off (`start`) stands outside that order: it is
// answered whatever else is asked, hears the worker's progress, and can be cancelled, after which nothing
// more of it reaches the page.
const PATIENCE_MS = 250;

export function createEngineClient(startWorker) {
  let worker = null;
  let nextId = 0;
  const pending = new Map();   // request id -> { channel, job }
  const oneOffs = new Map();   // request id -> { resolve, reject, request, onProgress }
  let primed = null;           // a request sent ahead of any channel: { key, job, message, taker }

  let markStarted;
  const started = new Promise((resolve) => { markStarted = resolve; });

  // An answer (or a progress report) from the worker; one nobody waits for any more is dropped.
  function deliver(message) {
    const once = oneOffs.get(message.id);
    if (message.type === 'progress') {
      once?.onProgress?.(message.fraction);
      return;
    }
    if (once) {
      oneOffs.delete(message.id);
      if (message.ok) once.resolve(message.answer);
      else once.reject(Object.assign(new Error(message.message), message));
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    entry.channel.settle(message);
  }

  function failAll(text) {
    for (const [id] of [...pending, ...oneOffs]) deliver({ type: 'answer', id, ok: false, kind: 'engine', message: text });
  }

  function ensureWorker() {
    if (worker) return worker;
    try {
      worker = startWorker();
    } catch (error) {
      worker = null;
      throw error;
    }
    worker.onmessage = (event) => {
      if (event.data?.type === 'started') markStarted();
      else deliver(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      markStarted();
      failAll(`The engine could not start: ${event.message || 'worker error'}`);
    };
    return worker;
  }

  function post(id, request) {
    try {
      ensureWorker().postMessage({ type: 'run', id, request });
    } catch (error) {
      queueMicrotask(() => deliver({ type: 'answer', id, ok: false, kind: 'engine', message: `The engine could not start: ${error.message}` }));
    }
  }

  function restart() {
    worker?.terminate();
    worker = null;
    for (const [id, { job }] of pending) { job.sentAt = performance.now(); post(id, job.request); }
    for (const [id, { request }] of oneOffs) post(id, request);
  }

  function send(channel, job) {
    job.sentAt = performance.now();
    pending.set(job.id, { channel, job });
    post(job.id, job.request);
  }

  function channel({ onAnswer, onBusy }) {
    let newestId = 0;
    let inFlight = null;
    let waiting = null;
    let patience = 0;

    const self = {
      settle(message) {
        if (!inFlight || message.id !== inFlight.id) return;
        inFlight = null;
        if (waiting) {
          const next = waiting;
          waiting = null;
          clearTimeout(patience);
          inFlight = next;
          send(self, next);
          return;
        }
        onBusy(false);
        if (message.id === newestId) onAnswer(message);
      },
      adopt(job) {
        newestId = job.id;
        inFlight = job;
        onBusy(true);
      },
    };

    // Called when the patience for the request in flight runs out while newer input waits.
    function giveUpOnInFlight() {
      if (!inFlight || !waiting) return;
      pending.delete(inFlight.id);
      inFlight = waiting;
      waiting = null;
      pending.set(inFlight.id, { channel: self, job: inFlight });
      restart();
    }

    function submit(request) {
      if (!inFlight && takePrimed(self, request)) return;
      const job = { id: ++nextId, request };
      newestId = job.id;
      onBusy(true);
      clearTimeout(patience);
      if (!inFlight) {
        inFlight = job;
        send(self, job);
        return;
      }
      waiting = job;
      const waited = performance.now() - inFlight.sentAt;
      if (waited >= PATIENCE_MS) giveUpOnInFlight();
      else patience = setTimeout(giveUpOnInFlight, PATIENCE_MS - waited);
    }

    // Input that needs no run (say, an empty function) still makes every earlier answer stale.
    function forget() {
      newestId = ++nextId;
      waiting = null;
      clearTimeout(patience);
    }

    return { submit, forget };
  }

  // A channel's first request may already be on its way (see prime): it then waits for that answer.
  function takePrimed(channel, request) {
    const ahead = primed;
    primed = null;
    if (!ahead || ahead.key !== JSON.stringify(request)) return false;
    channel.adopt(ahead.job);
    if (ahead.message) queueMicrotask(() => channel.settle(ahead.message));
    else ahead.taker = channel;
    return true;
  }

  // Sends the request a channel is expected to make first (the page's link, read before the page's code
  // has loaded), so that the engine works on it while the charts are built. A channel whose first request
  // is the same takes its answer; any other request is sent as usual and this answer is dropped.
  function prime(request) {
    const job = { id: ++nextId, request };
    const ahead = { key: JSON.stringify(request), job, message: null, taker: null };
    primed = ahead;
    const waiter = { settle(message) { ahead.message = message; ahead.taker?.settle(message); } };
    send(waiter, job);
  }

  // A request outside any channel's "latest wins" order, such as a sweep or the full trajectories for a
  // download. Returns { id, done: Promise<answer>, cancel() }; onProgress(fraction) hears how far it got.
  // A cancelled job resolves with { cancelled: true } at once, and its late messages are dropped.
  function start(request, onProgress) {
    const id = ++nextId;
    const done = new Promise((resolve, reject) => { oneOffs.set(id, { resolve, reject, request, onProgress }); });
    post(id, request);
    const cancel = () => {
      const once = oneOffs.get(id);
      if (!once) return;
      oneOffs.delete(id);
      worker?.postMessage({ type: 'cancel', id });
      once.resolve({ cancelled: true });
    };
    return { id, done, cancel };
  }

  // A job whose answer is all that is wanted.
  function request(body) {
    return start(body).done;
  }

  // Starts the worker (and so the engine's download and compilation) before the first request, while the
  // page is still building its charts. A worker that cannot start is reported by the first request.
  function warm() {
    try { ensureWorker(); } catch { /* the first post reports it */ }
  }

  // Resolves once the worker's script runs (or it failed to start), or after `patience` ms at most.
  function whenStarted(patience) {
    return Promise.race([started, new Promise((resolve) => { setTimeout(resolve, patience); })]);
  }

  return { channel, start, request, warm, prime, whenStarted };
}
