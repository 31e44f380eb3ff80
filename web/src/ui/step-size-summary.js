// The step-size chart in words, one line per path: what the schedule did to η_k, and where the step
// taken stood against the curvature's limit 2/f″(x_k) along the path. It is what a screen reader hears
// for the chart (the canvas names this list), and what a reader skimming the page reads first.
import { formatShort } from './format.js';
import { pathStyle } from './palette.js';
import { showsStepTaken, takenCount, usesEta } from './step-size-runs.js';

const MAX_CHANGES = 4;

const differ = (a, b) => Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b));

// "η_k = 0.4, then 0.2 from step 10, 0.1 from step 20", or for a schedule that moves every step, where it
// started, where it ended and its extremes.
function scheduleWords(run) {
  const count = takenCount(run);
  if (count === 0) return 'no step taken';
  const changes = [];
  for (let i = 1; i < count; i++) if (differ(run.lr[i], run.lr[i - 1])) changes.push(i);
  const first = formatShort(run.lr[0]);
  if (changes.length === 0) return `η_k = ${first} throughout`;
  if (changes.length <= MAX_CHANGES) {
    return `η_k = ${first}, then ${changes.map((i) => `${formatShort(run.lr[i])} from step ${run.k[i]}`).join(', ')}`;
  }
  let low = 0;
  let high = 0;
  for (let i = 1; i < count; i++) {
    if (run.lr[i] < run.lr[low]) low = i;
    if (run.lr[i] > run.lr[high]) high = i;
  }
  // A warm-up or a decay that ends on a plateau: where the plateau starts.
  const settled = changes.at(-1);
  const last = settled < count - 1 ? settled : count - 1;
  const ends = `η_k goes from ${first} at step 0 to ${formatShort(run.lr[last])} at step ${run.k[last]}` +
    (last < count - 1 ? ', then stays there' : '');
  const extremes = [];
  if (high !== 0 && differ(run.lr[high], run.lr[last])) extremes.push(`highest ${formatShort(run.lr[high])}, at step ${run.k[high]}`);
  if (low !== 0 && differ(run.lr[low], run.lr[last])) extremes.push(`lowest ${formatShort(run.lr[low])}, at step ${run.k[low]}`);
  return extremes.length ? `${ends} (${extremes.join('; ')})` : ends;
}

// The stretches of steps where the step taken was above the limit, and the limit's range along the path.
function limitWords(run) {
  const plain = usesEta(run) && !showsStepTaken(run);
  const step = plain ? run.lr : run.taken;
  const name = plain ? 'η_k' : 'the step taken';
  let low = Infinity;
  let high = -Infinity;
  const stretches = []; // [first step above, first step back below or -1]
  for (let i = 0; i < takenCount(run); i++) {
    const limit = run.etaMax[i];
    if (!Number.isFinite(limit)) continue;
    low = Math.min(low, limit);
    high = Math.max(high, limit);
    if (!Number.isFinite(step[i])) continue;
    const open = stretches.at(-1)?.[1] === -1;
    if (step[i] > limit && !open) stretches.push([run.k[i], -1]);
    if (step[i] <= limit && open) stretches.at(-1)[1] = run.k[i];
  }
  if (low === Infinity) return 'f″ ≤ 0 all along the path, so no curvature limit';
  const limit = low === high ? `2/f″(x_k) = ${formatShort(low)}` : '2/f″(x_k)';
  const along = low === high ? '' : ` (2/f″ runs from ${formatShort(low)} to ${formatShort(high)} along the path)`;
  if (stretches.length === 0) return `${name} stays below ${limit}${along}`;
  const [from, to] = stretches[0];
  const start = from === 0 ? `${name} starts above ${limit}` : `${name} rises above ${limit} at step ${from}`;
  const open = stretches.at(-1)[1] === -1;
  if (stretches.length === 1) return `${start}${to < 0 ? ' and stays above' : ` and is back below from step ${to}`}${along}`;
  const end = open ? 'above it at the end' : `below it from step ${stretches.at(-1)[1]} on`;
  const more = stretches.length - 1;
  return `${start}, goes above it ${more === 1 ? 'once' : `${more} times`} more and is ${end}${along}`;
}
// Rebuilt only when its words change: while x0 is dragged they mostly stay the same, and rebuilding the
// list would lay out the page again for nothing.
const shownText = new WeakMap(); // list -> the key of what it shows

export function describeStepSizes(list, runs, theme) {
  const lines = runs.map((run) => {
    const parts = usesEta(run) ? [scheduleWords(run), limitWords(run)] : ['Newton takes no step size', limitWords(run)];
    return `${run.label ?? `η = ${run.eta}`}: ${parts.join('; ')}.`;
  });
  const key = JSON.stringify([theme.dark, lines]);
  if (shownText.get(list) === key) return;
  shownText.set(list, key);
  list.replaceChildren(...lines.map((text, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    const style = pathStyle(i, theme.dark);
    swatch.className = 'swatch';
    swatch.textContent = style.glyph;
    swatch.style.color = style.color;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, text);
    return item;
  }));
}
