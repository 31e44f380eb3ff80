// The experiment form: reading the typed state out of it, writing a state into it, showing only the
// hyperparameters the chosen method reads, and showing what is wrong next to the field it concerns, once
// typing pauses (typing-pause.js).
import { METHODS, methodById } from '../state/methods.js';
import { methodIds, PARAMETER_NAMES } from '../state/state.js';
import { EXPERIMENT_KEYS, SCHEDULE_PARAMETER_NAMES, scheduleByName, SETTINGS, TRAINING_FIELD_NAMES, TRAINING_NAMES } from '../state/settings.js';
import { formatShort } from './format.js';
import { createMethodChoice } from './views/method-choice.js';
import { parameterDefaults } from './parameter-defaults.js';
import { readViewFields, writeViewFields } from '../state/view-fields.js';
import { createTypingPause } from './typing-pause.js';

// Every experiment setting is a text field but the method menu.
const TEXT_FIELDS = EXPERIMENT_KEYS.filter((name) => name !== 'method');

// errorPauseMs: how long typing must pause before a message about what is wrong is shown.
export function createForm(root, { errorPauseMs = 0 } = {}) {
  const field = (name) => root.querySelector(`#${name}`);
  const pause = createTypingPause(root, errorPauseMs);
  const method = field('method');
  // The log-scale toggle sits by its chart, outside the form but in the same document or shadow root.
  const log = root.getRootNode().querySelector('#log');

  for (const { id, name } of METHODS) method.append(new Option(`${name} (${id})`, id));
  // Blank training settings take the table's defaults, or are off.
  for (const name of TRAINING_NAMES) {
    const fallback = SETTINGS.run.find((setting) => setting.name === name).default;
    field(name).placeholder = fallback === null ? 'off' : String(fallback);
  }
  const compare = createMethodChoice(method, field('method-rule'));
  // Where the chosen methods' defaults for a blank field differ, the line saying whose each is.
  const defaultsNote = Object.assign(document.createElement('p'), { id: 'parameter-defaults', className: 'hint', hidden: true });
  field('parameters').append(defaultsNote);
  // The log box shows the scale the loss chart draws; until it is clicked the values choose it (null).
  let logChoice = null;
  log.addEventListener('change', () => { logChoice = log.checked; });

  function read() {
    const state = Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(name).value]));
    state.method = compare.read();
    state.log = logChoice;
    return Object.assign(state, readViewFields(root.getRootNode()));
  }

  function showMethod() {
    const chosen = methodIds(compare.read()).map(methodById).filter(Boolean);
    compare.showRules();
    const notes = [];
    for (const name of PARAMETER_NAMES) {
      const readers = chosen.filter((m) => name in m.defaults);
      field(`${name}-field`).hidden = readers.length === 0;
      const label = SETTINGS.run.find((setting) => setting.name === name).label;
      const { placeholder, note } = parameterDefaults(name, label, readers);
      field(name).placeholder = placeholder;
      field(name).setAttribute('aria-describedby', note ? `${name}-error parameter-defaults` : `${name}-error`);
      if (note) notes.push(note);
    }
    defaultsNote.textContent = notes.join(' ');
    defaultsNote.hidden = notes.length === 0;
    // The hyperparameters' box shows when a chosen method reads one of its fields (weight decay sits
    // with the training settings).
    const box = field('parameters');
    box.hidden = chosen.every((m) => Object.keys(m.defaults).every((name) => !box.contains(field(name))));
  }

  // The schedule's parameters that it reads, with its defaults as placeholders, and its rule in words,
  // after torch's name for it (which the menu leaves out).
  function showSchedule() {
    const schedule = scheduleByName(field('schedule').value);
    const torchName = /\((\w+)\)$/.exec(schedule?.label ?? '')?.[1];
    field('schedule-rule').textContent = schedule ? `${torchName ? `${torchName}: ` : ''}${schedule.rule}` : '';
    for (const name of SCHEDULE_PARAMETER_NAMES) {
      const read = schedule?.parameters.find((p) => p.name === name);
      field(`${name}-field`).hidden = !read;
      if (read) field(name).placeholder = read.default === null ? 'steps' : formatShort(read.default);
    }
  }

  // The rarely used settings stay folded away unless they hold something.
  const folds = [
    [root.querySelector('#training-settings'), TRAINING_FIELD_NAMES],
    [root.querySelector('#more-settings'), ['tol', 'xmin', 'xmax']],
  ];

  function write(state) {
    for (const name of TEXT_FIELDS) field(name).value = state[name];
    for (const [fold, names] of folds) if (names.some((name) => (state[name] ?? '').trim() !== '')) fold.open = true;
    if (state.schedule !== 'constant') folds[0][0].open = true;
    compare.write(state.method);
    logChoice = state.log ?? null;
    if (logChoice !== null) log.checked = logChoice;
    writeViewFields(root.getRootNode(), state);
    showMethod();
    showSchedule();
  }

  function showFieldError(name, message) {
    const input = field(name);
    field(`${name}-error`).textContent = message;
    if (message === '') { input.removeAttribute('aria-invalid'); return; }
    input.setAttribute('aria-invalid', 'true');
    for (const [fold, names] of folds) if (names.includes(name)) fold.open = true;
  }

  // Each field's message: cleared at once, shown once typing pauses.
  function showFieldErrors(errors) {
    for (const name of TEXT_FIELDS) {
      if (name === 'f' || !field(`${name}-error`)) continue;
      const message = errors[name] ?? '';
      if (message === '') { pause.cancel(name); showFieldError(name, ''); }
      else pause.later(name, () => showFieldError(name, message));
    }
    if (!errors.method) { pause.cancel('method'); compare.showError(''); }
    else pause.later('method', () => compare.showError(errors.method));
  }

  // The scale the loss chart drew, when the values chose it.
  function showLogScale(logScale) {
    log.checked = logScale;
  }

  // Shows an expression error under f(x): the message, then the input with the offending column
  // underlined (and the bracket left open, if any). Everything the user typed goes in as text.
  function showExpressionError(text, error) {
    if (!error) {
      pause.cancel('f');
      field('f-error').replaceChildren();
      field('f').removeAttribute('aria-invalid');
      return;
    }
    pause.later('f', () => markExpression(text, error));
  }

  function markExpression(text, error) {
    const out = field('f-error');
    field('f').setAttribute('aria-invalid', 'true');
    const message = document.createElement('p');
    message.className = 'error-message';
    message.textContent = error.column ? `Column ${error.column}: ${error.message}` : error.message;
    out.replaceChildren(message);
    if (!error.column) return;
    const source = markedSource(text, error.column, error.openedAt);
    out.append(source);
    // The space under f is kept for a two-line message and the marked copy of the input: a longer
    // message goes alone rather than push the form down. A long input is scrolled to its mark.
    const room = parseFloat(getComputedStyle(out.parentElement).minHeight);
    if (out.getBoundingClientRect().height > room) { source.remove(); return; }
    const mark = source.querySelector('.error-at');
    source.scrollLeft = mark.offsetLeft - source.offsetLeft - source.clientWidth / 2;
  }

  method.addEventListener('change', showMethod);
  field('schedule').addEventListener('change', showSchedule);
  compare.onChange(showMethod);
  // Another message about what is wrong (the status line's): `show` waits, like the fields', for a pause
  // under `key`, and cancel(key) drops it once it no longer holds.
  return {
    read, write, showMethod, showFieldErrors, showExpressionError, showLogScale, field,
    whenPaused: pause.later, cancel: pause.cancel,
  };
}

function markedSource(text, column, openedAt) {
  const source = document.createElement('pre');
  source.className = 'error-source';
  source.setAttribute('aria-hidden', 'true');
  const marks = new Map([[column - 1, 'error-at']]);
  if (openedAt && openedAt !== column) marks.set(openedAt - 1, 'error-opened');
  // A column just past the end (the input stopped too early) is shown as a marked blank.
  const padded = column > text.length ? `${text} ` : text;
  let plain = '';
  const flush = () => { if (plain) source.append(plain); plain = ''; };
  for (let i = 0; i < padded.length; i++) {
    const mark = marks.get(i);
    if (!mark) { plain += padded[i]; continue; }
    flush();
    const span = document.createElement('mark');
    span.className = mark;
    span.textContent = padded[i] === ' ' ? '\u00a0' : padded[i];
    source.append(span);
  }
  flush();
  return source;
}
