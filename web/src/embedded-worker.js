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

export function startEmbeddedWorker() {
  try {
    sourceUrl ??= URL.createObjectURL(new Blob([`(${workerMain})(self);`], { type: 'text/javascript' }));
    return new Worker(sourceUrl);
  } catch {
    return mainThreadWorker();
  }
}
