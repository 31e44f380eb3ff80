// Where each step size stands against the minima in view. Near a minimum with curvature f″ > 0, plain
// gradient descent multiplies the distance to it by (1 − η f″) each step: it settles only for
// η < η_max = 2/f″, fastest at η* = 1/f″, slowly and without overshooting below η*, and overshooting
// (oscillating inwards) between η* and η_max.
import { formatShort } from '../format.js';

const MAX_MINIMA = 3;
const SAME = 1e-9;

function verdict(eta, minimum) {
  const where = `the minimum at ${formatShort(minimum.x)}`;
  const max = formatShort(minimum.etaMax);
  const best = formatShort(minimum.etaBest);
  const e = `η = ${eta}`;
  if (eta >= minimum.etaMax * (1 - SAME)) {
    return { kind: 'unstable', text: `${e} ${eta > minimum.etaMax ? '>' : '='} η_max = ${max} for ${where}: cannot settle there.` };
  }
  if (Math.abs(eta - minimum.etaBest) <= SAME * minimum.etaBest) {
    return { kind: 'best', text: `${e} = η* = ${best} for ${where}: the fastest step there.` };
  }
  if (eta > minimum.etaBest) {
    return { kind: 'overshoot', text: `η* = ${best} < ${e} < η_max = ${max} for ${where}: overshoots, then settles.` };
  }
  return { kind: 'slow', text: `${e} < η* = ${best} for ${where}: slow but steady.` };
}

// The minima to judge against: those with a finite threshold, nearest the start first, a few at most.
function minimaOf(landmarks, x0) {
  return landmarks
    .filter((point) => point.kind === 'min' && Number.isFinite(point.etaMax) && point.etaMax > 0)
    .sort((p, q) => Math.abs(p.x - x0) - Math.abs(q.x - x0))
    .slice(0, MAX_MINIMA)
    .sort((p, q) => p.x - q.x);
}

// Minima with the same curvature (a symmetric double well) share one sentence.
function grouped(minima) {
  const groups = [];
  for (const minimum of minima) {
    const same = groups.find((g) => Math.abs(g[0].etaMax - minimum.etaMax) <= 1e-9 * minimum.etaMax);
    if (same) same.push(minimum);
    else groups.push([minimum]);
  }
  return groups.map((group) => ({
    ...group[0],
    x: group[0].x,
    label: group.length === 1 ? null : group.map((p) => formatShort(p.x)),
  }));
}

export function thresholdLines(etas, landmarks, x0) {
  const lines = [];
  for (const minimum of grouped(minimaOf(landmarks, x0))) {
    for (const eta of etas) {
      const { kind, text } = verdict(eta, minimum);
      const plural = minimum.label ? text.replace(/the minimum at \S+?:/, `the minima at ${minimum.label.join(' and ')}:`) : text;
      lines.push({ kind, text: plural });
    }
  }
  return lines;
}

// Fills the list under the η field; the thresholds are those of plain gradient descent, said so for the rest.
// While x0 is dragged the lines rarely change, so the list is only rebuilt when they do.
const shownLines = new WeakMap(); // list -> the text it shows

// What the training settings change about the thresholds, said under them.
function trainingNotes(state) {
  const notes = [];
  const schedule = state?.schedule ?? 'constant';
  if (schedule !== 'constant') notes.push(`With the ${schedule} schedule η changes from step to step: these thresholds are for the η each run starts with.`);
  if ((state?.clip ?? '').trim() !== '') notes.push('Clipping caps each step at η × clip, so a run above η_max can bounce instead of diverging.');
  if ((state?.noise ?? '').trim() !== '' && Number(state.noise) !== 0) notes.push('With noise no run settles exactly: it hovers around the minimum.');
  return notes;
}

export function renderThresholds(list, { etas, landmarks, x0, methods, state }) {
  const lines = thresholdLines(etas, landmarks, x0);
  const notes = trainingNotes(state);
  const key = JSON.stringify([lines, methods.some((id) => id !== 'gd'), notes]);
  if (shownLines.get(list) === key) return;
  shownLines.set(list, key);
  const items = lines.map(({ kind, text }) => {
    const item = document.createElement('li');
    item.className = `threshold threshold-${kind}`;
    item.textContent = text;
    return item;
  });
  if (items.length > 0 && methods.some((id) => id !== 'gd')) {
    const note = document.createElement('li');
    note.className = 'threshold-note';
    note.textContent = 'These thresholds are for plain gradient descent; the other methods scale their steps differently.';
    items.push(note);
  }
  if (items.length > 0) {
    for (const text of notes) {
      const note = document.createElement('li');
      note.className = 'threshold-note';
      note.textContent = text;
      items.push(note);
    }
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}
