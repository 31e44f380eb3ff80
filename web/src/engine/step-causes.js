// Why a step goes wrong, from the engine's own numbers for that step (engine.describeSteps): a plain
// gradient step whose |1 − η_k·f″(x_k)| exceeds 1 lands farther from the bottom of the local parabola than
// it started ('overshoot'), and Newton where f″ < 0 jumps to the top of the local parabola, not its bottom
// ('uphill'). The step-through says it at the step, and the results table for a run that diverged
// (ui/step-cause-words.js has the words). Why a run left the domain is the engine's to say (run.why).

// A cause of a described step, or null when nothing about it explains a blow-up.
export function stepCause(method, step) {
  if (method === 'newton' && step.d2f < 0) return { kind: 'uphill', d2f: step.d2f };
  // A clipped gradient is not f′: the overshoot rule is about the step η·f′ itself.
  if (method === 'gd' && step.d2f > 0 && step.g === step.seen) {
    const factor = Math.abs(1 - step.lr * step.d2f);
    if (factor > 1) return { kind: 'overshoot', factor };
  }
  return null;
}

// Of the steps leading up to where a run diverged, the first of the last unbroken stretch of steps that
// each have a cause: from there on every step made things worse. { k, kind, ... } or null.
export function divergenceCause(method, steps) {
  let found = null;
  for (const step of steps) {
    const cause = stepCause(method, step);
    if (!cause) found = null;
    else if (!found) found = { k: step.k, ...cause };
  }
  return found;
}
