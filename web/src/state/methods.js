// The optimizers the engine offers, as the engine's settings table declares them: each with its label, its
// update rule as the page shows it, and the hyperparameters it reads with their defaults (PyTorch's, so a
// run here matches a reader's notebook).
import { SETTINGS } from './settings.js';

export const METHODS = SETTINGS.methods.map((method) => Object.freeze({
  id: method.name,
  name: method.label,
  rule: method.rule,
  usesEta: method.usesEta,
  defaults: Object.fromEntries(method.hyperparameters.map((h) => [h.name, h.default])),
}));

export function methodById(id) {
  return METHODS.find((method) => method.id === id);
}
