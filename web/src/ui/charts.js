// The two first charts: the paths drawn on the curve f(x), and the loss f(x_k) against the step k, each
// with what the noise bands add to it. Only the Chart.js parts the first picture needs are registered
// here, so the bundle leaves the rest out; tooltips, the logarithmic scale, the bands' fill and the
// step-size chart come with explorer-extras.js, loaded once the first chart is drawn.
import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController } from 'chart.js';
import { edgeBox, placeInBox, splitAtEdges, subscript, valueText } from './edge-marks.js';
import { formatShort } from './format.js';
import { bandDatasets, bandLowest, medianPathDatasets } from './noise-band-datasets.js';
import { pathStyle } from './palette.js';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend);

export function points(xs, ys, ks) {
  const out = [];
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out.push({ x: xs[i], y: ys[i], k: ks ? ks[i] : i });
  }
  return out;
}

// Every point a run reached, overflowed ones (±∞) included: they are drawn at the chart's edge. `fs` is
// f(x_k) as the labels state it, where the axis shows something else (f − min f).
function reachedPoints(xs, ys, ks, fs = ys) {
  const out = [];
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isNaN(xs[i]) && !Number.isNaN(ys[i])) out.push({ x: xs[i], y: ys[i], k: ks[i], f: fs[i] });
  }
  return out;
}

// The curve keeps its gaps: where f is undefined (log of a negative number) the line breaks. Its x is
// sorted, so Chart.js may skip parsing and sorting it, and where it has no gap, looking for them too.
function curveDataset(curve) {
  const data = new Array(curve.x.length);
  let gaps = false;
  for (let i = 0; i < curve.x.length; i++) {
    const finite = Number.isFinite(curve.f[i]);
    gaps ||= !finite;
    data[i] = { x: curve.x[i], y: finite ? curve.f[i] : null };
  }
  return { data, parsing: false, normalized: true, spanGaps: !gaps };
}

function markerRadius(count) {
  if (count <= 60) return 3.5;
  if (count <= 300) return 2;
  return 0;
}

// A path long enough to be drawn without markers is only a line, and a line through points closer than
// a device pixel to the last point drawn looks the same without them: a converged descent spends most of
// its steps inside one pixel. Dropping those points before Chart.js sees them is what keeps redraws
// quick while x0 is dragged. `frame` gives the value spans the canvas shows (as wide as the data or wider,
// so a pixel is never underestimated) and the canvas size in CSS pixels; with `logY` distances in y are
// measured between logarithms. The first and last points always stay.
export function thinForPixels(data, frame, logY = false) {
  if (data.length <= 300 || !frame) return data;
  const scale = 1 / (globalThis.devicePixelRatio || 1);
  const px = frame.width / frame.xSpan / scale;
  const py = frame.height / frame.ySpan / scale;
  if (!(px > 0 && py > 0 && Number.isFinite(px) && Number.isFinite(py))) return data;
  const y = logY ? (p) => Math.log10(p.y) : (p) => p.y;
  const out = [data[0]];
  let lastX = data[0].x;
  let lastY = y(data[0]);
  for (let i = 1; i < data.length - 1; i++) {
    const p = data[i];
    // A gap stays a gap.
    if (p.y === null) { out.push(p); continue; }
    const py1 = y(p);
    if (Math.abs(p.x - lastX) * px < 0.5 && Math.abs(py1 - lastY) * py < 0.5) continue;
    out.push(p);
    lastX = p.x;
    lastY = py1;
  }
  out.push(data[data.length - 1]);
  return out;
}

export const FAST_DATA = { parsing: false, spanGaps: true };

export function runLabel(run) {
  const label = run.label ?? `η = ${run.eta}`;
  if (run.status === 'diverged') return `${label} (diverged)`;
  if (run.status === 'undefined') return `${label} (left the domain)`;
  return label;
}

// Point options are plain values, not functions: Chart.js then resolves them once per dataset instead of
// once per point, which keeps a 2000-point path cheap to draw. Every point is already an {x, y} object
// with finite values, so Chart.js is told to skip parsing and gap checks; `sorted` (the loss chart, where
// x is the step) lets it also skip looking for the points in view.
function pathDataset(run, index, theme, data, frame, sorted) {
  const style = pathStyle(index, theme.dark);
  return {
    label: runLabel(run),
    data: thinForPixels(data, frame, frame?.logY),
    ...FAST_DATA,
    normalized: sorted,
    showLine: true,
    borderColor: style.color,
    backgroundColor: style.color,
    pointStyle: style.pointStyle,
    borderWidth: 1.75,
    pointRadius: markerRadius(data.length),
    pointHoverRadius: 6,
    order: 1,
  };
}

