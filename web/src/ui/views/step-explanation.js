// Under the step-through's controls: the arithmetic of the step shown, line by line in MathML with the
// engine's numbers (step-arithmetic.js), each with a button copying it as LaTeX; why the step goes wrong,
// in words, where it does; and, when asked for, the model the step minimizes drawn on the path chart
// (model-parabola.js). The numbers come from the worker a window of steps at a time (step-window.js).
import { runSettings } from '../../engine/experiment.js';
import { stepCause } from '../../engine/step-causes.js';
import { scheduleByName } from '../../state/settings.js';
import { copyText } from '../clipboard.js';
import { causeSentence } from '../cause-words.js';
import { mathOf } from '../formula.js';
import { keepScrollable } from '../scroll-box.js';
import { setModel } from './model-parabola.js';
import { stepLines } from './step-arithmetic.js';
import { createStepWindows } from './step-window.js';

const MODEL_WORDS = {
  gradient: 'the parabola q(x) = f(x_k) + g_k·(x − x_k) + (x − x_k)²/(2η_k), whose lowest point is x_{k+1}. Its curvature is 1/η_k: where η_k > 2/f″(x_k) it is less than half the curve’s, so its lowest point lies past the valley, farther from the bottom than x_k was.',
  momentum: 'the parabola through (x_k, f(x_k)) with curvature 1/η_k whose lowest point is x_{k+1}: its slope at x_k is the velocity, not f′(x_k).',
  adaptive: 'the parabola through (x_k, f(x_k)) whose lowest point is x_{k+1}: its curvature is 1/h, h being the effective step the method scaled its direction by.',
  newton: 'the Taylor parabola f(x_k) + g_k·(x − x_k) + f″(x_k)·(x − x_k)²/2; the step goes to its stationary point, a maximum where f″ < 0.',
  ray: 'no parabola: the search tries points along the ray x_k − t·g_k (the curve along it, t from 0 to twice the accepted t, is thickened) and takes the last point marked.',
};
const MODEL_KIND = {
  gd: 'gradient', momentum: 'momentum', nesterov: 'momentum', adagrad: 'adaptive', rmsprop: 'adaptive', adam: 'adaptive',
  adamw: 'adaptive', newton: 'newton', armijo: 'ray', exact: 'ray',
};

// The curvature of the parabola a step minimizes, from the engine's numbers for it.
function curvatureOf(method, step) {
  switch (method) {
    case 'newton': return step.values["f''"];
    case 'adagrad': case 'rmsprop': return step.values.denominator / step.lr;
    case 'adam': case 'adamw': return 1 / step.values['effective step'];
    default: return 1 / step.lr;
  }
}

function modelOf(method, step, color) {
  if (!Number.isFinite(step.next) || !Number.isFinite(step.f)) return null;
  if (MODEL_KIND[method] === 'ray') {
    return step.ray ? { kind: 'ray', x: step.ray.x, f: step.ray.f, trials: step.ray.trials, color } : null;
  }
  const curvature = curvatureOf(method, step);
  if (!Number.isFinite(curvature) || curvature === 0) return null;
  return { kind: 'parabola', x: step.x, f: step.f, next: step.next, curvature, color };
}

function element(tag, className, text) {
  return Object.assign(document.createElement(tag), { className, ...(text ? { textContent: text } : {}) });
}

