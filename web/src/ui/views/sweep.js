// "Step-size sweep": for each η over a range, run long enough to forget the start (burn-in), then plot the
// iterates it keeps visiting against η: one point where GD converges, two where it flips between two
// points, then 4, 8, … and a smear where it is chaotic, nothing where it diverged. The thresholds
// η_max = 2/f″ of the minima are drawn as vertical lines. Long sweeps report progress and can be cancelled.
import { Chart } from 'chart.js';
import { formatShort } from '../format.js';
import { analysisSection, numberField, selectField } from './section.js';
import { VIEW_DEFAULTS, viewSettings } from '../../state/view-fields.js';

const BURN_IN = 500;
const KEEP = 50;

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

function yRange(values, landmarks) {
  const finite = Float64Array.from(values.filter(Number.isFinite)).sort();
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
    id: 'sweep', title: 'Step-size sweep',
    intro: `For each η: ${BURN_IN} steps from x₀ to settle, then the next ${KEEP} iterates drawn against η. `
      + 'One point means it converged, two that it flips between two points, a smear that it is chaotic; '
      + 'dashed lines mark η_max = 2/f″ of the minima.',
  });
  fields.classList.add('row-4');
  fields.append(
    numberField('sweepmin', 'η from', VIEW_DEFAULTS.sweepmin),
    numberField('sweepmax', 'η to', VIEW_DEFAULTS.sweepmax),
    numberField('sweepn', 'values', VIEW_DEFAULTS.sweepn),
    selectField('sweepscale', 'scale', [['log', 'log'], ['linear', 'linear']]),
  );
  const cancel = Object.assign(document.createElement('button'), { type: 'button', className: 'action', textContent: 'Cancel', id: 'sweep-cancel' });
  cancel.hidden = true;
  tools.prepend(cancel);
  const progress = Object.assign(document.createElement('progress'), { max: 100, value: 0, id: 'sweep-progress' });
  progress.hidden = true;
  progress.setAttribute('aria-label', 'Sweep progress');
  const box = Object.assign(document.createElement('div'), { className: 'chart-box chart-box-tall' });
  const canvas = document.createElement('canvas');
  canvas.id = 'sweep-chart';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'The iterates each step size keeps visiting after the burn-in, against η, with the thresholds η_max as dashed vertical lines.');
  box.append(canvas);
  box.hidden = true;
  body.append(progress, box);
  after.after(section);
  section.addEventListener('input', onSettings);

  let chart = null;
  let job = null;

  function settings() {
    const state = viewState();
    const chosen = viewSettings(state, 'sweep', ['etaMin', 'etaMax', 'count']);
    return chosen.error ? chosen : { ...chosen, scale: state.sweepscale === 'linear' ? 'linear' : 'log' };
  }

  function draw(answer) {
    const t = theme();
    const points = [];
    const values = [];
    for (let i = 0; i < answer.eta.length; i++) {
      for (let j = 0; j < answer.keep; j++) {
        const y = answer.x[i * answer.keep + j];
        if (Number.isFinite(y)) { points.push({ x: answer.eta[i], y }); values.push(y); }
      }
    }
    const minima = answer.landmarks.filter((p) => p.kind === 'min' && Number.isFinite(p.etaMax));
    const lines = [];
    for (const p of minima) {
      const same = lines.find((l) => Math.abs(l.eta - p.etaMax) <= 1e-9 * p.etaMax);
      if (same) same.label = `η_max = ${formatShort(p.etaMax)}`;
      else lines.push({ eta: p.etaMax, label: `η_max = ${formatShort(p.etaMax)} (x = ${formatShort(p.x)})` });
    }
    const range = yRange(values, minima);
    const axis = (title, type) => ({
      type, title: { display: true, text: title, color: t.muted },
      grid: { color: t.grid }, border: { color: t.grid }, ticks: { color: t.muted, maxRotation: 0, includeBounds: false },
    });
    const options = {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      events: [],
      scales: {
        x: { ...axis('step size η', answer.scale === 'log' ? 'logarithmic' : 'linear'), min: answer.eta[0], max: answer.eta[answer.eta.length - 1] },
        y: { ...axis('x after the burn-in', 'linear'), ...(range ? { min: range[0], max: range[1] } : {}) },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false }, descentThresholdLines: { lines, color: t.text } },
    };
    const dataset = { data: points, pointRadius: 0.9, borderWidth: 0, backgroundColor: t.dark ? '#56B4E9' : '#0072B2', showLine: false };
    box.hidden = false;
    if (!chart) chart = new Chart(canvas, { type: 'scatter', data: { datasets: [dataset] }, options, plugins: [thresholdLines] });
    else { chart.options = options; chart.data.datasets = [dataset]; chart.update('none'); }
    canvas.dataset.thresholds = lines.map((l) => l.eta).join(',');
    canvas.dataset.points = String(points.length);
  }

  function finish() {
    cancel.hidden = true;
    progress.hidden = true;
    section.setAttribute('aria-busy', 'false');
  }

  async function start() {
    const base = request();
    const chosen = settings();
    if (!base) { status.textContent = 'Fix the experiment’s fields first.'; return; }
    if (chosen.error) { status.textContent = chosen.error; return; }
    job?.cancel();
    const method = base.methods?.[0] ?? base.method;
    const xRange = [base.x0 - 4, base.x0 + 4];
    progress.value = 0;
    progress.hidden = false;
    cancel.hidden = false;
    section.setAttribute('aria-busy', 'true');
    status.textContent = 'Sweeping… 0%';
    const mine = client.start({
      kind: 'sweep', expression: base.expression, x0: base.x0, method, burnIn: BURN_IN, keep: KEEP,
      parameters: base.parametersByMethod?.[method] ?? base.parameters, xRange, ...chosen,
    }, (fraction) => {
      if (mine !== job) return;
      progress.value = Math.round(fraction * 100);
      status.textContent = `Sweeping… ${Math.round(fraction * 100)}%`;
    });
    job = mine;
    try {
      const answer = await mine.done;
      if (mine !== job) return;
      finish();
      if (answer.cancelled) { status.textContent = 'Sweep cancelled.'; return; }
      draw(answer);
      status.textContent = `${answer.eta.length} step sizes from ${formatShort(chosen.etaMin)} to ${formatShort(chosen.etaMax)} (${chosen.scale}), `
        + `${method} from x₀ = ${formatShort(base.x0)}: ${BURN_IN} steps of burn-in, ${KEEP} kept.`;
    } catch (error) {
      if (mine === job) { finish(); status.textContent = error.message; }
    }
  }

  run.addEventListener('click', start);
  cancel.addEventListener('click', () => { job?.cancel(); });
  return { start, section };
}
