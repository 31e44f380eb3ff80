// The stationary points in the chart's range, in words. Near a minimum with curvature f″, plain gradient
// descent settles only for η < 2/f″ and gets there fastest at η = 1/f″, which is why one step size
// crawls, another zooms in and a third bounces away. Beside each such minimum, two buttons put one of
// those step sizes in the η field and run: η* = 1/f″, and just inside the limit, 0.99·η_max.
import { formatShort } from './format.js';

const MAX_LISTED = 4;
const INSIDE_LIMIT = 0.99;

// A step size as the η field gets it: six significant digits are plenty, and read back as typed.
function etaText(value) {
  return String(Number(value.toPrecision(6)));
}

function etaButton(text, label, value, onEta) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'action eta-choice', textContent: text });
  button.setAttribute('aria-label', label);
  button.dataset.eta = etaText(value);
  button.addEventListener('click', () => onEta(button.dataset.eta));
  return button;
}

function etaButtons(point, onEta) {
  const where = `the minimum at x = ${formatShort(point.x)}`;
  const best = point.etaBest;
  const stable = INSIDE_LIMIT * point.etaMax;
  const group = Object.assign(document.createElement('span'), { className: 'eta-choices' });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Step sizes for ${where}`);
  group.append(
    etaButton(`η* = ${formatShort(best)} (fastest)`, `Set η to ${formatShort(best)}, the fastest step size for ${where}, and run`, best, onEta),
    etaButton(`0.99·η_max = ${formatShort(stable)} (largest stable)`,
      `Set η to ${formatShort(stable)}, just inside the largest stable step size for ${where}, and run`, stable, onEta),
  );
  return group;
}

function describe(point) {
  const where = `x = ${formatShort(point.x)}`;
  if (point.kind === 'min') {
    if (!Number.isFinite(point.etaMax)) return `Minimum at ${where}, f = ${formatShort(point.f)}.`;
    return `Minimum at ${where}, f = ${formatShort(point.f)}: gradient descent settles here only for ` +
      `η < ${formatShort(point.etaMax)} (2/f″), fastest at η = ${formatShort(point.etaBest)} (1/f″).`;
  }
  if (point.kind === 'max') return `Maximum at ${where}, f = ${formatShort(point.f)}: paths roll away from it.`;
  return `Flat point at ${where}, f = ${formatShort(point.f)}: f′ and f″ both vanish, so progress there is slow.`;
}

// With many stationary points in view (sin x over a wide range), the ones where the paths ended matter.
function nearestToPaths(landmarks, runs) {
  const ends = runs.map((run) => run.final.x).filter(Number.isFinite);
  const distance = (point) => Math.min(Infinity, ...ends.map((x) => Math.abs(x - point.x)));
  return [...landmarks].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_LISTED).sort((a, b) => a.x - b.x);
}

// onEta(text), when given, sets the η field to text and runs.
export function renderLandmarks(list, landmarks, runs, onEta = null) {
  const shown = nearestToPaths(landmarks, runs).map((point) => {
    const item = document.createElement('li');
    item.textContent = describe(point);
    if (onEta && point.kind === 'min' && Number.isFinite(point.etaMax) && Number.isFinite(point.etaBest)) {
      item.append(' ', etaButtons(point, onEta));
    }
    return item;
  });
  if (landmarks.length > MAX_LISTED) {
    const more = document.createElement('li');
    more.textContent = `…and ${landmarks.length - MAX_LISTED} more stationary points farther from where the paths ended.`;
    shown.push(more);
  }
  list.replaceChildren(...shown);
  list.hidden = shown.length === 0;
}
