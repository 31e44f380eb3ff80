// The settings of the analysis views that live in the URL next to the experiment's (starts=50&startseed=1&a=-3&b=3,
// sweepmin=0.001&sweepmax=1&sweepn=400&sweepscale=log), with the engine's defaults (state/settings.js).
// Blank means the default shown as a placeholder.
import { pageName, SETTINGS, VIEW_DEFAULTS } from './settings.js';

export { VIEW_DEFAULTS };
export const VIEW_KEYS = Object.keys(VIEW_DEFAULTS);

const inputOf = (root, key) => root.querySelector(`#view-${key}`);

// The typed values, '' where the field is blank, a menu shows its default, or the view is not on this page.
export function readViewFields(root) {
  return Object.fromEntries(VIEW_KEYS.map((key) => {
    const input = inputOf(root, key);
    const value = input?.value.trim() ?? '';
    return [key, input?.tagName === 'SELECT' && value === VIEW_DEFAULTS[key] ? '' : value];
  }));
}

export function writeViewFields(root, state) {
  for (const key of VIEW_KEYS) {
    const input = inputOf(root, key);
    if (!input) continue;
    const value = state[key] ?? '';
    input.value = input.tagName === 'SELECT' ? (value || VIEW_DEFAULTS[key]) : value;
  }
}

// A view's number, or the default when blank; NaN when it is not a number.
export function viewNumber(state, key) {
  const text = String(state[key] ?? '').trim().replace(/\u2212/g, '-');
  return Number(text === '' ? VIEW_DEFAULTS[key] : text);
}

// A view's fields as the engine's settings of `request` ('multiStart' or 'sweep'), by the engine's names:
// { count, seed, a, b }. Whether they are in range is the engine's to say; only a field whose text is no
// number is caught here, as { error, key } (key: the field's, as in the URL).
export function viewSettings(state, request, names) {
  const settings = {};
  for (const name of names) {
    const key = pageName(request, name);
    const value = viewNumber(state, key);
    if (Number.isNaN(value)) {
      const label = SETTINGS[request].find((setting) => setting.name === name)?.label ?? name;
      return { error: `${label} must be a number.`, key };
    }
    settings[name] = value;
  }
  return settings;
}