// Long paths hide their markers, so each path's last point gets a marker of its own (not in the legend).
function endDataset(run, index, theme, data) {
  const style = pathStyle(index, theme.dark);
  return {
    label: runLabel(run),
    data: data.slice(-1),
    ...FAST_DATA,
    legend: false,
    tooltip: false,
    borderColor: style.color,
    backgroundColor: style.color,
    pointStyle: style.pointStyle,
    pointRadius: 4.5,
    pointHoverRadius: 6,
    order: 0,
  };
}

// Where a run left the domain, f has no value to plot, so a cross on the chart's floor marks the x it
// stepped to (reached by a dashed jump from its last real point), instead of a point that would pretend
// to be on the curve; an x beyond the chart's sides is marked at that side, with its value.
function undefinedDatasets(runs, theme, box) {
  const floor = box.bottom + 0.03 * (box.top - box.bottom);
  return runs.flatMap((run, i) => {
    if (run.status !== 'undefined' || !Number.isFinite(run.final.x)) return [];
    const style = pathStyle(i, theme.dark);
    const from = points(run.x, run.f, run.k).at(-1);
    const at = placeInBox(run.final.x, floor, box);
    const to = { x: at.x, y: floor, k: run.stoppedAt, undefinedF: true, realX: run.final.x };
    const label = `x${subscript(run.stoppedAt)} = ${valueText(run.final.x)} (f undefined)`;
    const marks = at.sides ? [{ x: at.x, y: floor, dx: at.sides === 'left' ? -1 : 1, dy: 0, label }] : [];
    const fromShown = from && placeInBox(from.x, from.y, box).sides === '' ? from : null;
    return [{
      role: `undefined ${i}`,
      label: runLabel(run),
      data: fromShown ? [{ ...fromShown, skipTooltip: true }, to] : [to],
      ...FAST_DATA,
      legend: false,
      ...dashedLine(style),
      pointStyle: 'crossRot',
      pointRadius: fromShown ? [0, 8] : 8,
      pointHoverRadius: fromShown ? [0, 9] : 9,
      pointBorderWidth: 2.5,
      order: 0,
      edgeMarks: { marks, color: style.color, halo: theme.surface },
    }];
  });
}

// The dashed line of a jump whose length is not to scale, in the path's colour.
function dashedLine(style) {
  return { showLine: true, borderDash: [5, 4], borderWidth: 1.5, borderColor: style.color, backgroundColor: style.color };
}

// A run's dashed jumps to the points beyond the chart's edges, carrying the arrowheads and labels
// edge-marks.js draws there.
function jumpDataset(run, index, theme, split) {
  const style = pathStyle(index, theme.dark);
  return {
    label: runLabel(run),
    data: split.jumps,
    ...FAST_DATA,
    spanGaps: false,
    legend: false,
    ...dashedLine(style),
    pointStyle: 'circle',
    pointRadius: 0,
    pointHoverRadius: 5,
    order: 1,
    edgeMarks: { marks: split.marks, color: style.color, halo: theme.surface },
  };
}

// `seriesOf(run, i)` gives a run's points; `box` (edge-marks.js) the plotted box, beyond which a point is
// drawn at the edge and described by `describe(run)(point)`.
function pathDatasets(runs, theme, seriesOf, { box, describe, frameOf = () => null, sorted = false }) {
  const split = runs.map((run, i) => splitAtEdges(seriesOf(run, i), box, describe(run)));
  const frame = frameOf(split.map((part) => part.inside.filter((p) => p.y !== null)));
  return {
    datasets: [
      ...runs.map((run, i) => ({ role: `path ${i}`, ...pathDataset(run, i, theme, split[i].inside, frame, sorted) })),
      ...runs.map((run, i) => ({ role: `end ${i}`, ...endDataset(run, i, theme, split[i].inside) })),
      ...runs.map((run, i) => ({ role: `jumps ${i}`, ...jumpDataset(run, i, theme, split[i]) })),
    ],
    off: split.map((part) => part.off),
  };
}

