// The model a step minimizes, drawn on the path chart at x_k while stepping through a path (the
// step-through turns it on). A gradient step x_{k+1} = x_k − η_k·g_k is the lowest point of the parabola
// q(x) = f(x_k) + g_k(x − x_k) + (x − x_k)²/(2η_k); a Newton step is the stationary point of the Taylor
// parabola, whose curvature is f″(x_k); momentum and the adaptive methods minimize a parabola of
// curvature 1/h through (x_k, f(x_k)), h being the step they scale their direction by. Each is drawn as
// q(x) = f(x_k) + c·((x − x_{k+1})² − (x_k − x_{k+1})²)/2 with the engine's x_{k+1}, so its lowest point
// is exactly where the step went. A line search has no parabola: it tries points along the ray x_k − t·g_k,
// and the curve along that ray is drawn with the trial points. The model is datasets of its own (not in
// the legend) so a reader's tools, and the tests, can read it off the chart.
import { Chart } from 'chart.js';
import { FAST_DATA } from '../charts.js';
import { formatShort } from '../format.js';

const SAMPLES = 160;
const models = new WeakMap(); // chart -> { model, kept: Map(role -> dataset) }

function quadratic({ x, f, next, curvature }) {
  const offset = (x - next) ** 2;
  return (at) => f + (curvature * ((at - next) ** 2 - offset)) / 2;
}

// Points of the parabola across what the chart shows, dense where it is in view: from its lowest (or
// highest) point out to where it leaves the chart's top (or bottom), and its lowest point itself.
function parabolaPoints(model, [xMin, xMax], [yMin, yMax]) {
  const q = quadratic(model);
  const c = model.curvature;
  const apex = q(model.next);
  let lo = xMin;
  let hi = xMax;
  const room = c > 0 ? yMax - apex : apex - yMin;
  if (c !== 0 && room > 0) {
    const half = 1.1 * Math.sqrt((2 * room) / Math.abs(c));
    lo = Math.max(xMin, model.next - half);
    hi = Math.min(xMax, model.next + half);
  }
  if (!(lo < hi)) { lo = xMin; hi = xMax; }
  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => lo + ((hi - lo) * i) / SAMPLES);
  if (model.next > lo && model.next < hi) xs.push(model.next);
  xs.sort((a, b) => a - b);
  return xs.map((x) => ({ x, y: q(x) })).filter((p) => Number.isFinite(p.y));
}

function line(role, color, data, extra = {}) {
  return {
    role, modelOverlay: true, label: 'model', data, ...FAST_DATA, legend: false, tooltip: false,
    showLine: true, borderColor: color, backgroundColor: color, pointRadius: 0, pointHoverRadius: 0, order: 0, ...extra,
  };
}

function datasetsOf(model, chart) {
  const { x: sx, y: sy } = chart.options.scales;
  const xRange = [sx?.min ?? chart.scales.x?.min, sx?.max ?? chart.scales.x?.max];
  const yRange = [sy?.min ?? chart.scales.y?.min, sy?.max ?? chart.scales.y?.max];
  if (!xRange.every(Number.isFinite) || !yRange.every(Number.isFinite)) return [];
  if (model.kind === 'ray') {
    const data = Array.from(model.x, (x, i) => ({ x, y: model.f[i] })).filter((p) => Number.isFinite(p.y));
    const trials = model.trials.filter((p) => Number.isFinite(p.f)).map((p) => ({ x: p.x, y: p.f }));
    return [
      line('model', `${model.color}66`, data, { borderWidth: 7, borderCapStyle: 'round' }),
      line('model points', model.color, trials, {
        label: 'trial steps', showLine: false, pointRadius: trials.map((_, i) => (i === trials.length - 1 ? 6 : 4)),
        pointStyle: 'circle', borderWidth: 2, backgroundColor: trials.map((_, i) => (i === trials.length - 1 ? model.color : 'rgba(0,0,0,0)')),
      }),
    ];
  }
  const data = parabolaPoints(model, xRange, yRange);
  const lowest = quadratic(model)(model.next);
  return [
    line('model', model.color, data, { label: 'model parabola', borderWidth: 2, borderDash: [2, 3] }),
    line('model points', model.color, [{ x: model.next, y: lowest }], {
      label: 'lowest point of the model', showLine: false, pointRadius: 5, pointStyle: 'rectRot', borderWidth: 2,
    }),
  ];
}

// A lowest point beyond the chart (a step size so large the model is almost flat) is pointed at from the
// nearest edge, with where it is: the reader still sees where the step is headed.
function drawApexBeyond(chart, model) {
  const { ctx, chartArea: area, scales: { x: sx, y: sy } } = chart;
  const apex = { x: model.next, y: quadratic(model)(model.next) };
  const px = sx.getPixelForValue(apex.x);
  const py = sy.getPixelForValue(apex.y);
  const inside = px >= area.left && px <= area.right && py >= area.top && py <= area.bottom;
  if (inside || !Number.isFinite(px) || !Number.isFinite(py)) return;
  const at = { x: Math.min(area.right - 6, Math.max(area.left + 6, px)), y: Math.min(area.bottom - 6, Math.max(area.top + 6, py)) };
  const angle = Math.atan2(py - at.y, px - at.x);
  const word = model.curvature > 0 ? 'lowest' : 'highest';
  const label = `model’s ${word} point: x = ${formatShort(apex.x)}, q = ${formatShort(apex.y)}`;
  ctx.save();
  ctx.fillStyle = model.color;
  ctx.beginPath();
  ctx.moveTo(at.x + 7 * Math.cos(angle), at.y + 7 * Math.sin(angle));
  ctx.lineTo(at.x + 6 * Math.cos(angle + 2.4), at.y + 6 * Math.sin(angle + 2.4));
  ctx.lineTo(at.x + 6 * Math.cos(angle - 2.4), at.y + 6 * Math.sin(angle - 2.4));
  ctx.closePath();
  ctx.fill();
  ctx.font = '600 12px system-ui, sans-serif';
  const right = at.x > (area.left + area.right) / 2;
  ctx.textAlign = right ? 'right' : 'left';
  ctx.textBaseline = at.y > (area.top + area.bottom) / 2 ? 'bottom' : 'top';
  ctx.fillText(label, at.x + (right ? -10 : 10), at.y + (ctx.textBaseline === 'bottom' ? -4 : 4));
  ctx.restore();
}

Chart.register({
  id: 'descentModelParabola',
  afterDatasetsDraw(chart) {
    const model = models.get(chart)?.model;
    if (model?.kind === 'parabola') drawApexBeyond(chart, model);
  },
  beforeUpdate(chart) {
    const entry = models.get(chart);
    if (!entry) return;
    const others = chart.data.datasets.filter((d) => !d.modelOverlay);
    const mine = entry.model ? datasetsOf(entry.model, chart) : [];
    const next = mine.map((dataset) => Object.assign(entry.kept.get(dataset.role) ?? {}, dataset));
    entry.kept = new Map(next.map((dataset) => [dataset.role, dataset]));
    chart.data.datasets = [...others, ...next];
  },
});

// The model to draw at the step shown, or null for none: { kind: 'parabola', x, f, next, curvature, color }
// or { kind: 'ray', x, f (the curve along the ray), trials: [{ x, f }], color }. Redraws unless `redraw`
// is false (the caller then redraws).
export function setModel(chart, model, redraw = true) {
  const entry = models.get(chart) ?? { model: null, kept: new Map() };
  if (!entry.model && !model && models.has(chart)) return;
  entry.model = model;
  models.set(chart, entry);
  if (redraw && chart.data.datasets.length > 0) chart.update('none');
}
