// "Step-size sweep": for each η over a range, run long enough to forget the start (burn-in), then plot the
// iterates it keeps visiting against η: one point where GD converges, two where it flips between two
// points, then 4, 8, … and a smear where it is chaotic, nothing where it diverged. One diagram per chosen
// method, one under the other on the same η and x scales, so where each method stops settling lines up.
// Plain gradient descent's thresholds η_max = 2/f″ of the minima are drawn as vertical lines on each.
// Each method's sweep is its own request to the worker, run one after the other; progress is over all of
// them, and Cancel stops the whole set.
import { Chart } from 'chart.js';
import { formatShort } from '../format.js';
import { pathStyle } from '../palette.js';
import {
  analysisSection, appendFields, FIX_FIELD, listWords, methodTitle, numberField, progressControls, readyToRun, selectField,
  showViewErrors,
} from './section.js';
import { methodById } from '../../state/methods.js';
import { VIEW_DEFAULTS, viewSettings } from '../../state/view-fields.js';
import { pageName, VIEW_SETTING_NAMES } from '../../state/settings.js';
import { sweepWords } from './sweep-summary.js';
import { blankBands, blankStretches, logTickLabel } from './sweep-marks.js';

const BURN_IN = 500;
const KEEP = 50;
// The width of every diagram's x axis, so that their plot areas, and so their η scales, line up.
const Y_AXIS_WIDTH = 58;

