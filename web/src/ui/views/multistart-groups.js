// Where many runs ended, in groups a histogram can show: at a stationary point (within a tolerance),
// "diverged", "undefined" (left the domain) or "elsewhere" (still on its way, or stuck somewhere flat).
// Plain data in, plain data out, so the page and a Node test group the same way.
import { formatShort } from '../format.js';

const KIND_WORDS = { min: 'min', max: 'max', flat: 'flat' };

export function groupTolerance(a, b) {
  return Math.max(1e-6, 0.01 * Math.max(1, Math.abs(a), Math.abs(b)));
}

// finals: Float64Array of final x; status: strings; points: stationary points [{ x, kind }].
export function groupFinals(finals, status, points, tolerance) {
  const groups = points.map((p) => ({ key: `${p.kind}:${p.x}`, label: `${KIND_WORDS[p.kind]} x = ${formatShort(p.x)}`, kind: p.kind, x: p.x, count: 0 }));
  const other = {
    elsewhere: { key: 'elsewhere', label: 'elsewhere', kind: 'elsewhere', count: 0 },
    diverged: { key: 'diverged', label: 'diverged', kind: 'diverged', count: 0 },
    undefined: { key: 'undefined', label: 'left the domain', kind: 'undefined', count: 0 },
  };
  for (let i = 0; i < finals.length; i++) {
    if (status[i] === 'diverged' || status[i] === 'undefined') { other[status[i]].count++; continue; }
    let best = null;
    for (const g of groups) {
      const d = Math.abs(finals[i] - g.x);
      if (d <= tolerance && (!best || d < Math.abs(finals[i] - best.x))) best = g;
    }
    (best ?? other.elsewhere).count++;
  }
  return [...groups.filter((g) => g.kind !== 'flat' || g.count > 0), ...Object.values(other).filter((g) => g.count > 0)];
}

// A histogram in words, as a screen reader hears it: "of 50 starts, 25 end at min x = −1.225, 25 end at
// min x = 1.225, 0 end at max x = 0".
export function groupWords(groups, total) {
  const words = groups.map((g) => `${g.count} ${g.kind in KIND_WORDS ? `end at ${g.label}` : g.label}`);
  return `of ${total} starts, ${words.join(', ')}`.replace(/-/g, '\u2212');
}
