// The stationary points in the chart's range, in words. Near a minimum with curvature f″, plain gradient
// descent settles only for η < 2/f″ and gets there fastest at η = 1/f″, which is why one step size
// crawls, another zooms in and a third bounces away.
import { formatShort } from './format.js';

const MAX_LISTED = 4;

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

export function renderLandmarks(list, landmarks, runs) {
  const shown = nearestToPaths(landmarks, runs).map((point) => {
    const item = document.createElement('li');
    item.textContent = describe(point);
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
