// Values beyond a chart's axes, drawn at its edge. A diverging run leaves any sensible range within a step
// or two (x₂ = −19110, then 1.4e13, then overflow), and axes stretched to hold it would flatten every other
// path; so the axes keep framing the rest, and each point beyond them is moved onto the edge it lies past:
// the line to it is dashed (its length is not to scale), an arrowhead there points the way it went, and a
// label in the path's colour gives its value. The step-through's arrow lands on the same spots
// (views/path-overlays.js), and the charts' notes list the same values in words.
import { Chart } from 'chart.js';
import { formatShort } from './format.js';

// How far inside the edges the moved points sit, as a fraction of the axis, so that their arrowheads show.
const INSET = 0.015;
const ARROW_PX = 10;
const LABEL_GAP_PX = 5;
const LINE_PX = 15;

// The plotted box: its limits, and where a point beyond them is drawn. On a log axis the inset is a
// fraction of the decades shown.
export function edgeBox([left, right], [bottom, top], logY = false) {
  const dx = (right - left) * INSET;
  const [low, high] = logY ? [Math.log10(bottom), Math.log10(top)] : [bottom, top];
  const inY = [low + (high - low) * INSET, high - (high - low) * INSET].map((v) => (logY ? 10 ** v : v));
  return { left, right, bottom, top, inX: [left + dx, right - dx], inY };
}

// Where a point is drawn: inside the box as it is, beyond it on the edge (or corner) it lies past, with
// `sides` naming them ('right top'); null for a point without a position (NaN).
export function placeInBox(x, y, box) {
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  const horizontal = x < box.left ? 'left' : x > box.right ? 'right' : '';
  const vertical = y > box.top ? 'top' : y < box.bottom ? 'bottom' : '';
  const sides = [horizontal, vertical].filter(Boolean).join(' ');
  if (!sides) return { x, y, sides };
  return {
    x: horizontal === 'left' ? box.inX[0] : horizontal === 'right' ? box.inX[1] : x,
    y: vertical === 'top' ? box.inY[1] : vertical === 'bottom' ? box.inY[0] : y,
    sides,
  };
}

