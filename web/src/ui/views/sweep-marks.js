// What the sweep's diagrams draw besides the iterates: η labels that do not run into each other, and the
// stretches of η where the runs diverged or left the domain, shaded and named, since they have no
// iterates to draw and a bare blank reads as missing data.
import { formatShort } from '../format.js';

const WORDS = { diverged: 'diverged', undefined: 'left the domain' };

// Consecutive step sizes whose kept iterates are all gone, as [{ from, to, words }]. Each stretch reaches
// half way (on the axis's own scale) to the step sizes beside it, and to the axis's ends.
export function blankStretches({ eta, x, keep, status, scale }) {
  const middle = (a, b) => (scale === 'log' ? Math.sqrt(a * b) : (a + b) / 2);
  const stretches = [];
  for (let i = 0; i < eta.length; i++) {
    let drawn = false;
    for (let j = i * keep; j < (i + 1) * keep && !drawn; j++) drawn = Number.isFinite(x[j]);
    if (drawn) continue;
    const words = WORDS[status[i]] ?? WORDS.diverged;
    const from = i === 0 ? eta[0] : middle(eta[i - 1], eta[i]);
    const to = i === eta.length - 1 ? eta[i] : middle(eta[i], eta[i + 1]);
    const last = stretches.at(-1);
    if (last && last.end === i - 1 && last.words === words) Object.assign(last, { to, end: i });
    else stretches.push({ from, to, words, end: i });
  }
  return stretches.map(({ from, to, words }) => ({ from, to, words }));
}

// A log axis labelled at 1, 2 and 5 times each power of ten where a decade is wide enough for three
// labels, and at the powers of ten alone where it is not; the other ticks keep their grid lines.
export function logTickLabel(value, min, max, width) {
  const decades = Math.max(Math.log10(max / min), 1e-9);
  const mantissas = width / decades >= 120 ? [1, 2, 5] : [1];
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return mantissas.some((m) => Math.abs(mantissa - m) < 1e-6) ? formatShort(value) : '';
}

// The blank stretches as light bands across the plot, each named in its lower right corner where it is
// wide enough (clear of the threshold lines, which mostly lie near where a method starts to diverge).
export const blankBands = {
  id: 'descentBlankBands',
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales: { x } } = chart;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    for (const band of options.bands ?? []) {
      const left = Math.max(area.left, x.getPixelForValue(band.from));
      const right = Math.min(area.right, x.getPixelForValue(band.to));
      if (!(right > left)) continue;
      ctx.fillStyle = options.fill;
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      if (ctx.measureText(band.words).width + 8 > right - left) continue;
      ctx.fillStyle = options.color;
      ctx.fillText(band.words, right - 6, area.bottom - 8);
    }
    ctx.restore();
  },
};
