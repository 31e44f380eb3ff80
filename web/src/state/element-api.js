// The public face of <descent-explorer>, apart from the experiment's settings (which come from the engine's
// settings table, state/settings.js EXPERIMENT_KEYS): its own attributes, properties, events, parts and CSS
// custom properties. The element reads these tables, scripts/custom-elements.mjs (run by build-web.mjs) writes
// custom-elements.json from them, and tests/node/element-api.test.mjs checks that README.md names every entry.

// Attributes that shape the element rather than the experiment.
export const ELEMENT_ATTRIBUTES = [
  {
    name: 'controls', values: ['full', 'compact', 'none'], default: 'full',
    description: 'How much of the form shows: the whole form, one row of f, x0, η and steps, or none (a figure).',
  },
  {
    name: 'panels', values: null, default: null,
    description: 'Which panels show, comma-separated, from: formulas, path, points, steps, loss, step-size, table, '
      + 'actions (they stand in that order). Without it: every panel with controls="full", "path,loss,table" otherwise.',
  },
  {
    name: 'theme', values: ['auto', 'light', 'dark'], default: 'auto',
    description: 'auto follows the page around the element (its color-scheme, else its background), light or dark fix it.',
  },
  {
    name: 'log', values: null, default: null,
    description: 'The loss chart\'s scale: log (present) or linear (log="false"); without it, the one the values call for.',
  },
];

// The panels an explorer can show, in the order they stand, each a ::part of the same name.
export const PANELS = [
  { name: 'formulas', description: 'f(x), f′(x) and f″(x) as mathematics, each with a LaTeX button.' },
  { name: 'path', description: 'The curve with each run\'s path of points, and the stationary points in view.' },
  { name: 'points', description: 'Under the path chart: the stationary points in view, each with the step sizes to try there.' },
  { name: 'steps', description: 'The step-through under the path chart: one step at a time, with its arithmetic.' },
  { name: 'loss', description: 'f(x_k) against the step k for each run.' },
  { name: 'step-size', description: 'The step size of each step against the largest the curvature allows.' },
  { name: 'table', description: 'Where each run ended: final x, f(x), |f′(x)| and its status.' },
  { name: 'actions', description: 'The Embed and Download CSV buttons.' },
];

export const DEFAULT_PANELS = {
  full: PANELS.map((panel) => panel.name),
  compact: ['path', 'loss', 'table'],
  none: ['path', 'loss', 'table'],
};

// Parts that are not panels.
export const OTHER_PARTS = [
  { name: 'controls', description: 'The form (with controls="full" or "compact").' },
  { name: 'status', description: 'The status line: what ran, how long it took, or what to fix.' },
];

export const PROPERTIES = [
  {
    name: 'experiment', type: 'object',
    description: 'The settings as an object named as the attributes (the defaults filled in). Assigning an object '
      + 'replaces them (strings, numbers, or lists of them joined with commas, as eta: [0.1, 0.3]; a setting left '
      + 'out or undefined takes its default) and runs again; a name that is not a setting throws a TypeError.',
  },
  {
    name: 'result', type: 'object | null', readonly: true,
    description: 'The last answer, as the detail of the last descent-run event; null before the first.',
  },
];

export const EVENTS = [
  {
    name: 'descent-run',
    description: 'After each answer is drawn. detail: { experiment, runs: [{ method, eta, status, stoppedAt, x, f }] } '
      + '(status is converged, max-steps, diverged or undefined). Bubbles and is composed.',
  },
  {
    name: 'descent-error',
    description: 'When an experiment cannot run. detail: { message, setting } where setting names the attribute at '
      + 'fault (f for the function, with column, the 1-based position in it), or is null; one event for each '
      + 'error found (a field, then f). Bubbles and is composed.',
  },
];

// The custom properties a page may set on the element (or any ancestor) to restyle it. Each stands in for
// the explorer's own property of the same name without the prefix; unset, the theme's value applies.
export const CSS_PROPERTIES = [
  { name: '--descent-surface', description: 'Background of the panels.' },
  { name: '--descent-text', description: 'Text colour.' },
  { name: '--descent-muted', description: 'Secondary text: notes, labels, axis ticks.' },
  { name: '--descent-border', description: 'Panel and field borders.' },
  { name: '--descent-accent', description: 'Buttons, links and focus rings.' },
  { name: '--descent-curve', description: 'The curve f(x) on the path chart.' },
  { name: '--descent-grid', description: 'Chart grid lines.' },
  { name: '--descent-error', description: 'Error messages and fields in error.' },
  { name: '--descent-font', description: 'The text font (by default the page\'s own, inherited).' },
  { name: '--descent-mono', description: 'The font of fields and numbers.' },
  { name: '--descent-radius', description: 'Corner radius of panels and fields.' },
  { name: '--descent-space', description: 'The space between and inside panels.' },
];
