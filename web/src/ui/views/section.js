// The frame the analysis views share: a titled panel with a few settings, a Run button, a status line
// and a body for what they draw; progress and Cancel for their long jobs; names listed in a status line.
import { methodById } from '../../state/methods.js';

// The place for what is wrong with a field, which the field names as its description. It is kept on the
// field's wrapper until appendFields puts it under the row, where a sentence has the panel's width.
function withErrorSlot(wrapper, input) {
  const error = Object.assign(document.createElement('p'), { id: `${input.id}-error`, className: 'error' });
  error.setAttribute('aria-live', 'polite');
  input.setAttribute('aria-describedby', error.id);
  wrapper.errorSlot = error;
  return wrapper;
}

export function numberField(key, label, placeholder) {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const id = `view-${key}`;
  const labelElement = Object.assign(document.createElement('label'), { htmlFor: id, textContent: label });
  const input = Object.assign(document.createElement('input'), { id, className: 'mono', placeholder, spellcheck: false });
  input.setAttribute('inputmode', 'decimal');
  wrapper.append(labelElement, input);
  return withErrorSlot(wrapper, input);
}

export function selectField(key, label, options) {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const id = `view-${key}`;
  const labelElement = Object.assign(document.createElement('label'), { htmlFor: id, textContent: label });
  const select = Object.assign(document.createElement('select'), { id });
  for (const [value, text] of options) select.append(new Option(text, value));
  wrapper.append(labelElement, select);
  return withErrorSlot(wrapper, select);
}

// Puts fields made by numberField and selectField in the row `fields`, and their error slots under it.
export function appendFields(fields, ...wrappers) {
  const errors = Object.assign(document.createElement('div'), { className: 'analysis-errors' });
  fields.append(...wrappers);
  errors.append(...wrappers.map((wrapper) => wrapper.errorSlot));
  fields.after(errors);
}

// What the status line says while a message sits on one of the view's fields.
export const FIX_FIELD = 'Fix the highlighted field to run.';

// Shows each message of `errors` (page key -> message) on the view field it is about, and clears the
// others of `fields`. Returns whether one of the messages found its field.
export function showViewErrors(fields, errors) {
  let placed = false;
  for (const input of fields.querySelectorAll('input, select')) {
    const message = errors[input.id.replace(/^view-/, '')] ?? '';
    fields.parentElement.querySelector(`#${input.id}-error`).textContent = message;
    if (message === '') input.removeAttribute('aria-invalid');
    else { input.setAttribute('aria-invalid', 'true'); placed = true; }
  }
  return placed;
}

// runLabel: the Run button's name, saying what it runs ("Run many starts"); the page has several.
export function analysisSection({ id, title, intro, runLabel }) {
  const section = document.createElement('section');
  section.className = 'panel analysis';
  section.id = id;
  section.setAttribute('aria-labelledby', `${id}-title`);
  section.setAttribute('aria-busy', 'false');
  const head = document.createElement('div');
  head.className = 'card-head';
  const h2 = Object.assign(document.createElement('h2'), { id: `${id}-title`, textContent: title });
  const tools = Object.assign(document.createElement('span'), { className: 'card-tools' });
  const run = Object.assign(document.createElement('button'), { type: 'button', className: 'action run', textContent: 'Run' });
  run.id = `${id}-run`;
  run.setAttribute('aria-label', runLabel);
  tools.append(run);
  head.append(h2, tools);
  const text = Object.assign(document.createElement('p'), { className: 'hint', textContent: intro });
  const fields = Object.assign(document.createElement('div'), { className: 'row analysis-fields' });
  const status = Object.assign(document.createElement('p'), { className: 'status analysis-status', id: `${id}-status` });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const body = Object.assign(document.createElement('div'), { className: 'analysis-body', id: `${id}-body` });
  section.append(head, text, fields, status, body);
  return { section, head, tools, fields, run, status, body };
}

// A Cancel button in the panel's head and a progress bar at the top of its body, both hidden until a
// long job runs: show() when it starts, report(fraction) as it goes, hide() when it ends.
export function progressControls({ id, tools, body, label }) {
  const cancel = Object.assign(document.createElement('button'), { type: 'button', className: 'action', textContent: 'Cancel', id: `${id}-cancel` });
  cancel.hidden = true;
  tools.prepend(cancel);
  const progress = Object.assign(document.createElement('progress'), { max: 100, value: 0, id: `${id}-progress` });
  progress.hidden = true;
  progress.setAttribute('aria-label', label);
  body.prepend(progress);
  return {
    cancel,
    progress,
    show() { progress.value = 0; progress.hidden = false; cancel.hidden = false; },
    report(fraction) { progress.value = Math.round(fraction * 100); },
    hide() { progress.hidden = true; cancel.hidden = true; },
  };
}

// ['gd', 'momentum', 'adam'] -> 'gd, momentum, and adam'
export function listWords(words) {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(words);
}

// A method's heading in a view: its name, then its id as typed in a link ("Momentum momentum").
export function methodTitle(element, id) {
  element.textContent = methodById(id)?.name ?? id;
  element.append(' ', Object.assign(document.createElement('span'), { className: 'method-id mono', textContent: id }));
  return element;
}

// The experiment's request and the view's settings, or null once the page says what to fix first: the
// experiment's fields, or the view's own field (its message on that field where it has one).
export function readyToRun({ request, settings, fields, status }) {
  const base = request();
  const chosen = settings();
  const onField = showViewErrors(fields, chosen.error ? { [chosen.key]: chosen.error } : {});
  if (!base) { status.textContent = 'Fix the experiment’s fields first.'; return null; }
  if (chosen.error) { status.textContent = onField ? FIX_FIELD : chosen.error; return null; }
  return { base, chosen };
}
