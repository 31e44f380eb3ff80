// What the analysis views add to the path chart without owning it: markers at the stationary points
// (datasets of their own, so the legend and the tooltips name them) and, while stepping through a path,
// the tangent at x_k and an arrow to x_{k+1}, drawn on the canvas after the datasets.
import { Chart } from 'chart.js';
import { reuseDatasets } from '../charts.js';
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

function drawArrow(ctx, from, to, color) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (!(length > 2)) return;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  const head = Math.min(10, length / 2);
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - head * Math.cos(angle - 0.4), to.y - head * Math.sin(angle - 0.4));
  ctx.lineTo(to.x - head * Math.cos(angle + 0.4), to.y - head * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

// The tangent y = f(x_k) + f'(x_k)(x − x_k) across the chart, the point x_k ringed, the arrow to x_{k+1}.
function drawStep(chart, step) {
  const { ctx, chartArea: area, scales: { x: sx, y: sy } } = chart;
  if (!Number.isFinite(step.x) || !Number.isFinite(step.f)) return;
  const at = (x) => ({ x: sx.getPixelForValue(x), y: sy.getPixelForValue(step.f + step.df * (x - step.x)) });
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  if (Number.isFinite(step.df)) {
    const left = at(sx.min);
    const right = at(sx.max);
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = step.color;
    ctx.beginPath();
    ctx.moveTo(left.x, left.y);
    ctx.lineTo(right.x, right.y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const here = { x: sx.getPixelForValue(step.x), y: sy.getPixelForValue(step.f) };
  if (step.next && Number.isFinite(step.next.x) && Number.isFinite(step.next.f)) {
    drawArrow(ctx, here, { x: sx.getPixelForValue(step.next.x), y: sy.getPixelForValue(step.next.f) }, step.color);
  }
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = step.color;
  ctx.beginPath();
  ctx.arc(here.x, here.y, 9, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
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
    if (overlay?.step) drawStep(chart, overlay.step);
    overlay?.afterDraw?.(chart);
  },
};
Chart.register(plugin);

// The markers at an answer's stationary points, in the theme's colours; set before the answer is drawn.
export function setLandmarkOverlay(chart, landmarks, theme) {
  setPathOverlay(chart, {
    landmarks,
    colors: { text: theme.text, min: theme.dark ? '#6fd39a' : '#1d7a45', max: theme.dark ? '#ff8a80' : '#b3261e' },
  }, false);
}

// Sets what to draw over a path chart; any part left out keeps its value. Redraws at once unless `redraw`
// is false (a new answer redraws the chart once itself, after every view has set its part).
export function setPathOverlay(chart, changes, redraw = true) {
  const overlay = { landmarks: [], step: null, colors: { text: '#000', min: '#1d7a45', max: '#b3261e' }, ...overlays.get(chart), ...changes };
  overlays.set(chart, overlay);
  if (redraw && chart.data.datasets.length > 0) chart.update('none');
}
