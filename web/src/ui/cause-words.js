// A step's cause of trouble (engine/step-causes.js) in words: in full where the step-through shows the
// step, and short in the results table's status cell, which names the step it began at.
import { formatShort } from './format.js';

export function causeSentence(cause) {
  if (cause.kind === 'overshoot') {
    return `|1 − η·f″(x_k)| = ${formatShort(cause.factor)} > 1 here: each step overshoots by more than it corrects.`;
  }
  if (cause.kind === 'uphill') return `f″(x_k) = ${formatShort(cause.d2f)} < 0: Newton steps uphill here.`;
  return '';
}

export function causeShort(cause) {
  if (cause.kind === 'overshoot') {
    return `|1 − η·f″| = ${formatShort(cause.factor)} > 1 from step ${cause.k}: each step overshoots`;
  }
  if (cause.kind === 'uphill') return `f″ < 0 at step ${cause.k}: Newton stepped uphill`;
  return '';
}
