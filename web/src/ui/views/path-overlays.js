// What the analysis views add to the path chart without owning it: markers at the stationary points
// (datasets of their own, so the legend and the tooltips name them) and, while stepping through a path,
// the tangent at x_k and an arrow to x_{k+1}, drawn on the canvas after the datasets. A point beyond the
// chart's box is drawn at its edge, as the paths are (edge-marks.js), with its value beside it.
import { Chart } from 'chart.js';
import { reuseDatasets } from '../charts.js';
import { drawEdgeLabel, edgeBox, outward, placeInBox, valueText } from '../edge-marks.js';
import { formatShort } from '../format.js';

const overlays = new WeakMap(); // chart -> { landmarks, step, colors }

const KINDS = {
  min: { label: 'minimum', plural: 'minima', pointStyle: 'triangle', rotation: 180 },
  max: { label: 'maximum', plural: 'maxima', pointStyle: 'triangle', rotation: 0 },
  flat: { label: 'flat point', plural: 'flat points', pointStyle: 'rectRot', rotation: 0 },
};

function landmarkDatasets(landmarks, colors) {
  return Object.entries(KINDS).flatMap(([kind, style]) => {
    const points = landmarks.filter((p) => p.kind === kind && Number.isFinite(p.f));
    if (points.length === 0) return [];
    return [{
      role: kind,
      label: points.length === 1 ? style.label : style.plural,
      landmarkMarkers: true,
      data: points.map((p) => ({
        x: p.x, y: p.f,
        note: `${style.label} at x = ${formatShort(p.x)}, f = ${formatShort(p.f)}`
          + (kind === 'min' && Number.isFinite(p.etaMax) ? `; η_max = ${formatShort(p.etaMax)}, η* = ${formatShort(p.etaBest)}` : ''),
      })),
      pointStyle: style.pointStyle,
      rotation: style.rotation,
      pointRadius: 7,
      pointHoverRadius: 9,
      borderWidth: 1.5,
      borderColor: colors.text,
      backgroundColor: kind === 'min' ? colors.min : colors.max,
      showLine: false,
      order: 2,
    }];
  });
}

function drawArrow(ctx, from, to, color, dashed) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (!(length > 2)) return;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.setLineDash(dashed ? [6, 4] : []);
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  ctx.setLineDash([]);
  const head = Math.min(10, length / 2);
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - head * Math.cos(angle - 0.4), to.y - head * Math.sin(angle - 0.4));
  ctx.lineTo(to.x - head * Math.cos(angle + 0.4), to.y - head * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

// The part of the tangent y = f + df·(x − x_k) inside the box, as [x from, x to], or null. Worked out in
// values, not pixels: at x_k = −19110 the tangent's pixels would be far beyond what a canvas draws.
function tangentSpan(step, box) {
  let from = box.left;
  let to = box.right;
  if (step.df !== 0) {
    const a = step.x + (box.bottom - step.f) / step.df;
    const b = step.x + (box.top - step.f) / step.df;
    from = Math.max(from, Math.min(a, b));
    to = Math.min(to, Math.max(a, b));
  } else if (step.f < box.bottom || step.f > box.top) {
    return null;
  }
  return from < to ? [from, to] : null;
}

// "x_k+1 = −19110" beside a point drawn at an edge (named as the step's readout names it): x when it is
// past a side, f when only past the top or bottom.
function edgeText(point, at, name) {
  const overflow = Number.isFinite(point.f) ? '' : ` (f = ${valueText(point.f)})`;
  return /left|right/.test(at.sides) ? `${name} = ${valueText(point.x)}${overflow}` : `f(${name}) = ${valueText(point.f)}`;
}

// The tangent y = f(x_k) + f'(x_k)(x − x_k) across the chart, the point x_k ringed, the arrow to x_{k+1}.
// A point beyond the box is ringed or pointed at on its edge, the arrow to it dashed, and its value written.
function drawStep(chart, step, colors) {
  const { ctx, chartArea: area, scales: { x: sx, y: sy } } = chart;
  const box = edgeBox([sx.min, sx.max], [sy.min, sy.max]);
  const here = placeInBox(step.x, step.f, box);
  if (!here) return;
  const pixel = (at) => ({ x: sx.getPixelForValue(at.x), y: sy.getPixelForValue(at.y) });
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  const span = Number.isFinite(step.df) && Number.isFinite(step.f) ? tangentSpan(step, box) : null;
  if (span) {
    const [left, right] = span.map((x) => pixel({ x, y: step.f + step.df * (x - step.x) }));
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = step.color;
    ctx.beginPath();
    ctx.moveTo(left.x, left.y);
    ctx.lineTo(right.x, right.y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const herePixel = pixel(here);
  const next = step.next && placeInBox(step.next.x, step.next.f, box);
  if (next) drawArrow(ctx, herePixel, pixel(next), step.color, Boolean(here.sides || next.sides));
  ctx.restore();
  // The ring is not clipped: at an edge, half of it would be.
  ctx.save();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = step.color;
  ctx.beginPath();
  ctx.arc(herePixel.x, herePixel.y, 9, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
  for (const [point, at, name] of [[step, here, 'x_k'], [step.next, next, 'x_k+1']]) {
    if (!at?.sides) continue;
    const where = { ...pixel(at), ...outward(at.sides) };
    drawEdgeLabel(chart, where, edgeText(point, at, name), step.color, colors.surface);
  }
}

const plugin = {
  id: 'descentPathOverlays',
  beforeUpdate(chart) {
    const overlay = overlays.get(chart);
    if (!overlay) return;
    const datasets = chart.data.datasets.filter((d) => !d.landmarkMarkers);
    overlay.kept ??= new Map();
    chart.data.datasets = [...datasets, ...reuseDatasets(overlay.kept, landmarkDatasets(overlay.landmarks, overlay.colors))];
  },
  afterDatasetsDraw(chart) {
    const overlay = overlays.get(chart);
    if (overlay?.step) drawStep(chart, overlay.step, overlay.colors);
    overlay?.afterDraw?.(chart);
  },
};
Chart.register(plugin);

// The markers at an answer's stationary points, in the theme's colours; set before the answer is drawn.
export function setLandmarkOverlay(chart, landmarks, theme) {
  setPathOverlay(chart, {
    landmarks,
    colors: {
      text: theme.text, surface: theme.surface, min: theme.dark ? '#6fd39a' : '#1d7a45', max: theme.dark ? '#ff8a80' : '#b3261e',
    },
  }, false);
}

// Sets what to draw over a path chart; any part left out keeps its value. Redraws at once unless `redraw`
// is false (a new answer redraws the chart once itself, after every view has set its part).
export function setPathOverlay(chart, changes, redraw = true) {
  const overlay = {
    landmarks: [], step: null, colors: { text: '#000', surface: '#fff', min: '#1d7a45', max: '#b3261e' }, ...overlays.get(chart), ...changes,
  };
  overlays.set(chart, overlay);
  if (redraw && chart.data.datasets.length > 0) chart.update('none');
}