// What a chart's note says about the points it draws at its edges: per run, the values beyond them.
const NOTE_VALUES = 5;
function offChartNote(runs, off, where) {
  const lines = [];
  runs.forEach((run, i) => {
    const points = off[i];
    if (points.length === 0) return;
    const listed = points.length <= NOTE_VALUES ? points : [...points.slice(0, NOTE_VALUES - 2), null, points.at(-1)];
    const values = listed.map((p) => (p ? p.label : '…')).join(', ');
    const label = run.label ?? `η = ${run.eta}`;
    const outcome = run.status === 'diverged' ? `, and diverges at step ${run.stoppedAt}` : '';
    // A long path is thinned (engine/thin.js): the first point kept beyond the edge may not be the first step there.
    const before = run.k[run.k.indexOf(points[0].k) - 1];
    const at = before === undefined || before === points[0].k - 1 ? 'at' : 'by';
    lines.push(`${label} goes ${where} ${at} step ${points[0].k}${outcome}: ${values}.`);
  });
  return lines.join(' ');
}

// Chart.js keeps a controller and its elements per dataset object: handing it new objects on every answer
// makes it build them all again. A dataset in the same role as one drawn before (the curve, the second
// path, ...) is written into the old object instead. Each role always sets the same keys.
export function reuseDatasets(kept, datasets) {
  const next = datasets.map((dataset) => Object.assign(kept.get(dataset.role) ?? {}, dataset));
  kept.clear();
  for (const dataset of next) kept.set(dataset.role, dataset);
  return next;
}

// Chart.js prints huge values as 1.0000000000000000E152; short forms read better on an axis.
function tickLabel(value) {
  if (this.type === 'logarithmic') {
    const mantissa = value / 10 ** Math.floor(Math.log10(value));
    if (Math.abs(mantissa - 1) > 1e-9) return '';
  }
  return formatShort(value);
}

// The legend's type: a size smaller than the rest on a phone or in a narrow column (theme.narrow), where it
// would take half the chart. The rest follows Chart.defaults.font.size, which present mode enlarges
// (present-mode.js).
export function legendFontSize(narrow) {
  const size = Chart.defaults.font.size;
  return narrow ? size - 1 : size;
}

// On a phone the legend would take half the chart, so it gets smaller type and tighter spacing there.
export function baseOptions(theme) {
  const { narrow } = theme;
  const axis = (title) => ({
    type: 'linear',
    title: { display: true, text: title, color: theme.muted },
    grid: { color: theme.grid },
    border: { color: theme.grid },
    // The ends of a range chosen from the data are rarely round numbers; label only the round ticks.
    ticks: { color: theme.muted, maxRotation: 0, includeBounds: false, callback: tickLabel },
  });
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', intersect: false },
    scales: { x: axis('x'), y: axis('f(x)') },
    plugins: {
      legend: {
        labels: {
          color: theme.text, usePointStyle: true, boxHeight: narrow ? 6 : 7, padding: narrow ? 8 : 14,
          font: { size: legendFontSize(narrow) },
          sort: (a, b) => a.datasetIndex - b.datasetIndex,
          filter: (item, data) => data.datasets[item.datasetIndex].legend !== false,
        },
      },
      tooltip: { filter: (item) => item.dataset.tooltip !== false && !item.raw.skipTooltip },
    },
  };
}

export function describeStep(item, valueName) {
  const point = item.raw;
  if (point.note) return point.note;
  const label = item.dataset.label.replace(/ \(.*\)$/, '');
  if (point.undefinedF) return `${label}, step ${point.k}: x = ${formatShort(point.realX ?? point.x)}, f undefined`;
  return valueName === 'f'
    ? `${label}, step ${point.k}: f = ${formatShort(point.y)}`
    : `${label}, step ${point.k}: x = ${formatShort(point.x)}, f = ${formatShort(point.y)}`;
}

// Every chart of an explorer starts empty, as a scatter chart whose datasets draw lines where they ask to.
// It is kept on its canvas too (canvas.chart), where the browser tests read what is drawn.
export function newChart(canvas, theme) {
  const chart = new Chart(canvas, { type: 'scatter', data: { datasets: [] }, options: baseOptions(theme) });
  canvas.chart = chart;
  return chart;
}

