// Stepping through one path: play, pause, one step forward or back (buttons, or space and the arrow keys
// while the controls or the chart have focus). At x_k the chart shows the tangent with slope f′(x_k) and an
// arrow to x_{k+1}; the numbers are read out politely, and the arithmetic of the step, why it goes wrong
// and the model it minimizes are shown under them (step-explanation.js). Dragging the start marker sets x₀
// and runs again.
import { formatShort } from '../format.js';
import { pathStyle } from '../palette.js';
import { setPathOverlay } from './path-overlays.js';
import { createStepExplanation } from './step-explanation.js';

const PLAY_MS = 450;
const GRAB_PX = 14;

function button(text, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'action step-button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  return b;
}

// client: the explorer's engine client, which describes the steps (the worker's 'steps' job).
export function createStepThrough(card, { chart, x0Input, submit, runLabel, client }) {
  const panel = document.createElement('div');
  panel.className = 'step-through';
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'Step through a path');
  const pick = document.createElement('select');
  pick.className = 'step-path';
  pick.setAttribute('aria-label', 'Path to step through');
  const back = button('◀', 'Step back');
  const play = button('▶ Play', 'Play');
  const forward = button('▶|', 'Step forward');
  // Present mode's keys press these (present-mode.js).
  back.dataset.step = 'back';
  play.dataset.step = 'play';
  forward.dataset.step = 'forward';
  const reset = button('⟲', 'Back to the start');
  const readout = document.createElement('p');
  readout.className = 'step-readout mono';
  readout.setAttribute('aria-live', 'polite');
  const controls = document.createElement('div');
  controls.className = 'step-controls';
  controls.append(pick, reset, back, play, forward);
  panel.append(controls, readout);
  card.append(panel);
  const explanation = createStepExplanation(panel, { chart, client });

  let runs = [];
  let request = null; // the experiment the runs are of
  let dark = false;
  let index = 0; // position in the chosen (thinned) path
  let timer = 0;

  const run = () => runs[Number(pick.value)] ?? runs[0];

  function show(redraw = true) {
    const path = run();
    if (!path || path.x.length === 0) {
      readout.textContent = '';
      explanation.clear(false);
      setPathOverlay(chart, { step: null }, redraw);
      return;
    }
    index = Math.max(0, Math.min(index, path.x.length - 1));
    const k = path.k[index];
    const x = path.x[index];
    const f = path.f[index];
    const df = path.df ? path.df[index] : NaN;
    const next = index + 1 < path.x.length ? { x: path.x[index + 1], f: path.f[index + 1] } : null;
    const color = pathStyle(Number(pick.value) || 0, dark).color;
    if (request) explanation.show({ run: path, k, request, color }, false);
    setPathOverlay(chart, { step: { x, f, df, next, color } }, redraw);
    const last = index === path.x.length - 1 ? ' (last point)' : '';
    const text = `k = ${k}${last}   x_k = ${formatShort(x)}   f(x_k) = ${formatShort(f)}   f′(x_k) = ${formatShort(df)}`;
    if (readout.textContent !== text) readout.textContent = text;
    readout.dataset.k = String(k);
    // aria-disabled, not disabled: a disabled button drops the keyboard's focus, and stepping back to
    // k = 0 with the keyboard would leave it nowhere.
    back.setAttribute('aria-disabled', String(index === 0));
    forward.setAttribute('aria-disabled', String(index === path.x.length - 1));
  }

  function stop() {
    clearInterval(timer);
    timer = 0;
    play.textContent = '▶ Play';
    play.setAttribute('aria-label', 'Play');
  }

  function step(by) {
    index += by;
    show();
    if (timer && index >= (run()?.x.length ?? 0) - 1) stop();
  }

  function toggle() {
    if (timer) { stop(); return; }
    if (index >= (run()?.x.length ?? 0) - 1) index = 0;
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-label', 'Pause');
    timer = setInterval(() => step(1), PLAY_MS);
  }

  back.addEventListener('click', () => step(-1));
  forward.addEventListener('click', () => step(1));
  reset.addEventListener('click', () => { index = 0; show(); });
  play.addEventListener('click', toggle);
  pick.addEventListener('change', () => { index = 0; show(); });

  function onKey(event) {
    if (event.target.tagName === 'SELECT' || event.target.tagName === 'INPUT') return;
    if (event.key === 'ArrowRight') step(1);
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === ' ' && event.target === chart.canvas) toggle();
    else return;
    event.preventDefault();
  }
  panel.addEventListener('keydown', onKey);
  chart.canvas.tabIndex = 0;
  chart.canvas.addEventListener('keydown', onKey);

  // Dragging the start marker: pixels become x through the chart's own scale, at most once a frame.
  let dragging = false;
  let frame = 0;
  let pendingX = null;
  const canvas = chart.canvas;
  canvas.style.touchAction = 'pan-y';
  // Where the draggable start marker is, in the canvas's CSS pixels, kept current as the chart resizes.
  setPathOverlay(chart, {
    afterDraw() {
      const grip = startPixel();
      if (grip) Object.assign(canvas.dataset, { startX: grip.x.toFixed(1), startY: grip.y.toFixed(1) });
    },
  });
  function startPixel() {
    const path = runs[0];
    if (!path || !chart.scales.x) return null;
    return { x: chart.scales.x.getPixelForValue(path.x[0]), y: chart.scales.y.getPixelForValue(path.f[0]) };
  }
  canvas.addEventListener('pointerdown', (event) => {
    const start = startPixel();
    if (!start) return;
    const { offsetX, offsetY } = event;
    if (Math.hypot(offsetX - start.x, offsetY - start.y) > GRAB_PX) return;
    dragging = true;
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add('dragging');
    event.preventDefault();
  });
  canvas.addEventListener('pointermove', (event) => {
    const start = startPixel();
    if (!dragging) {
      canvas.classList.toggle('grabbable', !!start && Math.hypot(event.offsetX - start.x, event.offsetY - start.y) <= GRAB_PX);
      return;
    }
    pendingX = chart.scales.x.getValueForPixel(event.offsetX);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (pendingX === null || !Number.isFinite(pendingX)) return;
      x0Input.value = String(Number(pendingX.toPrecision(4)));
      pendingX = null;
      submit();
    });
  });
  const endDrag = () => { dragging = false; canvas.classList.remove('dragging'); };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);

  // New runs of the experiment `nextRequest`: the chosen path stays chosen if it still exists; stepping
  // restarts at k = 0. The menu is rebuilt only when the paths' names change, not on every x0 of a drag.
  // With `redraw` false the caller redraws the chart.
  let labels = '';
  function update(nextRuns, isDark, redraw = true, nextRequest = null) {
    const chosen = Number(pick.value) || 0;
    runs = nextRuns;
    request = nextRequest;
    dark = isDark;
    const names = runs.map(runLabel);
    if (names.join('\n') !== labels) {
      labels = names.join('\n');
      pick.replaceChildren(...names.map((name, i) => new Option(name, String(i))));
    }
    pick.value = String(chosen < runs.length ? chosen : 0);
    if (!dragging) { stop(); index = 0; }
    show(redraw);
  }

  return { update };
}
