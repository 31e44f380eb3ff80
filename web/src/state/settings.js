// The page's side of the engine's settings table (declared once in C++, cpp/optim/settings.hpp, and handed
// to JS as engine.settings). scripts/build-web.mjs reads it from the built engine and writes it beside this
// file as settings-table.js, so the form, the URL, the element's attributes and the embed snippet are all
// generated from the table the engine validates against, and cannot drift from it.
import TABLE from './settings-table.js';

export const SETTINGS = TABLE;

// Where the page's name for a setting differs from the engine's: links written before the table keep
// working. Every other setting is named in the URL, the form and the attributes as the engine names it.
const PAGE_NAMES = {
  run: { tolerance: 'tol' },
  multiStart: { count: 'starts', seed: 'startseed' },
  sweep: { etaMin: 'sweepmin', etaMax: 'sweepmax', count: 'sweepn' },
};

export function pageName(request, setting) {
  return PAGE_NAMES[request]?.[setting] ?? setting;
}

// Every hyperparameter some method reads (weight decay among them), in the table's order; each method
// has its own default for it.
export const HYPERPARAMETER_NAMES = (() => {
  const read = new Set(TABLE.methods.flatMap((method) => method.hyperparameters.map((h) => h.name)));
  return TABLE.run.map((setting) => setting.name).filter((name) => read.has(name));
})();

// The schedule's parameters and the other training settings (clipping, noise, its seed): shared by every
// method of an experiment. Weight decay is a training setting too, but each method has its default.
export const SCHEDULE_PARAMETER_NAMES = TABLE.run.filter((s) => s.group === 'schedule').map((s) => s.name);
export const TRAINING_NAMES = TABLE.run.filter((s) => s.group === 'training' && !HYPERPARAMETER_NAMES.includes(s.name))
  .map((s) => s.name);

// Everything under the form's "Training settings": the schedule's parameters, weight decay, clipping, noise.
export const TRAINING_FIELD_NAMES = TABLE.run.filter((s) => s.group === 'schedule' || s.group === 'training')
  .map((s) => s.name);

export function scheduleByName(name) {
  return TABLE.schedules.find((schedule) => schedule.name === name);
}

// The experiment's settings as the URL, the form and the element's attributes name them, in that order.
export const EXPERIMENT_KEYS = ['f', ...['x0', 'eta', 'steps'].map((name) => pageName('run', name)), 'method',
  ...HYPERPARAMETER_NAMES, 'schedule', ...SCHEDULE_PARAMETER_NAMES, ...TRAINING_NAMES, pageName('run', 'tolerance'),
  'xmin', 'xmax'];

// The analysis views' settings in the URL (starts=50&startseed=1&a=-3&b=3&sweepmin=0.001&...), with the engine's
// defaults; sweepscale is a choice the table does not hold. The sweep's burn-in and kept iterates are not
// page settings: the engine's defaults apply.
// The engine's settings each view has a field for, by request.
export const VIEW_SETTING_NAMES = {
  multiStart: TABLE.multiStart.map((setting) => setting.name),
  sweep: ['etaMin', 'etaMax', 'count'],
};
const VIEW_SETTINGS = Object.entries(VIEW_SETTING_NAMES).flatMap(([request, names]) =>
  names.map((name) => [request, TABLE[request].find((setting) => setting.name === name)]));
export const VIEW_DEFAULTS = Object.freeze({
  ...Object.fromEntries(VIEW_SETTINGS.map(([request, setting]) => [pageName(request, setting.name), String(setting.default)])),
  sweepscale: 'log',
});