// Vertical lines at the thresholds, labelled at the top, drawn under the points.
const thresholdLines = {
  id: 'descentThresholdLines',
  beforeDatasetsDraw(chart, _args, options) {
    const lines = options.lines ?? [];
    const { ctx, chartArea: area, scales: { x } } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.fillStyle = options.color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    for (const line of lines) {
      if (!(line.eta >= x.min && line.eta <= x.max)) continue;
      const px = Math.round(x.getPixelForValue(line.eta)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.fillText(line.label, px - 4, area.top + 12);
    }
    ctx.restore();
  },
};

// The range of the iterates (the vertical axis) every diagram shares: the middle 98% of all methods'
// iterates, and the minima.
function yRange(values, landmarks) {
  const finite = Float64Array.from(values).sort();
  if (finite.length === 0) return null;
  const q = (p) => finite[Math.min(finite.length - 1, Math.floor(p * (finite.length - 1)))];
  let low = q(0.01);
  let high = q(0.99);
  for (const p of landmarks) { low = Math.min(low, p.x); high = Math.max(high, p.x); }
  const pad = (high - low) * 0.08 || 1;
  return [low - pad, high + pad];
}

export function createSweep(after, { client, request, viewState, onSettings, theme }) {
  const { section, fields, tools, run, status, body } = analysisSection({
    id: 'sweep', title: 'Step-size sweep', runLabel: 'Run the sweep',
    intro: `For each η: ${BURN_IN} steps from x₀ to settle, then the next ${KEEP} iterates drawn against η, `
      + 'one diagram per method. One point means it converged, two that it flips between two points, a smear '
      + 'that it is chaotic; dashed lines mark plain gradient descent’s η_max = 2/f″ of the minima.',
  });
  fields.classList.add('row-4');
  appendFields(fields,
    numberField('sweepmin', 'η from', VIEW_DEFAULTS.sweepmin),
    numberField('sweepmax', 'η to', VIEW_DEFAULTS.sweepmax),
    numberField('sweepn', 'values', VIEW_DEFAULTS.sweepn),
    selectField('sweepscale', 'scale', [['log', 'log'], ['linear', 'linear']]),
  );
  const controls = progressControls({ id: 'sweep', tools, body, label: 'Sweep progress' });
  const diagrams = Object.assign(document.createElement('div'), { className: 'sweep-diagrams' });
  body.append(diagrams);
  after.after(section);
  section.addEventListener('input', onSettings);

  let charts = [];
  let job = null;        // the request in flight; replaced by each method's in turn
  let current = null;    // the whole set: { cancelled }

  function settings() {
    const state = viewState();
    const chosen = viewSettings(state, 'sweep', VIEW_SETTING_NAMES.sweep);
    return chosen.error ? chosen : { ...chosen, scale: state.sweepscale === 'linear' ? 'linear' : 'log' };
  }

  function pointsOf(answer) {
    const points = [];
    for (let i = 0; i < answer.eta.length; i++) {
      for (let j = 0; j < answer.keep; j++) {
        const y = answer.x[i * answer.keep + j];
        if (Number.isFinite(y)) points.push({ x: answer.eta[i], y });
      }
    }
    return points;
  }

  function linesOf(landmarks) {
    const lines = [];
    for (const p of landmarks.filter((q) => q.kind === 'min' && Number.isFinite(q.etaMax))) {
      const same = lines.find((l) => Math.abs(l.eta - p.etaMax) <= 1e-9 * p.etaMax);
      if (same) same.label = `η_max = ${formatShort(p.etaMax)}`;
      else lines.push({ eta: p.etaMax, label: `η_max = ${formatShort(p.etaMax)} (x = ${formatShort(p.x)})` });
    }
    return lines;
  }

  // A labelled, empty place for each method's diagram, in the order the methods were chosen.
  function frame(id, index, tall) {
    const figure = document.createElement('figure');
    figure.className = 'sweep-diagram';
    figure.dataset.method = id;
    const caption = methodTitle(document.createElement('figcaption'), id);
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch', textContent: '●' });
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.color = pathStyle(index, theme().dark).color;
    caption.prepend(swatch);
    const box = Object.assign(document.createElement('div'), { className: tall ? 'chart-box chart-box-tall' : 'chart-box' });
    const canvas = Object.assign(document.createElement('canvas'), { id: `sweep-chart-${id}`, className: 'sweep-chart' });
    canvas.dataset.method = id;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${method?.name ?? id}: the iterates each step size keeps visiting after the burn-in, against η, `
      + 'with the thresholds η_max as dashed vertical lines.');
    // The diagram in words (sweep-summary.js), which the canvas names as its description.
    const summary = Object.assign(document.createElement('p'), { className: 'visually-hidden', id: `sweep-summary-${id}` });
    canvas.setAttribute('aria-describedby', summary.id);
    box.append(canvas, summary);
    box.hidden = true;
    const note = Object.assign(document.createElement('p'), { className: 'hint sweep-note' });
    note.hidden = true;
    figure.append(caption, box, note);
    return { id, index, figure, box, canvas, summary, note, chart: null, answer: null };
  }

  function options(slot, range) {
    const t = theme();
    const answer = slot.answer;
    const axis = (title, type) => ({
      type, title: { display: true, text: title, color: t.muted },
      grid: { color: t.grid }, border: { color: t.grid }, ticks: { color: t.muted, maxRotation: 0, includeBounds: false },
    });
    const [etaMin, etaMax] = [answer.eta[0], answer.eta[answer.eta.length - 1]];
    const x = axis('step size η', answer.scale === 'log' ? 'logarithmic' : 'linear');
    // Labels that fit the width: a log axis picks its own (sweep-marks.js), a linear one is told how many.
    x.ticks = answer.scale === 'log'
      ? { ...x.ticks, autoSkip: false, callback(value) { return logTickLabel(value, etaMin, etaMax, this.chart.chartArea?.width ?? this.chart.width); } }
      : { ...x.ticks, maxTicksLimit: Math.max(3, Math.floor((slot.canvas.clientWidth || 600) / 90)) };
    return {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      events: [],
      scales: {
        x: { ...x, min: etaMin, max: etaMax },
        y: {
          ...axis('x after the burn-in', 'linear'), ...(range ? { min: range[0], max: range[1] } : {}),
          afterFit(scale) { scale.width = Y_AXIS_WIDTH; },
        },
      },
      plugins: {
        legend: { display: false }, tooltip: { enabled: false }, descentThresholdLines: { lines: slot.lines, color: t.text },
        descentBlankBands: { bands: blankStretches(answer), fill: t.grid, color: t.muted },
      },
    };
  }

  // Draws a method's diagram, and redraws the others when the range of the iterates they share has grown.
  function draw(slot, answer, slots) {
    const t = theme();
    slot.answer = answer;
    slot.points = pointsOf(answer);
    slot.lines = linesOf(answer.landmarks);
    const done = slots.filter((s) => s.answer);
    const values = done.flatMap((s) => s.points.map((p) => p.y));
    const minima = done.flatMap((s) => s.answer.landmarks.filter((p) => p.kind === 'min' && Number.isFinite(p.etaMax)));
    const range = yRange(values, minima);
    for (const s of done) {
      const same = s.range && range && s.range[0] === range[0] && s.range[1] === range[1];
      if (s.chart && same) continue;
      s.range = range;
      s.box.hidden = false;
      s.summary.textContent = `${methodById(s.id)?.name ?? s.id}: ${sweepWords(s.answer, range)}.`;
      if (s.chart) { s.chart.options = options(s, range); s.chart.update('none'); continue; }
      const dataset = { data: s.points, pointRadius: 0.9, borderWidth: 0, backgroundColor: pathStyle(s.index, t.dark).color, showLine: false };
      s.chart = new Chart(s.canvas, { type: 'scatter', data: { datasets: [dataset] }, options: options(s, range), plugins: [blankBands, thresholdLines] });
      charts.push(s.chart);
    }
    // Where the η axis lies, so a test can see that the diagrams line up.
    const { chartArea: area, scales: { x } } = slot.chart;
    slot.canvas.dataset.etaAxis = [x.min, x.max, Math.round(area.left), Math.round(area.right)].join(',');
    slot.canvas.dataset.thresholds = slot.lines.map((l) => l.eta).join(',');
    slot.canvas.dataset.points = String(slot.points.length);
    if (slot.points.length === 0) {
      slot.note.hidden = false;
      slot.note.textContent = `${methodById(slot.id)?.name ?? slot.id} diverged or left the domain at every step size in this range.`;
    }
  }

  function clear() {
    for (const chart of charts) chart.destroy();
    charts = [];
    diagrams.replaceChildren();
  }

  function finish() {
    controls.hide();
    section.setAttribute('aria-busy', 'false');
  }

  async function start() {
    const ready = readyToRun({ request, settings, fields, status });
    if (!ready) return;
    const { base, chosen } = ready;
    if (current) current.cancelled = true;
    job?.cancel();
    const set = { cancelled: false };
    current = set;
    const methods = base.methods ?? [base.method];
    const swept = methods.filter((id) => methodById(id)?.usesEta !== false);
    const xRange = [base.x0 - 4, base.x0 + 4];
    clear();
    const slots = methods.map((id, m) => frame(id, m * base.etas.length, methods.length === 1));
    diagrams.append(...slots.map((slot) => slot.figure));
    for (const slot of slots.filter((s) => !swept.includes(s.id))) {
      slot.note.hidden = false;
      slot.note.textContent = `${methodById(slot.id).name} takes no step size: there is nothing to sweep.`;
    }
    controls.show();
    section.setAttribute('aria-busy', 'true');
    status.textContent = 'Sweeping… 0%';
    const report = (fraction) => {
      controls.report(fraction);
      status.textContent = `Sweeping… ${Math.round(fraction * 100)}%`;
    };
    try {
      for (const [i, id] of swept.entries()) {
        const mine = client.start({
          kind: 'sweep', expression: base.expression, x0: base.x0, method: id, burnIn: BURN_IN, keep: KEEP,
          parameters: base.parametersByMethod?.[id] ?? base.parameters, xRange, ...chosen,
        }, (fraction) => { if (mine === job) report((i + fraction) / swept.length); });
        job = mine;
        const answer = await mine.done;
        if (set !== current) return;
        if (answer.cancelled || set.cancelled) { finish(); status.textContent = 'Sweep cancelled.'; return; }
        draw(slots.find((s) => s.id === id), answer, slots);
        report((i + 1) / swept.length);
      }
      finish();
      const first = slots.find((s) => s.answer)?.answer;
      status.textContent = `${first ? first.eta.length : chosen.count} step sizes from ${formatShort(chosen.etaMin)} to ${formatShort(chosen.etaMax)} (${chosen.scale}), `
        + `${listWords(swept) || 'no method that takes a step size'} from x₀ = ${formatShort(base.x0)}: ${BURN_IN} steps of burn-in, ${KEEP} kept.`;
    } catch (error) {
      if (set !== current) return;
      finish();
      const onField = error.setting && showViewErrors(fields, { [pageName('sweep', error.setting)]: error.message });
      status.textContent = onField ? FIX_FIELD : error.message;
    }
  }

  run.addEventListener('click', start);
  controls.cancel.addEventListener('click', () => {
    if (current) current.cancelled = true;
    job?.cancel();
  });
  return { start, section };
}