// The outward direction of an edge, in canvas pixels (y grows downwards).
export function outward(sides) {
  const dx = sides.includes('left') ? -1 : sides.includes('right') ? 1 : 0;
  const dy = sides.includes('top') ? -1 : sides.includes('bottom') ? 1 : 0;
  const length = Math.hypot(dx, dy) || 1;
  return { dx: dx / length, dy: dy / length };
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
export const subscript = (k) => String(k).replace(/\d/g, (d) => SUBSCRIPTS[d]);
// A value as the labels print it, with a true minus sign.
export const valueText = (v) => formatShort(v).replace(/^-/, '−');

// One run's points split for drawing. `inside`: the points within the box, with a gap (y: null) where the
// path is beyond it, so the solid line never pretends to reach a moved point. `jumps`: dashed segments to
// and from each moved point (between two moved points only along one edge: across the chart the segment
// would pass through the view, which the real one does not). `marks`: an arrowhead per moved point, and a
// label for the first and the last of them past each edge or corner. `off`: the moved points, in order.
// `describe(point)` gives a moved point's { label, note } (the canvas label and the tooltip).
export function splitAtEdges(points, box, describe) {
  const inside = [];
  const jumps = [];
  const marks = [];
  const off = [];
  const lastBySides = new Map();
  let previous = null;
  for (const point of points) {
    const at = placeInBox(point.x, point.y, box);
    if (!at) continue;
    const shown = at.sides ? { ...point, x: at.x, y: at.y, sides: at.sides, ...describe({ ...point, sides: at.sides }) } : point;
    if (at.sides) {
      inside.push({ x: at.x, y: null, k: point.k });
      off.push(shown);
      const mark = { x: at.x, y: at.y, ...outward(at.sides), label: null, point: shown };
      if (!lastBySides.has(at.sides)) mark.label = shown.label;
      lastBySides.set(at.sides, mark);
      marks.push(mark);
    } else {
      inside.push(point);
    }
    if (previous && (previous.sides || shown.sides) && (!previous.sides || !shown.sides || previous.sides === shown.sides)) {
      jumps.push({ ...previous, skipTooltip: !previous.sides }, { ...shown, skipTooltip: !shown.sides }, { x: shown.x, y: null });
    }
    previous = shown;
  }
  for (const mark of lastBySides.values()) mark.label ??= mark.point.label;
  return { inside, jumps, marks, off };
}

// The arrowhead at a moved point, its tip on the point.
function drawArrowhead(ctx, x, y, { dx, dy }) {
  const angle = Math.atan2(dy, dx);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - ARROW_PX * Math.cos(angle - 0.45), y - ARROW_PX * Math.sin(angle - 0.45));
  ctx.lineTo(x - ARROW_PX * Math.cos(angle + 0.45), y - ARROW_PX * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// The labels drawn on a chart since its last redraw began, so that later ones (the step-through's) move
// clear of earlier ones.
const placedLabels = new WeakMap();

// A label beside the point (x, y) at an edge whose outward direction is (dx, dy), inside the chart area,
// moved along the edge until it overlaps no label placed before it; written on a patch of the surface
// colour so that it reads over the curve and the grid.
export function drawEdgeLabel(chart, { x, y, dx, dy }, text, color, halo) {
  const placed = placedLabels.get(chart) ?? [];
  placedLabels.set(chart, placed);
  const { ctx, chartArea: area } = chart;
  ctx.save();
  ctx.font = `600 12px ${Chart.defaults.font.family}`;
  const width = ctx.measureText(text).width;
  let left = dx > 0 ? x - ARROW_PX - LABEL_GAP_PX - width : x + ARROW_PX / 2 + LABEL_GAP_PX;
  let top = dy < 0 ? y + ARROW_PX + 2 : dy > 0 ? y - ARROW_PX - 2 - LINE_PX : y - LINE_PX / 2;
  left = Math.max(area.left + 2, Math.min(left, area.right - 2 - width));
  const step = dy > 0 ? -LINE_PX : LINE_PX;
  let rect = { left, top, right: left + width, bottom: top + LINE_PX };
  for (let tries = 0; tries < 12 && placed.some((other) => overlaps(rect, other)); tries++) {
    rect = { ...rect, top: rect.top + step, bottom: rect.bottom + step };
  }
  placed.push(rect);
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = halo;
  ctx.fillRect(rect.left - 3, rect.top, width + 6, LINE_PX);
  ctx.globalAlpha = 1;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = color;
  ctx.fillText(text, rect.left, rect.top + LINE_PX / 2);
  ctx.restore();
}

// Draws the arrowheads and labels of every visible dataset that carries `edgeMarks`: { marks, color, halo }.
// Arrowheads closer than a few pixels to the last one drawn are skipped (a long run beyond the top edge
// would otherwise stack thousands).
const plugin = {
  id: 'descentEdgeMarks',
  beforeDraw(chart) {
    placedLabels.delete(chart);
  },
  afterDatasetsDraw(chart) {
    const { x: sx, y: sy } = chart.scales;
    if (!sx || !sy) return;
    chart.data.datasets.forEach((dataset, i) => {
      const edge = dataset.edgeMarks;
      if (!edge?.marks.length || !chart.isDatasetVisible(i)) return;
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = edge.color;
      let last = null;
      const labels = [];
      for (const mark of edge.marks) {
        const at = { x: sx.getPixelForValue(mark.x), y: sy.getPixelForValue(mark.y), dx: mark.dx, dy: mark.dy };
        if (!last || Math.hypot(at.x - last.x, at.y - last.y) > 4) drawArrowhead(ctx, at.x, at.y, at);
        last = at;
        if (mark.label) labels.push([at, mark.label]);
      }
      ctx.restore();
      for (const [at, text] of labels) drawEdgeLabel(chart, at, text, edge.color, edge.halo);
    });
  },
};
Chart.register(plugin);
