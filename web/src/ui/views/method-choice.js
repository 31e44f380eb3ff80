// Several methods in one run: the method menu picks the first, the "compare with" boxes add others
// (in the URL as method=gd,momentum,adam). The update rules of every chosen method are written out below.
import { METHODS } from '../../state/methods.js';
import { renderMethodRules } from './method-rules.js';

export function createMethodChoice(select, ruleSlot) {
  const box = document.createElement('fieldset');
  box.className = 'compare';
  const legend = Object.assign(document.createElement('legend'), { textContent: 'compare with' });
  const list = Object.assign(document.createElement('div'), { className: 'compare-list' });
  const boxes = new Map();
  for (const { id, name } of METHODS) {
    const label = Object.assign(document.createElement('label'), { className: 'compare-item', title: name });
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: id, id: `compare-${id}` });
    input.name = 'compare';
    label.append(input, ` ${id}`);
    list.append(label);
    boxes.set(id, { input, label });
  }
  box.append(legend, list);
  select.after(box);
  // A message about the choice (too many paths, a method the engine refuses) goes under the boxes.
  const error = select.getRootNode().querySelector('#method-error');
  box.after(error);
  box.setAttribute('aria-describedby', error.id);
  // Takes the place (and the id, which the menu's aria-describedby names) of the one-line rule.
  const rules = Object.assign(document.createElement('div'), { className: 'method-rules', id: ruleSlot.id });
  ruleSlot.replaceWith(rules);

  // The menu's own method is not offered again as a box.
  function syncBoxes() {
    for (const [id, { input, label }] of boxes) {
      label.hidden = id === select.value;
      if (label.hidden) input.checked = false;
    }
  }

  function read() {
    const others = [...boxes.values()].map(({ input }) => input).filter((input) => input.checked && input.value !== select.value)
      .map((input) => input.value);
    return [select.value, ...others].join(',');
  }

  function write(text) {
    const ids = String(text).split(',').map((id) => id.trim()).filter(Boolean);
    select.value = ids[0] ?? 'gd';
    syncBoxes();
    for (const [id, { input }] of boxes) input.checked = ids.slice(1).includes(id);
  }

  function showRules() {
    renderMethodRules(rules, read().split(','));
  }

  function showError(message) {
    error.textContent = message;
    box.classList.toggle('invalid', message !== '');
    if (message) select.setAttribute('aria-invalid', 'true');
    else select.removeAttribute('aria-invalid');
  }

  function onChange(callback) {
    select.addEventListener('change', () => { syncBoxes(); callback(); });
    list.addEventListener('change', callback);
  }

  syncBoxes();
  return { read, write, showRules, showError, onChange };
}
