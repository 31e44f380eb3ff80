// The analysis views of an explorer: step-size thresholds under the η field, stationary points and
// stepping through a path on the path chart, and (where they have an engine client of their own) the
// "Many starts" and "Step-size sweep" sections below the results, each run by its own button. Those two
// come as `longViews` from the page (ui/page-extras.js), so an explorer without them (the element) does
// not carry their code.
import { runLabel } from '../charts.js';
import { checkState, methodIds } from '../../state/state.js';
import { createStepThrough } from './step-through.js';
import { renderThresholds } from './thresholds.js';
import { readViewFields } from '../../state/view-fields.js';

// options: pathChart (Chart.js instance), state() (the last read state), theme(), onSettings() (view
// settings changed: write the URL), stepClient (the explorer's engine client, engine-client.js, which
// describes the steps being stepped through), client (optional: an engine client for the two long
// analyses, best on a worker of their own; without it they are left out), longViews ({ createMultiStart,
// createSweep }: the two long analyses' views, where the explorer has them).
export function mountAnalysisViews(root, { pathChart, state, theme, onSettings, stepClient, client, longViews = {} }) {
  const $ = (selector) => root.querySelector(selector);
  const thresholds = Object.assign(document.createElement('ul'), { id: 'eta-thresholds', className: 'thresholds' });
  thresholds.setAttribute('aria-live', 'polite');
  thresholds.setAttribute('aria-label', 'Where each step size stands');
  thresholds.hidden = true;
  $('#eta-error').after(thresholds);

  const x0Input = $('#x0');
  const form = $('#experiment');
  const stepThrough = createStepThrough(pathChart.canvas.closest('.chart-card'), {
    chart: pathChart, x0Input, runLabel, submit: () => form.requestSubmit(), client: stepClient,
  });

  const request = () => checkState(state() ?? {}).request ?? null;
  const viewState = () => readViewFields(root);
  let multiStart = null;
  let sweep = null;
  const { createMultiStart, createSweep } = longViews;
  if (client && createMultiStart && createSweep) {
    const results = $('#results-title')?.closest('section');
    if (results) {
      multiStart = createMultiStart(results, { client, request, viewState, onSettings, dark: () => theme().dark });
      sweep = createSweep(multiStart.section, { client, request, viewState, onSettings, theme });
    }
  }
  let ranOnce = false;

  // A new answer from the explorer: thresholds and the stepper (the explorer sets the stationary points); a link that asks for an analysis
  // runs it once, after the first answer. The path chart is not redrawn here: the explorer draws the new
  // answer once, with these overlays, right after.
  function show(answer, current) {
    const etas = answer.runs.map((run) => run.eta).filter((eta, i, all) => all.indexOf(eta) === i);
    const t = theme();
    renderThresholds(thresholds, { etas, landmarks: answer.landmarks, x0: answer.start.x, methods: methodIds(current.method), state: current });
    stepThrough.update(answer.runs, t.dark, false, checkState(current).request ?? null);
    if (!ranOnce) {
      ranOnce = true;
      if (multiStart && current.starts) multiStart.start();
      if (sweep && current.sweepmin) sweep.start();
    }
  }

  return { show };
}