// A point of a path beyond the path chart's box: "x₂ = −19110" past a side, "f(x₁) = 2.026e5" past the
// top or the bottom only, and the tooltip with both.
function describePathPoint(run) {
  const name = (run.label ?? `η = ${run.eta}`);
  return (point) => {
    const overflow = Number.isFinite(point.f) ? '' : ` (f = ${valueText(point.f)})`;
    const sideways = /left|right/.test(point.sides);
    const label = sideways
      ? `x${subscript(point.k)} = ${valueText(point.x)}${overflow}`
      : `f(x${subscript(point.k)}) = ${valueText(point.f)}`;
    return { label, note: `${name}, step ${point.k}: x = ${formatShort(point.x)}, f = ${formatShort(point.f)} (beyond the chart)` };
  };
}

export function createPathChart(canvas, theme) {
  const chart = newChart(canvas, theme);
  const kept = new Map();

  // Returns, in words, what is drawn at the chart's edges ('' when nothing is).
  function render(answer, currentTheme) {
    const { runs, curve, start, xRange, yRange } = answer;
    const box = edgeBox(xRange, yRange);
    // Options are built whole and then handed over: chart.options reads back the last resolved set.
    const options = baseOptions(currentTheme);
    options.plugins.tooltip.callbacks = { label: (item) => describeStep(item, 'xf') };
    Object.assign(options.scales.x, { min: xRange[0], max: xRange[1] });
    Object.assign(options.scales.y, { min: yRange[0], max: yRange[1] });
    chart.options = options;
    const paths = pathDatasets(runs, currentTheme, (run) => reachedPoints(run.x, run.f, run.k), {
      box,
      describe: describePathPoint,
      frameOf: () => ({ xSpan: xRange[1] - xRange[0], ySpan: yRange[1] - yRange[0], width: chart.width, height: chart.height }),
    });
    chart.data.datasets = reuseDatasets(kept, [
      {
        role: 'curve', label: 'f(x)', ...curveDataset(curve), showLine: true, pointRadius: 0, pointHoverRadius: 0,
        pointStyle: 'line', borderColor: currentTheme.curve, backgroundColor: currentTheme.curve, borderWidth: 2, tooltip: false, order: 3,
      },
      ...paths.datasets,
      ...undefinedDatasets(runs, currentTheme, box),
      ...medianPathDatasets(answer, currentTheme),
      {
        role: 'start', label: 'start x₀', data: points([start.x], [start.f], [0]), ...FAST_DATA, pointRadius: 7, pointHoverRadius: 8,
        pointStyle: 'circle', borderColor: currentTheme.text, backgroundColor: 'rgba(0,0,0,0)', borderWidth: 2,
        order: 0,
      },
    ]);
    chart.update('none');
    return offChartNote(runs, paths.off, 'off the chart');
  }

  return { render, chart };
}

// A loss that grows this many times over from where it started is drawn on a log axis, unless the reader
// has chosen the scale: on a linear one the blow-up flattens every other path to the floor.
const BLOW_UP = 1e4;

// Whether the log axis is the one to choose: the values it would show (f, or f − min f where f reaches
// zero or below) climb more than BLOW_UP times above the highest start. A run heading to −∞ does not
// count: on a log axis of f − min f it would flatten everything else instead.
function blowsUp(runs, lowest) {
  const value = lowest > 0 ? (v) => v : (v) => v - lowest;
  let start = 0;
  let top = 0;
  for (const run of runs) {
    if (Number.isFinite(run.f[0])) start = Math.max(start, value(run.f[0]));
    for (const v of run.f) if (Number.isFinite(v)) top = Math.max(top, value(v));
  }
  return top > BLOW_UP * Math.max(start, 1e-12 * Math.max(1, Math.abs(lowest)));
}

const LOG_FLOOR = 1e-300;

function extentOf(series, runs, keep) {
  let low = Infinity;
  let high = -Infinity;
  series.forEach((points, i) => {
    if (!keep(runs[i])) return;
    for (const { y } of points) if (Number.isFinite(y)) { low = Math.min(low, y); high = Math.max(high, y); }
  });
  return low <= high ? [low, high] : null;
}