export function createStepExplanation(panel, { chart, client }) {
  const math = element('div', 'step-math');
  math.setAttribute('role', 'list');
  math.setAttribute('aria-label', 'The arithmetic of this step');
  const why = element('p', 'step-why');
  why.setAttribute('aria-live', 'polite');
  why.hidden = true;
  const modelBox = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'step-model', className: 'step-model' });
  const modelLabel = Object.assign(document.createElement('label'), { htmlFor: 'step-model', className: 'toggle', textContent: ' Show the model parabola' });
  modelLabel.prepend(modelBox);
  const modelNote = element('p', 'hint step-model-note');
  modelNote.hidden = true;
  const copyNote = element('p', 'hint step-copy-note');
  copyNote.setAttribute('aria-live', 'polite');
  panel.append(math, why, element('div', 'step-model-row'), modelNote, copyNote);
  panel.querySelector('.step-model-row').append(modelLabel);

  let shown = null; // what is on screen: { key, k }
  let current = null; // the arguments of the last show()
  const windows = createStepWindows({
    describe: (window) => client.request({ ...current.request, kind: 'steps', path: { method: current.run.method, eta: current.run.eta }, ...window }),
    onArrive: () => { if (current) show(current); },
  });

  function lineItem({ formula, segments, name }) {
    const item = element('div', 'step-line');
    item.setAttribute('role', 'listitem');
    item.dataset.latex = formula.tex;
    const button = element('button', 'copy step-copy', 'LaTeX');
    button.type = 'button';
    button.setAttribute('aria-label', `Copy ${name} as LaTeX`);
    button.addEventListener('click', async () => {
      copyNote.textContent = (await copyText(formula.tex)) ? `Copied ${name} as LaTeX.` : `LaTeX: ${formula.tex}`;
    });
    const shown = element('span', 'step-formula');
    shown.append(...segments.map(mathOf));
    keepScrollable(shown, name);
    item.append(shown, button);
    return item;
  }

  function say(text) {
    if (why.textContent !== text) why.textContent = text;
    why.hidden = text === '';
  }

  // The words at the step shown: why it goes wrong, or, at the step that leaves the domain (and the point
  // it lands on), the engine's words for that.
  function reasons(run, k, step) {
    const words = [];
    const cause = step && stepCause(run.method, step);
    if (cause) words.push(causeSentence(cause));
    if (run.status === 'undefined' && run.why && k >= run.stoppedAt - 1) {
      words.push(k === run.stoppedAt - 1 ? `x_{k+1} leaves the domain: ${run.why}.` : `${run.why}.`);
    }
    if (run.status === 'diverged' && k >= run.stoppedAt) words.push('x or f(x) is no longer finite here: the run stopped.');
    return words.join(' ');
  }

  function drawModel(run, step, color, redraw) {
    const on = modelBox.checked && step;
    modelNote.hidden = !modelBox.checked;
    modelNote.textContent = modelBox.checked ? `The model this step minimizes: ${MODEL_WORDS[MODEL_KIND[run.method]] ?? ''}` : '';
    setModel(chart, on ? modelOf(run.method, step, color) : null, redraw);
  }

  // { run, k, request, color }: the step k of a run of the experiment `request`. With `redraw` false the
  // caller redraws the chart.
  function show(args, redraw = true) {
    current = args;
    const { run, k, request, color } = args;
    const settings = runSettings(request, run.method, run.eta);
    const key = JSON.stringify(settings);
    windows.follow(key, run.stoppedAt);
    const got = k < run.stoppedAt ? windows.at(k) : null;
    math.dataset.k = String(k);
    if (!got) {
      math.classList.toggle('pending', k < run.stoppedAt);
      if (k >= run.stoppedAt) { math.replaceChildren(); shown = null; }
      say(reasons(run, k, null));
      drawModel(run, null, color, redraw);
      return;
    }
    math.classList.remove('pending');
    if (shown?.key !== key || shown?.k !== k) {
      shown = { key, k };
      const scheduleLabel = scheduleByName(settings.schedule)?.label ?? settings.schedule;
      const lines = stepLines({ method: run.method, step: got.step, before: got.before, settings, scheduleLabel });
      math.replaceChildren(...lines.map(lineItem));
      math.dataset.shownK = String(k);
      math.dataset.next = String(got.step.next);
    }
    say(reasons(run, k, got.step));
    drawModel(run, got.step, color, redraw);
  }

  function clear(redraw = true) {
    current = null;
    shown = null;
    math.replaceChildren();
    say('');
    setModel(chart, null, redraw);
  }

  modelBox.addEventListener('change', () => { if (current) show(current); });

  return { show, clear };
}
