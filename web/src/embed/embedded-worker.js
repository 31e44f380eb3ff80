// Where <descent-explorer> runs the engine. The element ships as one file that may be opened from file://
// or any static host, so there is no worker script to point at: the worker bundle is built into this file
// as a function (descent:worker-main), and its source text becomes a worker through a blob: URL. Where a
// page's policy refuses that worker, the same function serves requests on the page's own thread, one
// request per task so the page can draw in between.
import workerMain from 'descent:worker-main';

let mainThreadPort = null;

function mainThreadWorker() {
  if (!mainThreadPort) {
    mainThreadPort = { onmessage: null, host: null };
    mainThreadPort.postMessage = (data) => setTimeout(() => mainThreadPort.host?.onmessage?.({ data }));
    workerMain(mainThreadPort);
  }
  const host = {
    onmessage: null,
    onerror: null,
    postMessage: (data) => setTimeout(() => { if (mainThreadPort.host === host) mainThreadPort.onmessage({ data }); }),
    terminate: () => { if (mainThreadPort.host === host) mainThreadPort.host = null; },
  };
  mainThreadPort.host = host;
  return host;
}

let sourceUrl = null;
let workersRefused = false;

// A policy that refuses the blob: worker says so with an error event, not an exception, so requests are
// kept until the worker first answers and handed to the main thread if it never starts.
function blobWorker() {
  sourceUrl ??= URL.createObjectURL(new Blob([`(${workerMain})(self);`], { type: 'text/javascript' }));
  let target = new Worker(sourceUrl);
  let started = false;
  const unanswered = [];
  const host = {
    onmessage: null,
    onerror: null,
    postMessage(data) {
      if (!started) unanswered.push(data);
      target.postMessage(data);
    },
    terminate: () => target.terminate(),
  };
  target.onmessage = (event) => {
    started = true;
    unanswered.length = 0;
    host.onmessage?.(event);
  };
  target.onerror = (event) => {
    if (started) { host.onerror?.(event); return; }
    event.preventDefault();
    target.terminate();
    workersRefused = true;
    target = mainThreadWorker();
    target.onmessage = (message) => host.onmessage?.(message);
    for (const data of unanswered) target.postMessage(data);
  };
  return host;
}

export function startEmbeddedWorker() {
  if (workersRefused) return mainThreadWorker();
  try {
    return blobWorker();
  } catch {
    workersRefused = true;
    return mainThreadWorker();
  }
}
