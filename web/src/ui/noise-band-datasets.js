// What the noise bands (engine/noise-bands.js: the same experiment over many seeds) add to the two first
// charts: on the loss chart, each path's 10%–90% band of f(x_k) shaded in its colour with the median as a
// thin line; on the path chart, each path's median path, dashed. The path of the experiment's own seed
// stays the main line on both. An answer without bands adds nothing.
import { pathStyle } from './palette.js';

const BAND_ALPHA = '2e';   // the band's fill: the path's colour at 18% opacity
const FAST = { parsing: false, spanGaps: true };

// "20 seeds": bands.seeds holds the first and the last.
export function bandName(bands) {
  return `${bands.seeds[1] - bands.seeds[0] + 1} seeds`;
}

function bandLabel(answer, i) {
  const run = answer.runs[i];
  return `${run.label ?? `η = ${run.eta}`}, median of ${bandName(answer.bands)}`;
}

// The lowest value a band reaches, for the loss chart's shift on a log scale.
export function bandLowest(bands) {
  let lowest = Infinity;
  for (const band of bands?.runs ?? []) for (const v of band.fLow) if (v < lowest) lowest = v;
  return lowest;
}

// The band's three lines at the steps where all three have a value the axis can show.
function bandPoints(band, shift, logScale) {
  const low = [];
  const middle = [];
  const high = [];
  const at = (v) => (shift === null ? v : v - shift);
  for (let i = 0; i < band.k.length; i++) {
    const values = [at(band.fLow[i]), at(band.fMedian[i]), at(band.fHigh[i])];
    if (!values.every((v) => Number.isFinite(v) && (!logScale || v > 0))) continue;
    const k = band.k[i];
    low.push({ x: k, y: values[0], k });
    middle.push({ x: k, y: values[1], k });
    high.push({ x: k, y: values[2], k });
  }
  return { low, middle, high };
}

// The lower edge comes right before the upper one, whose fill ('-1') shades down to it.
export function bandDatasets(answer, theme, { shift, logScale }) {
  if (!answer.bands) return [];
  return answer.bands.runs.flatMap((band, i) => {
    const { color } = pathStyle(i, theme.dark);
    const { low, middle, high } = bandPoints(band, shift, logScale);
    const edge = {
      ...FAST, showLine: true, legend: false, tooltip: false, borderWidth: 0, pointRadius: 0, pointHoverRadius: 0,
      borderColor: 'rgba(0,0,0,0)', backgroundColor: `${color}${BAND_ALPHA}`, order: 3,
    };
    return [
      { role: `band-low ${i}`, label: `${bandLabel(answer, i)}: 10%`, data: low, ...edge, fill: false },
      { role: `band-high ${i}`, label: `${bandLabel(answer, i)}: 90%`, data: high, ...edge, fill: '-1' },
      {
        role: `band-median ${i}`, label: bandLabel(answer, i), data: middle, ...FAST, showLine: true, legend: false,
        fill: false, borderWidth: 1.25, pointRadius: 0, pointHoverRadius: 4, borderColor: color, backgroundColor: color,
        borderDash: [6, 4], order: 2,
      },
    ];
  });
}

export function medianPathDatasets(answer, theme) {
  if (!answer.bands) return [];
  return answer.bands.runs.map((band, i) => {
    const { color } = pathStyle(i, theme.dark);
    const data = [];
    for (let j = 0; j < band.k.length; j++) {
      const x = band.xMedian[j];
      const y = band.fAtMedian[j];
      if (Number.isFinite(x) && Number.isFinite(y)) data.push({ x, y, k: band.k[j] });
    }
    return {
      role: `median ${i}`, label: bandLabel(answer, i), data, ...FAST, showLine: true, legend: false,
      borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 4, borderColor: color, backgroundColor: color,
      borderDash: [6, 4], order: 2,
    };
  });
}