// The loss axis: log or linear (`choice`, or chosen by blowsUp when null), the values it shows and its
// range. On a log axis f(x_k) itself is used when every value is positive; otherwise the gap to the lowest
// value reached, f(x_k) − min f, which is what "how far from the best" means and is never negative.
// A diverging run would stretch the axis to 1e150 and flatten the others, so the axis frames the calm
// runs (on a log axis, with as many decades again above them) and the diverging one is drawn leaving it,
// its values marked at the top edge.
function lossAxis(runs, choice, bands) {
  let lowest = bandLowest(bands);
  for (const run of runs) for (const v of run.f) if (Number.isFinite(v) && v < lowest) lowest = v;
  const auto = choice === null || choice === undefined;
  const logScale = auto ? blowsUp(runs, lowest) : choice;
  const shift = logScale && lowest <= 0 ? lowest : null;
  const series = runs.map((run) => {
    const ys = shift === null ? run.f : run.f.map((v) => v - shift);
    return reachedPoints(Float64Array.from(run.k), ys, run.k, run.f).filter((p) => !logScale || p.y > 0);
  });
  const calm = runs.some((run) => run.status === 'diverged') && runs.some((run) => run.status !== 'diverged');
  const all = extentOf(series, runs, () => true) ?? (logScale ? [0.1, 10] : [0, 1]);
  const framed = calm ? extentOf(series, runs, (run) => run.status !== 'diverged') ?? all : all;
  let range;
  if (logScale) {
    const decades = Math.max(3, Math.log10(framed[1] / framed[0]));
    range = [framed[0] / 2, Math.min(all[1] * 2, framed[1] * 10 ** decades)];
    // Chart.js finds no ticks on an axis reaching the subnormal numbers; beyond these, the edges mark them.
    range = [Math.max(range[0], LOG_FLOOR), Math.min(range[1], 1 / LOG_FLOOR)];
  } else {
    const pad = (framed[1] - framed[0]) * 0.08 || 1;
    range = [framed[0] - pad, framed[1] + pad];
  }
  // Where every value fits, Chart.js picks round ends itself (the box is then only for ±∞).
  const fits = range[1] >= all[1] && range[0] <= all[0];
  return { series, shift, range, fixed: !fits, logScale, auto };
}

// A point of a loss path beyond the loss chart's top or bottom: its step and f(x_k).
function describeLossPoint(run) {
  const name = (run.label ?? `η = ${run.eta}`);
  return (point) => ({
    label: `f(x${subscript(point.k)}) = ${valueText(point.f)}`,
    note: `${name}, step ${point.k}: f = ${formatShort(point.f)} (beyond the chart)`,
  });
}

function lossNote(answer, axis, off) {
  const parts = [];
  if (axis.auto && axis.logScale) {
    const top = Math.max(...answer.runs.flatMap((run) => Array.from(run.f).filter(Number.isFinite)));
    parts.push(`Log scale, chosen because f(x_k) climbs to ${valueText(top)}, more than ${formatShort(BLOW_UP)} times where it started.`);
  }
  const edges = offChartNote(answer.runs, off, 'off the chart');
  if (edges) parts.push(edges);
  return parts.join(' ');
}

export function createLossChart(canvas, theme) {
  const chart = newChart(canvas, theme);
  const kept = new Map();

  // `choice` is the reader's scale: true for log, false for linear, null to let the values decide.
  // Returns whether the axis is logarithmic and, in words, what the axis choice and the edges show.
  function render(answer, currentTheme, choice) {
    const axis = lossAxis(answer.runs, choice, answer.bands);
    const { series, shift, range, logScale } = axis;
    const options = baseOptions(currentTheme);
    options.plugins.tooltip.callbacks = { label: (item) => describeStep(item, 'f') };
    options.scales.x.title.text = 'step k';
    options.scales.x.ticks.precision = 0;
    options.scales.x.min = 0;
    options.scales.x.max = Math.max(1, ...answer.runs.map((run) => run.k[run.k.length - 1] ?? 0));
    options.scales.y.title.text = shift === null ? 'f(x_k)' : `f(x_k) − min f   (min f = ${formatShort(shift)})`;
    if (logScale) options.scales.y.type = 'logarithmic';
    if (axis.fixed) Object.assign(options.scales.y, { min: range[0], max: range[1] });
    chart.options = options;
    const steps = options.scales.x.max;
    const paths = pathDatasets(answer.runs, currentTheme, (_, i) => series[i], {
      box: edgeBox([0, steps], range, logScale),
      describe: describeLossPoint,
      frameOf: () => ({
        xSpan: steps, ySpan: logScale ? Math.log10(range[1] / range[0]) : range[1] - range[0],
        width: chart.width, height: chart.height, logY: logScale,
      }),
      sorted: true,
    });
    chart.data.datasets = reuseDatasets(kept, [...paths.datasets, ...bandDatasets(answer, currentTheme, { shift, logScale })]);
    chart.update('none');
    return { logScale, note: lossNote(answer, axis, paths.off) };
  }

  return { render, chart };
}
