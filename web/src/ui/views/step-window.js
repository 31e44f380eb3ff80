// The engine's account of the steps of the path being stepped through (engine.describeSteps, by the
// worker's 'steps' job), fetched a window at a time around the step shown and kept while the same path of
// the same experiment is shown, so that stepping on, back or playing rarely waits: the next window is asked
// for before the last of this one is reached.
const BEHIND = 4;   // steps kept before the one shown (the step before gives the velocity, the moments)
const WINDOW = 64;
const AHEAD = 16;   // fewer steps than this left in the window: fetch the next
// A new path or experiment waits this long before its first window is asked for: while x₀ is dragged the
// experiment changes every frame, and only the one the pointer stops at is worth describing.
const SETTLE_MS = 80;

// describe({ from, count }) -> Promise<{ steps }> for the current path; onArrive() when there is more to
// show: a window came, or a new path has settled and its first window can be asked for.
export function createStepWindows({ describe, onArrive }) {
  let key = null;
  let steps = new Map(); // k -> described step
  let asked = new Set(); // window starts asked for under this key
  let lastStep = -1; // the run's last step (the one before it stopped): no window reaches past it
  let settling = 0;

  // A new path or experiment (`stoppedAt` its run's): what was fetched is for another one.
  function follow(nextKey, stoppedAt) {
    if (nextKey === key) return;
    key = nextKey;
    steps = new Map();
    asked = new Set();
    lastStep = stoppedAt - 1;
    clearTimeout(settling);
    settling = setTimeout(() => { settling = 0; onArrive(); }, SETTLE_MS);
  }

  function fetchFrom(from) {
    const start = Math.max(0, from);
    if (settling || start > lastStep || asked.has(start)) return;
    asked.add(start);
    const forKey = key;
    describe({ from: start, count: Math.min(WINDOW, lastStep - start + 1) }).then((answer) => {
      if (forKey !== key || !answer?.steps) return;
      for (const step of answer.steps) steps.set(step.k, step);
      onArrive();
    }, () => { if (forKey === key) asked.delete(start); });
  }

  // The step k and the one before it, or null while they are being fetched.
  function at(k) {
    const step = steps.get(k);
    const before = k === 0 ? null : steps.get(k - 1);
    if (!step || (k > 0 && !before)) {
      fetchFrom(alignedStart(k));
      return null;
    }
    if (!steps.has(k + AHEAD) && k + AHEAD <= lastStep) fetchFrom(nextStart(k));
    return { step, before };
  }

  // Windows start on a grid, so stepping back and forth asks for each window once.
  function alignedStart(k) {
    return Math.max(0, Math.floor((k - BEHIND) / (WINDOW - BEHIND)) * (WINDOW - BEHIND));
  }
  function nextStart(k) {
    let from = alignedStart(k);
    while (from + WINDOW - 1 < k + AHEAD) from += WINDOW - BEHIND;
    return from;
  }

  return { follow, at };
}
