// The step sizes along a path, at the steps a thinned path keeps: η_k, the step size the schedule gave
// step k (the engine's lr); η_max(x_k) = 2/f″(x_k), beyond which a plain gradient step overshoots the
// bottom of the local parabola by more than it started from; and the step actually taken,
// (x_k − x_{k+1})/g_k, which is η_k for gradient descent but not for momentum, the adaptive methods,
// the line searches or Newton. Runs in the worker, beside the run.
import { pick } from './thin.js';

// NaN where the limit does not exist: where f″ <= 0 no step size is too large for the curvature.
const stabilityLimit = (x, d2f) => (Number.isFinite(x) && d2f > 0 && Number.isFinite(d2f) ? 2 / d2f : NaN);

export function stepSizesAlong(fn, trajectory, kept) {
  const { x, g, lr } = trajectory;
  const last = x.length - 1;
  const xs = pick(x, kept);
  // f″ at every kept point in one call to the engine.
  const { d2f } = fn.atMany(xs);
  const etaMax = new Float64Array(kept.length);
  const taken = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    etaMax[i] = stabilityLimit(xs[i], d2f[i]);
    const step = k < last && g[k] !== 0 ? (x[k] - x[k + 1]) / g[k] : NaN;
    taken[i] = Number.isFinite(step) ? step : NaN;
  }
  return { lr: pick(lr, kept), etaMax, taken };
}
