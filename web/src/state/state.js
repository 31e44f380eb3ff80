// The page's whole state lives in its URL, so a link reproduces an experiment. The state is kept as the
// strings a person typed (a link round-trips exactly what was in the form); `checkState` turns it into a
// request for the engine, or into messages for the fields whose text is not a number. Whether a number
// is in range is the engine's to say (its settings table); its refusal names the field (`fieldOf`).
import { METHODS, methodById } from './methods.js';
import { MAX_PATHS } from './limits.js';
import { EXPERIMENT_KEYS, HYPERPARAMETER_NAMES, pageName, SCHEDULE_PARAMETER_NAMES, scheduleByName, SETTINGS, TRAINING_NAMES }
  from './settings.js';
import { VIEW_KEYS } from './view-fields.js';

export const PARAMETER_NAMES = HYPERPARAMETER_NAMES;
const TEXT_FIELDS = [...EXPERIMENT_KEYS, ...VIEW_KEYS];

// The form field an engine refusal of an experiment is about ('tolerance' is the field 'tol').
export function fieldOf(setting) {
  return pageName('run', setting);
}

export const DEFAULT_STATE = Object.freeze({
  f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40', method: 'gd',
  ...Object.fromEntries(PARAMETER_NAMES.map((name) => [name, ''])),
  schedule: 'constant',
  ...Object.fromEntries([...SCHEDULE_PARAMETER_NAMES, ...TRAINING_NAMES].map((name) => [name, ''])),
  // The loss chart's scale: true (log), false (linear), or null for the one the values call for.
  tol: '', xmin: '', xmax: '', log: null,
  ...Object.fromEntries(VIEW_KEYS.map((key) => [key, ''])),
});

// `method` may name several methods to compare, comma-separated: 'gd,momentum,adam'.
export function methodIds(text) {
  return String(text).split(',').map((id) => id.trim()).filter(Boolean);
}


// A hand-typed link such as ?f=x^2+1 means a plus sign, not a space, so '+' is kept as written
// (URLSearchParams would turn it into a space). The page itself writes spaces as %20.
function readQuery(search) {
  const values = new Map();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      values.set(decodeURIComponent(key), decodeURIComponent(raw));
    } catch {
      values.set(key, null);
    }
  }
  return values;
}

// Returns the state a link describes and messages about what in it could not be used.
export function stateFromQuery(search) {
  const query = readQuery(search);
  if (query.size === 0) return { state: { ...DEFAULT_STATE }, problems: [] };
  const state = { ...DEFAULT_STATE };
  const problems = [];
  for (const [key, value] of query) {
    if (value === null) {
      problems.push(`The link's value for '${key}' is not valid percent-encoding, so it was ignored.`);
    } else if (key === 'log') {
      state.log = ['1', 'true'].includes(value) ? true : ['0', 'false'].includes(value) ? false : null;
    } else if (TEXT_FIELDS.includes(key)) {
      state[key] = value.slice(0, 2000);
    } else {
      problems.push(`The link has an unknown setting '${key.slice(0, 40)}', which was ignored.`);
    }
  }
  const asked = methodIds(state.method);
  const known = [...new Set(asked.filter((id) => methodById(id)))];
  for (const id of asked.filter((id) => !methodById(id))) {
    problems.push(`The link asks for method '${id.slice(0, 40)}', which descent does not know; ` +
      `${known.length ? 'it was left out' : 'showing gradient descent instead'} (methods: ${METHODS.map((m) => m.id).join(', ')}).`);
  }
  state.method = known.length ? known.join(',') : 'gd';
  if (!scheduleByName(state.schedule)) {
    problems.push(`The link asks for schedule '${String(state.schedule).slice(0, 40)}', which descent does not know; ` +
      `using a constant rate (schedules: ${SETTINGS.schedules.map((s) => s.name).join(', ')}).`);
    state.schedule = 'constant';
  }
  return { state, problems };
}

// The settings every link carries, so that it reads as the experiment it is.
const ALWAYS_WRITTEN = ['f', 'x0', 'eta', 'steps', 'method'];

