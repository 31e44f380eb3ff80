// The third chart: the step size of each step. For each path, η_k as the schedule gives it (solid), the
// curvature's limit 2/f″(x_k) along the path (dotted; where f″ <= 0 there is none, so the line breaks),
// and, for a method whose step is not η_k·g_k (momentum, the adaptive methods, the line searches, Newton),
// the step it actually took, (x_k − x_{k+1})/g_k (dashed). A step above the dotted line overshoots the
// bottom of the local parabola, which is how a warm-up that climbs too high, or a constant η on a
// narrowing valley, ends up oscillating or diverging. Loaded with explorer-extras.js, after the first chart.
import { baseOptions, FAST_DATA, newChart, reuseDatasets, runLabel, thinForPixels } from './charts.js';
import { formatShort } from './format.js';
import { pathStyle } from './palette.js';
import { showsStepTaken, takenCount, usesEta } from './step-size-runs.js';
import { describeStepSizes } from './step-size-summary.js';

const LOG_SPAN = 30;

function series(run, values, logScale, count = run.k.length) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    out[i] = { x: run.k[i], y: Number.isFinite(v) && (!logScale || v > 0) ? v : null, k: run.k[i] };
  }
  return out;
}

// Values spanning more than this ratio are drawn on a logarithmic axis; the step taken and the limit are
// framed only up to this factor beyond the step sizes, so a diverging path (whose 2/f″ shrinks towards
// nothing) or an adaptive step exploding where g vanishes leaves the chart instead of flattening the rest.
const FRAME_FACTOR = 100;

function positiveRange(lists) {
  let low = Infinity;
  let high = -Infinity;
  for (const values of lists) for (const v of values) if (v > 0 && v < Infinity) { low = Math.min(low, v); high = Math.max(high, v); }
  return [low, high];
}

// The y axis: log or linear, its ends, and its span (in logarithms on a log axis), which tells the pixel
// thinning how far apart two points must be to be told apart.
function axisFor(runs) {
  const main = runs.map((run) => (usesEta(run) ? run.lr.subarray(0, takenCount(run)) : run.taken));
  const others = runs.flatMap((run) => [usesEta(run) && showsStepTaken(run) ? run.taken : [], run.etaMax]);
  let [low, high] = positiveRange(main);
  if (!(low <= high)) [low, high] = positiveRange(others);
  if (!(low <= high)) [low, high] = [0.1, 1];
  const [otherLow, otherHigh] = positiveRange(others);
  low = Math.min(low, Math.max(otherLow, low / FRAME_FACTOR));
  high = Math.max(high, Math.min(otherHigh, high * FRAME_FACTOR));
  let negative = 0;
  for (const values of [...main, ...others]) for (const v of values) if (v < negative) negative = v;
  negative = Math.max(negative, -high);
  const logScale = high / low > LOG_SPAN;
  const range = logScale ? [low / 1.4, high * 1.4] : [negative * 1.06, high * 1.06];
  const span = logScale ? Math.log10(range[1] / range[0]) : range[1] - range[0];
  return { logScale, range, span, steps: Math.max(1, ...runs.map((run) => run.k[run.k.length - 1] ?? 0)) };
}

function line(role, label, data, color, style) {
  return {
    role, label, data, ...FAST_DATA, spanGaps: false, normalized: true, showLine: true, legend: false,
    borderColor: color, backgroundColor: color, borderWidth: 1.5, borderDash: [], pointStyle: 'circle',
    pointRadius: 0, pointHoverRadius: 4, stepped: false, order: 2, ...style,
  };
}

function runDatasets(run, i, theme, logScale, frame) {
  const style = pathStyle(i, theme.dark);
  const label = runLabel(run);
  const lr = series(run, run.lr, logScale, takenCount(run));
  const taken = series(run, run.taken, logScale, takenCount(run));
  // The legend names each path once, by its main line: η_k, or for Newton the step it took.
  const main = usesEta(run) ? lr : taken;
  const drawn = thinForPixels(main, frame, logScale);
  const marked = { legend: true, pointStyle: style.pointStyle, pointRadius: main.length <= 60 ? 3 : 0, borderWidth: 1.75, order: 1 };
  // η_k holds from step k to step k + 1: Chart.js's 'before' goes across to the next step, then up or down.
  const stepped = usesEta(run) ? 'before' : false;
  return [
    line(`main ${i}`, label, drawn, style.color, { ...marked, stepped, kind: usesEta(run) ? 'lr' : 'taken' }),
    line(`taken ${i}`, label, usesEta(run) && showsStepTaken(run) ? thinForPixels(taken, frame, logScale) : [], style.color,
      { borderDash: [6, 4], kind: 'taken' }),
    line(`limit ${i}`, label, series(run, run.etaMax, logScale), style.color, { borderDash: [2, 3], borderWidth: 1.25, kind: 'limit' }),
  ];
}

const VALUE_NAMES = { lr: 'η_k', taken: 'step taken', limit: '2/f″(x_k)' };

function describePoint(item) {
  const name = item.dataset.label.replace(/ \(.*\)$/, '');
  return `${name}, step ${item.raw.k}: ${VALUE_NAMES[item.dataset.kind]} = ${formatShort(item.raw.y)}`;
}

export function createStepSizeChart(canvas, summary, theme) {
  const chart = newChart(canvas, theme);
  const kept = new Map();

  function render(answer, currentTheme) {
    const { logScale, range, span, steps } = axisFor(answer.runs);
    const options = baseOptions(currentTheme);
    options.plugins.tooltip.callbacks = { label: describePoint };
    options.plugins.tooltip.filter = (item) => item.raw.y !== null;
    Object.assign(options.scales.x, { min: 0, max: steps });
    options.scales.x.title.text = 'step k';
    options.scales.x.ticks.precision = 0;
    options.scales.y.title.text = 'step size';
    if (logScale) options.scales.y.type = 'logarithmic';
    Object.assign(options.scales.y, { min: range[0], max: range[1] });
    chart.options = options;
    const frame = { xSpan: steps, ySpan: span, width: chart.width, height: chart.height, logY: logScale };
    chart.data.datasets = reuseDatasets(kept, answer.runs.flatMap((run, i) => runDatasets(run, i, currentTheme, logScale, frame)));
    chart.update('none');
    describeStepSizes(summary, answer.runs, currentTheme);
  }

  return { render, chart };
}
