// One explorer: form -> state -> engine client; answers -> formulas, charts, table. The page holds one
// (with its state in the URL) and every <descent-explorer> element holds one in its shadow root, so both
// run the same wiring. `root` is the Document or ShadowRoot holding the markup of web/index.html.
// The first answer draws the path chart and the table at once; the loss chart, the step-size chart, the
// analysis views and the share buttons (explorer-extras.js, loaded then) follow, and the output stays
// aria-busy until they have. With gradient noise, the noise bands come after that (band-requests.js).
import { followBands } from './band-requests.js';
import { createLossChart, createPathChart } from './charts.js';
import { lossSummary, pathSummary } from './chart-summaries.js';
import { createForm } from './form.js';
import { renderLandmarks } from './landmarks.js';
import { formulaPieces } from './formula-pieces.js';
import { renderResults } from './results.js';
import { keepScrollable } from './scroll-box.js';
import { checkState, fieldOf } from '../state/state.js';
import { currentTheme, onThemeChange } from './theme.js';
import { setLandmarkOverlay } from './views/path-overlays.js';
import { VIEW_KEYS, writeViewFields } from '../state/view-fields.js';
import { attachX0Slider } from './x0-slider.js';

const TYPING_PAUSE_MS = 120;
// Messages about what is wrong wait for a longer pause than the runs do: one key every quarter second is
// steady typing, and the text in between is mostly unfinished rather than wrong.
const ERROR_PAUSE_MS = 700;
const BUSY_NOTICE_MS = 200;
const LOSS_EVERY_MS = 100;
const FIX_FIELDS = 'Fix the highlighted fields to run again; the charts show the last experiment that worked.';
const FIX_FIELDS_FIRST = 'Fix the highlighted fields to run the experiment.';

// What each card says while no experiment has worked yet, by what is in the way: the function or another field.
const EMPTY_MESSAGES = {
  f: {
    path: 'Fix the function above to draw its curve and the paths down it.',
    loss: 'Fix the function above to see the loss at each step.',
    'step-size': 'Fix the function above to see the step size of each step.',
    results: 'No runs yet: fix the function above.',
  },
  fields: {
    path: 'Fix the highlighted fields above to draw the curve and the paths down it.',
    loss: 'Fix the highlighted fields above to see the loss at each step.',
    'step-size': 'Fix the highlighted fields above to see the step size of each step.',
    results: 'No runs yet: fix the highlighted fields above.',
  },
};

function summary(answer) {
  const count = answer.runs.length;
  const outcome = (run) => (run.status === 'max-steps' ? 'ran all steps' : `${run.status} at step ${run.stoppedAt}`);
  const words = answer.runs.map((run) => `${run.label ?? `η = ${run.eta}`} ${outcome(run)}`);
  const runs = count === 1 ? 'One run' : `${count} runs`;
  const ms = `${Math.max(1, Math.round(answer.elapsed))} ms`;
  const time = answer.firstRun ? `${ms} (first run: includes compiling the engine)` : ms;
  return `${runs} in ${time}: ${words.join('; ')}.`;
}