// Query-string form of a state: defaults and empty fields are left out; commas stay readable.
export function queryFromState(state) {
  const methods = methodIds(state.method).map(methodById).filter(Boolean);
  const parts = [];
  const add = (key, value) => parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  for (const key of [...EXPERIMENT_KEYS, ...VIEW_KEYS]) {
    const text = (state[key] ?? '').trim();
    if (ALWAYS_WRITTEN.includes(key)) {
      add(key, state[key]);
    } else if (key === 'schedule') {
      if (text !== '' && text !== 'constant') add(key, text);
    } else if (SCHEDULE_PARAMETER_NAMES.includes(key)) {
      // A schedule's parameter is written only where the chosen schedule reads it.
      const reads = scheduleByName(state.schedule)?.parameters.some((p) => p.name === key);
      if (text !== '' && reads) add(key, text);
    } else if (PARAMETER_NAMES.includes(key)) {
      // A hyperparameter is written only where a chosen method reads it and it differs from that method's
      // default: left out, it would give each method its own default, and those can differ (ε).
      const readers = methods.filter((method) => key in method.defaults);
      if (text !== '' && readers.some((method) => parseNumber(text) !== method.defaults[key])) add(key, text);
    } else if (text !== '') {
      add(key, text);
    }
  }
  if (state.log === true) parts.push('log=1');
  if (state.log === false) parts.push('log=0');
  return `?${parts.join('&')}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

// Plain decimal numbers only (no expressions), with the typographic minus accepted as a minus.
export function parseNumber(text) {
  const cleaned = String(text).trim().replace(/\u2212/g, '-');
  if (!NUMBER.test(cleaned)) return NaN;
  return Number(cleaned);
}

function describe(text) {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `'${shown}'`;
}

function checkEtas(text, errors) {
  const items = text.split(/[,;\s]+/).filter(Boolean);
  if (items.length === 0) { errors.eta = 'Give at least one step size, e.g. 0.1 or 0.01, 0.1, 0.5.'; return []; }
  if (items.length > MAX_PATHS) { errors.eta = `At most ${MAX_PATHS} step sizes at once.`; return []; }
  const etas = [];
  for (const item of items) {
    const eta = parseNumber(item);
    if (Number.isNaN(eta)) { errors.eta = `${describe(item)} is not a number.`; return []; }
    etas.push(eta);
  }
  return etas;
}

function checkNumber(key, text, errors) {
  const value = parseNumber(text);
  if (Number.isNaN(value)) errors[key] = `${describe(text.trim())} is not a number.`;
  return value;
}

function checkOptionalNumber(key, text, errors, rule) {
  if (text.trim() === '') return undefined;
  const value = checkNumber(key, text, errors);
  if (!errors[key] && rule) {
    const problem = rule(value);
    if (problem) errors[key] = problem;
  }
  return value;
}

// The chart's range is the page's own setting, not the engine's.
const finite = (v) => (Number.isFinite(v) ? null : 'Must be finite.');

// Too many paths is the fault of whichever of the methods and the step sizes went up since the previous
// state; without one (a link), of the methods, which multiply the step sizes, unless they are one.
function tooManyPathsField(methodCount, etaCount, previous) {
  if (previous) {
    const before = { method: methodIds(previous.method).length, eta: String(previous.eta).split(/[,;\s]+/).filter(Boolean).length };
    if (etaCount > before.eta && methodCount <= before.method) return 'eta';
    if (methodCount > before.method) return 'method';
  }
  return methodCount > 1 ? 'method' : 'eta';
}

// Turns the typed state into an engine request, or reports which fields are wrong and why.
// The expression itself is checked by the engine, which knows the grammar and points at the column.
// `previous`, the state checked before this one, tells which field pushed the paths over the limit.
export function checkState(state, previous = null) {
  const errors = {};
  const methods = methodIds(state.method).map(methodById).filter(Boolean);
  if (methods.length === 0) methods.push(METHODS[0]);
  const method = methods[0];
  const x0 = checkOptionalNumber('x0', state.x0, errors);
  if (state.x0.trim() === '') errors.x0 = 'Give a starting point, e.g. -1.';
  const etas = checkEtas(state.eta, errors);
  const steps = checkNumber('steps', state.steps, errors);
  if (etas.length * methods.length > MAX_PATHS) {
    const paths = `${methods.length} methods × ${etas.length} step size${etas.length === 1 ? '' : 's'}`;
    const field = tooManyPathsField(methods.length, etas.length, previous);
    const fix = field === 'method' ? 'untick a method or drop a step size' : 'drop a step size or untick a method';
    errors[field] = `At most ${MAX_PATHS} paths at once: ${paths} is too many; ${fix}.`;
  }
  // Each method reads only its own hyperparameters; `parameters` holds every chosen method's.
  const parameters = {};
  const parametersByMethod = {};
  for (const chosen of methods) {
    parametersByMethod[chosen.id] = {};
    for (const [name, fallback] of Object.entries(chosen.defaults)) {
      const value = checkOptionalNumber(name, state[name], errors);
      parameters[name] = value ?? fallback;
      parametersByMethod[chosen.id][name] = value ?? fallback;
    }
  }
  // The schedule and the training settings are shared by every method; blank means the engine's default.
  const schedule = scheduleByName(state.schedule) ?? SETTINGS.schedules[0];
  const training = { schedule: schedule.name };
  for (const { name } of schedule.parameters) {
    const value = checkOptionalNumber(name, state[name] ?? '', errors);
    if (value !== undefined) training[name] = value;
  }
  for (const name of TRAINING_NAMES) {
    const value = checkOptionalNumber(name, state[name] ?? '', errors);
    if (value !== undefined) training[name] = value;
  }
  const tolerance = checkOptionalNumber('tol', state.tol, errors);
  const xmin = checkOptionalNumber('xmin', state.xmin, errors, finite);
  const xmax = checkOptionalNumber('xmax', state.xmax, errors, finite);
  if (xmin !== undefined && xmax !== undefined && !errors.xmin && !errors.xmax && !(xmin < xmax)) {
    errors.xmax = 'The right end must be larger than the left end.';
  }
  if (state.f.trim() === '') errors.f = 'Type a function of x, e.g. x^2.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    request: {
      expression: state.f, x0, etas, steps, method: method.id, methods: methods.map((m) => m.id), parameters,
      parametersByMethod, training, tolerance,
      xRange: [xmin ?? null, xmax ?? null],
    },
  };
}
