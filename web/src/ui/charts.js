// The two first charts: the paths drawn on the curve f(x), and the loss f(x_k) against the step k, each
// with what the noise bands add to it. Only the Chart.js parts the first picture needs are registered
// here, so the bundle leaves the rest out; tooltips, the logarithmic scale, the bands' fill and the
// step-size chart come with explorer-extras.js, loaded once the first chart is drawn.
import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController } from 'chart.js';
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

// The value spans of a set of series, for thinning when the axis is chosen by Chart.js from the data.
function spanOf(series, logY) {
  let low = Infinity;
  let high = -Infinity;
  for (const points of series) {
    for (const p of points) {
      const v = logY ? Math.log10(p.y) : p.y;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return high > low ? high - low : 1;
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
// to be on the curve.
function undefinedDatasets(runs, theme, [low, high]) {
  const floor = low + 0.03 * (high - low);
  return runs.flatMap((run, i) => {
    if (run.status !== 'undefined' || !Number.isFinite(run.final.x)) return [];
    const style = pathStyle(i, theme.dark);
    const from = points(run.x, run.f, run.k).at(-1);
    const to = { x: run.final.x, y: floor, k: run.stoppedAt, undefinedF: true };
    return [{
      role: `undefined ${i}`,
      label: runLabel(run),
      data: from ? [{ ...from, skipTooltip: true }, to] : [to],
      ...FAST_DATA,
      legend: false,
      showLine: true,
      borderDash: [5, 4],
      borderWidth: 1.5,
      borderColor: style.color,
      backgroundColor: style.color,
      pointStyle: 'crossRot',
      pointRadius: from ? [0, 8] : 8,
      pointHoverRadius: from ? [0, 9] : 9,
      pointBorderWidth: 2.5,
      order: 0,
    }];
  });
}

function pathDatasets(runs, theme, seriesOf, frameOf = () => null, sorted = false) {
  const series = runs.map(seriesOf);
  const frame = frameOf(series);
  return [
    ...runs.map((run, i) => ({ role: `path ${i}`, ...pathDataset(run, i, theme, series[i], frame, sorted) })),
    ...runs.map((run, i) => ({ role: `end ${i}`, ...endDataset(run, i, theme, series[i]) })),
  ];
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

// On a phone the legend would take half the chart, so it gets smaller type and tighter spacing there.
export function baseOptions(theme) {
  const narrow = window.matchMedia('(max-width: 600px)').matches;
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
          font: { size: narrow ? 11 : 12 },
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
  if (point.undefinedF) return `${label}, step ${point.k}: x = ${formatShort(point.x)}, f undefined`;
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

export function createPathChart(canvas, theme) {
  const chart = newChart(canvas, theme);
  const kept = new Map();

  function render(answer, currentTheme) {
    const { runs, curve, start, xRange, yRange } = answer;
    // Options are built whole and then handed over: chart.options reads back the last resolved set.
    const options = baseOptions(currentTheme);
    options.plugins.tooltip.callbacks = { label: (item) => describeStep(item, 'xf') };
    Object.assign(options.scales.x, { min: xRange[0], max: xRange[1] });
    Object.assign(options.scales.y, { min: yRange[0], max: yRange[1] });
    chart.options = options;
    chart.data.datasets = reuseDatasets(kept, [
      {
        role: 'curve', label: 'f(x)', ...curveDataset(curve), showLine: true, pointRadius: 0, pointHoverRadius: 0,
        pointStyle: 'line', borderColor: currentTheme.curve, backgroundColor: currentTheme.curve, borderWidth: 2, tooltip: false, order: 3,
      },
      ...pathDatasets(runs, currentTheme, (run) => points(run.x, run.f, run.k), () => ({
        xSpan: xRange[1] - xRange[0], ySpan: yRange[1] - yRange[0], width: chart.width, height: chart.height,
      })),
      ...undefinedDatasets(runs, currentTheme, yRange),
      ...medianPathDatasets(answer, currentTheme),
      {
        role: 'start', label: 'start x₀', data: points([start.x], [start.f], [0]), ...FAST_DATA, pointRadius: 7, pointHoverRadius: 8,
        pointStyle: 'circle', borderColor: currentTheme.text, backgroundColor: 'rgba(0,0,0,0)', borderWidth: 2,
        order: 0,
      },
    ]);
    chart.update('none');
  }

  return { render, chart };
}

// On a log axis f(x_k) itself is used when every value is positive; otherwise the gap to the lowest value
// reached, f(x_k) − min f, which is what "how far from the best" means and is never negative.
function lossSeries(runs, logScale, bands) {
  const calm = runs.filter((run) => run.status !== 'diverged');
  let lowest = bandLowest(bands);
  for (const run of runs) for (const v of run.f) if (Number.isFinite(v) && v < lowest) lowest = v;
  const shift = logScale && lowest <= 0 ? lowest : null;
  const series = runs.map((run) => {
    const ys = shift === null ? run.f : run.f.map((v) => v - shift);
    return points(Float64Array.from(run.k), ys, run.k).filter((p) => !logScale || p.y > 0);
  });
  // A diverging run would stretch the axis to 1e150 and flatten the others, so the axis frames the calm
  // runs and a diverging one is seen leaving the chart.
  let range = null;
  if (calm.length > 0 && calm.length < runs.length) {
    let low = Infinity;
    let high = -Infinity;
    series.forEach((points, i) => {
      if (runs[i].status === 'diverged') return;
      for (const point of points) { low = Math.min(low, point.y); high = Math.max(high, point.y); }
    });
    if (!(low <= high)) range = null;
    else if (logScale) range = [low / 2, high * 10];
    else {
      const pad = (high - low) * 0.08 || 1;
      range = [low - pad, high + pad];
    }
  }
  return { series, shift, range };
}

export function createLossChart(canvas, theme) {
  const chart = newChart(canvas, theme);
  const kept = new Map();

  function render(answer, currentTheme, logScale) {
    const { series, shift, range } = lossSeries(answer.runs, logScale, answer.bands);
    const options = baseOptions(currentTheme);
    options.plugins.tooltip.callbacks = { label: (item) => describeStep(item, 'f') };
    options.scales.x.title.text = 'step k';
    options.scales.x.ticks.precision = 0;
    options.scales.x.min = 0;
    options.scales.x.max = Math.max(1, ...answer.runs.map((run) => run.k[run.k.length - 1] ?? 0));
    options.scales.y.title.text = shift === null ? 'f(x_k)' : `f(x_k) − min f   (min f = ${formatShort(shift)})`;
    if (logScale) options.scales.y.type = 'logarithmic';
    if (range) Object.assign(options.scales.y, { min: range[0], max: range[1] });
    chart.options = options;
    const steps = options.scales.x.max;
    chart.data.datasets = reuseDatasets(kept, [
      ...pathDatasets(answer.runs, currentTheme, (_, i) => series[i], (all) => ({
        xSpan: steps,
        ySpan: range ? (logScale ? Math.log10(range[1] / range[0]) : range[1] - range[0]) : spanOf(all, logScale),
        width: chart.width, height: chart.height, logY: logScale,
      }), true),
      ...bandDatasets(answer, currentTheme, { shift, logScale }),
    ]);
    chart.update('none');
  }

  return { render, chart };
}
