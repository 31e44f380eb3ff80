// Which lines a path has on the step-size chart, read by the chart and by its summary in words.
import { methodById } from '../state/methods.js';

// A method that takes no step size (Newton) has no η_k line, only the step it took.
export function usesEta(run) {
  return methodById(run.method)?.usesEta ?? true;
}

// Plain gradient descent's step is η_k·g_k, so its step taken is η_k itself and is not drawn again.
export function showsStepTaken(run) {
  return run.method !== 'gd';
}

// The steps whose η_k the run took: the last point's rate is only what a next step would have used.
export function takenCount(run) {
  const last = run.k.length - 1;
  return run.k[last] === run.stoppedAt ? last : run.k.length;
}