// options: client (engine-client.js), themeElement (where the colour properties are read),
// onState(state) after every change of input, onAnswer(state, answer) once the runs of that state are drawn,
// onError({ message, setting, column }) when a state cannot run (setting: the field at fault, or null),
// onSettled() once the extras that follow the first answer are in place (or failed to load),
// embedScript (URL of descent-explorer.js for the Embed button), embedOptions() (what the snippet carries
// besides the experiment: controls, panels, theme, height; by default the whole explorer at the height the
// form and the output take here),
// analysisClient (optional: an engine client for the "Many starts" and "Step-size sweep" sections),
// loadExtras (what is loaded after the first answer: explorer-extras.js, or the page's page-extras.js,
// which adds those two sections' views), extrasAfterPaint (false: load them at once rather than after the
// first answer is painted, for an explorer that shows nothing until they are in place),
export function createExplorer(root, {
  client, themeElement, onState = () => {}, onAnswer = () => {}, onError = () => {}, onSettled = () => {}, embedScript, embedOptions, analysisClient,
  loadExtras = () => import('./explorer-extras.js'), extrasAfterPaint = true,
}) {
  const $ = (selector) => root.querySelector(selector);
  const form = createForm($('#experiment'), { errorPauseMs: ERROR_PAUSE_MS });
  const status = $('#status');
  const output = $('#output');
  let theme = currentTheme(themeElement);
  const pathChart = createPathChart($('#path-chart'), theme);
  const sliderElement = $('#x0-slider');
  const x0Slider = sliderElement && attachX0Slider({
    slider: sliderElement,
    field: $('#x0'),
    run: update,
    xRange: () => {
      const { min, max } = pathChart.chart.scales.x ?? {};
      return Number.isFinite(min) && Number.isFinite(max) ? [min, max] : null;
    },
    scaleKey: () => lastState?.f,
  });
  let lossChart = null; // made with the extras, after the first path chart
  let stepSizeChart = null; // likewise

  let lastAnswer = null;
  let drawnOnce = false; // the first answer's drawing is marked on the page's timeline (docs/performance.md)
  let lastState = null;
  let checkedState = null; // the state checked before the last one, to tell which field pushed it over a limit
  let lastRequest = null; // the request the newest answer will be for
  let busyTimer = 0;
  let typingTimer = 0;
  let lossTimer = 0;
  let lossDrawnAt = -Infinity;

  // Parsing and copying MathML costs more than drawing a chart, and f rarely changes while x0 is dragged.
  const shownFormulas = new Map(); // name -> printed.mathml now shown
  for (const [name, label] of [['f', 'f(x)'], ['df', 'f′(x)'], ['d2f', 'f″(x)']]) keepScrollable($(`#formula-${name}`), label);
  function showFormula(name, printed) {
    if (shownFormulas.get(name) === printed.mathml) return;
    shownFormulas.set(name, printed.mathml);
    const slot = $(`#formula-${name}`);
    const pieces = formulaPieces(printed.mathml);
    if (pieces.length) slot.replaceChildren(...pieces);
    else slot.textContent = printed.text;
    slot.title = printed.text;
  }

  // A chart's note says in words what it draws at its edges (and why its scale is what it is).
  function showNote(id, text) {
    const note = $(id);
    if (note.textContent !== text) note.textContent = text;
    note.hidden = text === '';
  }

  // A chart's summary is its description for a screen reader (chart-summaries.js).
  function showSummary(id, text) {
    const summary = $(id);
    if (summary && summary.textContent !== text) summary.textContent = text;
  }

  function drawPath() {
    setLandmarkOverlay(pathChart.chart, lastAnswer.landmarks, theme);
    showNote('#path-note', pathChart.render(lastAnswer, theme));
    showSummary('#path-summary', pathSummary(lastAnswer));
    x0Slider?.sync();
  }

  // Until an experiment has worked, the cards say what to do (`cause` 'f' or 'fields'; null while loading).
  function showEmpty(cause) {
    output.classList.toggle('empty', !lastAnswer);
    if (lastAnswer) return;
    const messages = EMPTY_MESSAGES[cause] ?? {};
    for (const [name, selector] of [['path', '#path-chart'], ['loss', '#loss-chart'], ['step-size', '#step-size-chart'],
      ['results', '#results-body']]) {
      const card = $(selector)?.closest('section');
      const slot = card?.querySelector('.chart-empty');
      if (slot) slot.textContent = messages[name] ?? '';
    }
  }

  function draw() {
    if (!lastAnswer) return;
    clearTimeout(lossTimer);
    lossTimer = 0;
    drawPath();
    drawLoss();
  }

  function drawLoss() {
    lossTimer = 0;
    if (!lossChart) return;
    lossDrawnAt = performance.now();
    const loss = lossChart.render(lastAnswer, theme, lastState.log);
    form.showLogScale(loss.logScale);
    showNote('#loss-note', loss.note);
    showSummary('#loss-summary', lossSummary(lastAnswer));
    stepSizeChart.render(lastAnswer, theme);
  }

  // While answers come faster than LOSS_EVERY_MS (x0 dragged, a value typed key by key), the path chart,
  // where the eye is, follows every answer and the loss and step-size charts every LOSS_EVERY_MS, the last
  // answer always: drawing every chart for every answer would slow the path keeping up with the pointer.
  function drawAnswer() {
    drawPath();
    const wait = lossDrawnAt + LOSS_EVERY_MS - performance.now();
    if (wait <= 0) { clearTimeout(lossTimer); drawLoss(); }
    else if (!lossTimer) lossTimer = setTimeout(drawLoss, wait);
  }

  // The table and the stationary points are rebuilt only when what they show changes: during a drag of x0
  // the runs mostly end where they ended a frame before, and rebuilding them re-lays out the page.
  let shownTables = '';
  function showTables() {
    const { runs, landmarks } = lastAnswer;
    const key = JSON.stringify([theme.dark, landmarks,
      runs.map((run) => [run.label, run.eta, run.status, run.stoppedAt, run.steps, run.final])]);
    if (key === shownTables) return;
    shownTables = key;
    renderResults($('#results-body'), runs, theme.dark);
    renderLandmarks($('#landmarks'), landmarks, runs, useEta);
  }

  // A step size chosen beside a minimum (landmarks.js) replaces the η field's and runs.
  function useEta(text) {
    $('#eta').value = text;
    update();
  }

  // The status line says what is wrong once typing pauses, like the fields; anything else at once, and
  // so does a message about what is wrong in place of another (the one before may no longer hold).
  let sayingWrong = false;
  function sayWrong(text) {
    if (sayingWrong) say(text, true);
    else form.whenPaused('status', () => say(text, true));
  }
  function say(text, wrong = false) {
    form.cancel('status');
    status.textContent = text;
    sayingWrong = wrong;
  }

  function showAnswer(message) {
    loadExtrasSoon();
    if (message.ok && message.answer.checkOnly) {
      form.showExpressionError(lastState.f, null);
      sayWrong(lastAnswer ? FIX_FIELDS : FIX_FIELDS_FIRST);
      showEmpty('fields');
      return;
    }
    if (message.ok) {
      lastAnswer = message.answer;
      showEmpty(null);
      form.showExpressionError(lastState.f, null);
      output.classList.remove('stale');
      for (const [name, printed] of Object.entries(lastAnswer.formulas)) showFormula(name, printed);
      // The views set their overlays first, so the path chart is drawn once per answer.
      views?.show(lastAnswer, lastState);
      const first = !drawnOnce;
      if (first) performance.mark('descent:first-answer-received');
      drawAnswer();
      if (first) performance.mark('descent:first-path-drawn');
      showTables();
      if (first) performance.mark('descent:first-table-drawn');
      drawnOnce = true;
      say(summary(lastAnswer));
      bands.follow(lastRequest, lastAnswer);
      onAnswer(lastState, lastAnswer);
      return;
    }
    if (lastAnswer) output.classList.add('stale');
    onError({
      message: message.message,
      setting: message.kind === 'expression' ? 'f' : (message.setting ? fieldOf(message.setting) : null),
      ...(message.column ? { column: message.column } : {}),
    });
    if (message.kind === 'expression') {
      form.showExpressionError(lastState.f, message);
      sayWrong(lastAnswer
        ? 'The function has an error; the charts show the last one that worked.'
        : 'The function has an error: fix it above to draw the curve.');
      showEmpty('f');
    } else if (message.kind === 'settings' && message.setting && form.field(`${fieldOf(message.setting)}-error`)) {
      // The engine refused a setting: its message goes on that field, as a typing mistake would.
      form.showExpressionError(lastState.f, null);
      form.showFieldErrors({ [fieldOf(message.setting)]: message.message });
      sayWrong(lastAnswer ? FIX_FIELDS : FIX_FIELDS_FIRST);
      showEmpty('fields');
    } else {
      form.showExpressionError(lastState.f, null);
      say(message.message);
    }
  }

  let running = false;
  let extrasPending = true;
  const showBusy = () => output.setAttribute('aria-busy', String(running || (extrasPending && lastAnswer !== null)));
  const runner = client.channel({
    onAnswer: showAnswer,
    onBusy(busy) {
      clearTimeout(busyTimer);
      running = busy;
      showBusy();
      if (busy) busyTimer = setTimeout(() => { status.textContent = 'Running…'; }, BUSY_NOTICE_MS);
    },
  });

  // Until the views are mounted their fields are not in the form: the settings last shown stand in.
  let shownViews = {};
  function readState() {
    const state = form.read();
    if (!views) for (const key of VIEW_KEYS) state[key] = shownViews[key] ?? '';
    return state;
  }

  // An answer's noise bands, once it is drawn; drawn in turn when they come, if it is still the one shown.
  const bands = followBands({
    client,
    note: $('#noise-note'),
    onBands(answer) {
      if (answer !== lastAnswer) return;
      drawPath();
      drawLoss();
    },
  });

  function update() {
    clearTimeout(typingTimer);
    bands.cancel();
    lastState = readState();
    onState(lastState);
    const { request, errors } = checkState(lastState, checkedState);
    checkedState = lastState;
    form.showFieldErrors(errors);
    if (errors.f) form.showExpressionError(lastState.f, { message: errors.f });
    if (!request) {
      const [setting, text] = Object.entries(errors)[0] ?? [null, FIX_FIELDS_FIRST];
      onError({ message: text, setting });
      if (lastAnswer) output.classList.add('stale');
      sayWrong(lastAnswer ? FIX_FIELDS : FIX_FIELDS_FIRST);
      showEmpty(errors.f ? 'f' : 'fields');
      if (errors.f) { runner.forget(); loadExtrasSoon(); }
      else runner.submit({ expression: lastState.f, checkOnly: true });
      return;
    }
    lastRequest = request;
    runner.submit(request);
  }

  function updateSoon() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(update, TYPING_PAUSE_MS);
  }

  // Shows a state in the form and runs it.
  function show(state) {
    shownViews = state;
    form.write(state);
    update();
  }

  const formRoot = $('#experiment');
  formRoot.addEventListener('input', (event) => (event.target.tagName === 'SELECT' ? update() : updateSoon()));
  formRoot.addEventListener('submit', (event) => { event.preventDefault(); update(); });
  // The scale is only a way of drawing the same runs, so it redraws without running again.
  $('#log').addEventListener('change', () => {
    lastState = readState();
    onState(lastState);
    draw();
  });
  // Colours and chart legends (laid out for the width they are drawn at) follow the theme.
  function applyTheme(next) {
    theme = next;
    draw();
    if (lastAnswer) showTables();
  }
  const stopTheme = onThemeChange(applyTheme, themeElement);

  let views = null;
  let extrasAsked = false;
  function mountExtras(extras) {
    if (disposed) return;
    const { mountAnalysisViews, wireActions, createStepSizeChart } = extras;
    lossChart = createLossChart($('#loss-chart'), theme);
    stepSizeChart = createStepSizeChart($('#step-size-chart'), $('#step-size-summary'), theme);
    views = mountAnalysisViews(root, {
      pathChart: pathChart.chart,
      state: () => lastState,
      theme: () => theme,
      stepClient: client,
      client: analysisClient,
      longViews: extras,
      onSettings() { lastState = readState(); onState(lastState); },
    });
    writeViewFields(root, shownViews);
    wireActions(root, {
      client,
      embedScript,
      embedOptions: embedOptions ?? (() => ({ height: explorerHeight() })),
      state: () => lastState,
      answer: () => lastAnswer,
      theme: () => theme,
      charts: { path: pathChart.chart, loss: lossChart.chart, 'step-size': stepSizeChart.chart },
      say: (text) => { status.textContent = text; },
    });
    extrasPending = false;
    if (lastAnswer) {
      views.show(lastAnswer, lastState);
      draw();
    }
    showBusy();
    onSettled();
  }

  // The height an element showing this explorer would take, for the snippet to reserve: the form and the
  // output stacked, less the sections only the page has (the long analyses). An estimate: the page's form
  // may be narrower than the element's, and so taller.
  function explorerHeight() {
    const height = (element) => element?.getBoundingClientRect().height ?? 0;
    const pageOnly = [...root.querySelectorAll('#output .analysis')].reduce((sum, section) => sum + height(section) + 16, 0);
    return height($('#experiment')) + 16 + height($('#output')) - pageOnly;
  }

  // After the first answer has been painted, so that none of this delays it.
  // An explorer not shown until it has settled (the element's) has no first paint to wait for.
  function loadExtrasSoon() {
    if (extrasAsked) return;
    extrasAsked = true;
    const load = () => loadExtras().then(mountExtras).catch((error) => {
      onSettled();
      status.textContent = `Part of the page failed to load: ${error.message}`;
    });
    if (extrasAfterPaint) requestAnimationFrame(() => setTimeout(load));
    else load();
  }

  // themeChanged: the palette of themeElement was changed by its owner (a <descent-explorer> following its page).
  // dispose: the explorer is gone for good (its element removed from the page): it stops listening, drops
  // its charts from Chart.js's registry and forgets what it asked the engine.
  let disposed = false;
  function dispose() {
    disposed = true;
    stopTheme();
    for (const timer of [typingTimer, lossTimer, busyTimer]) clearTimeout(timer);
    bands.cancel();
    runner.forget();
    for (const chart of [pathChart, lossChart, stepSizeChart]) chart?.chart.destroy();
  }

  return { show, update, state: () => lastState, themeChanged: () => applyTheme(currentTheme(themeElement)), dispose };
}
