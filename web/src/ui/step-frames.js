// Which steps an animation of the paths shows, for how long, and the answer as it stood at each: every
// path cut at step k, so that frame k draws the paths as far as step k with their last point marked.

// More frames than this make a file too large to drop into slides; a longer run is shown at evenly spaced steps.
export const MAX_FRAMES = 200;
// The whole animation plays in about this long, each frame between the two bounds; the last frame is held
// so the ending can be read before a player loops.
const PLAY_MS = 6000;
const FRAME_MS = [60, 400];
export const HOLD_MS = 2000;

export function lastStep(runs) {
  return Math.max(0, ...runs.map((run) => run.k[run.k.length - 1] ?? 0));
}

// The steps shown, first to last, at most `max` of them and always step 0 and the last step.
export function frameSteps(runs, max = MAX_FRAMES) {
  const last = lastStep(runs);
  const count = Math.min(last + 1, max);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.round((i * last) / (count - 1)));
}

// How long each frame stays, in milliseconds.
export function frameDelays(count) {
  const each = Math.round(Math.min(FRAME_MS[1], Math.max(FRAME_MS[0], PLAY_MS / count)));
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? HOLD_MS : each));
}

// How many of a path's (thinned) points are at step k or before.
function pointsUpTo(ks, k) {
  let low = 0;
  let high = ks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ks[mid] <= k) low = mid + 1;
    else high = mid;
  }
  return low;
}

// A run before its end is still going: it has not diverged or left the domain yet, and says so only once
// it has. The noise bands are the whole runs' and are left out.
export function answerAtStep(answer, k) {
  const runs = answer.runs.map((run) => {
    const n = pointsUpTo(run.k, k);
    if (n === run.k.length) return run;
    const cut = (values) => values.subarray(0, n);
    return { ...run, k: cut(run.k), x: cut(run.x), f: cut(run.f), df: cut(run.df), status: 'max-steps', stoppedAt: k };
  });
  return { ...answer, runs, bands: null };
}
