// The page's side of the long analyses: one worker of their own (so a sweep never holds up the explorer's
// runs), one job at a time per view, progress reports, and cancelling. A cancelled or replaced job's late
// messages are dropped.
export function createAnalysisClient(startWorker) {
  let worker = null;
  let nextId = 0;
  const jobs = new Map(); // id -> { resolve, reject, onProgress }

  function ensureWorker() {
    if (worker) return worker;
    worker = startWorker();
    worker.onmessage = ({ data }) => {
      const job = jobs.get(data.id);
      if (!job) return;
      if (data.progress !== undefined) { job.onProgress?.(data.progress); return; }
      jobs.delete(data.id);
      if (data.ok) job.resolve(data.answer);
      else job.reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, job] of jobs) { jobs.delete(id); job.reject(new Error(event.message || 'the worker failed')); }
    };
    return worker;
  }

  // Returns { id, done: Promise<answer>, cancel() }; a cancelled job resolves with { cancelled: true }.
  function start(request, onProgress) {
    const id = ++nextId;
    const done = new Promise((resolve, reject) => jobs.set(id, { resolve, reject, onProgress }));
    ensureWorker().postMessage({ id, request });
    const cancel = () => {
      const job = jobs.get(id);
      if (!job) return;
      jobs.delete(id);
      worker.postMessage({ cancel: id });
      job.resolve({ cancelled: true });
    };
    return { id, done, cancel };
  }

  return { start };
}
