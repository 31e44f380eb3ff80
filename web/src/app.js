// Wires the page together: form -> state -> URL and worker; worker answers -> formulas, charts, table.
import { createLossChart, createPathChart } from './charts.js';
import { createForm } from './form.js';
import { renderLandmarks } from './landmarks.js';
import { mathElement } from './mathml.js';
import { PRESETS } from './presets.js';
import { renderResults } from './results.js';
import { createRunner } from './runner.js';
import { checkState, DEFAULT_STATE, queryFromState, stateFromQuery } from './state.js';
import { currentTheme, onThemeChange } from './theme.js';

const TYPING_PAUSE_MS = 120;
const BUSY_NOTICE_MS = 200;
const FIX_FIELDS = 'Fix the highlighted fields to run again; the charts show the last experiment that worked.';

const form = createForm(document.querySelector('#experiment'));
const status = document.querySelector('#status');
const output = document.querySelector('#output');
const problemsBanner = document.querySelector('#link-problems');
let theme = currentTheme();
const pathChart = createPathChart(document.querySelector('#path-chart'), theme);
const lossChart = createLossChart(document.querySelector('#loss-chart'), theme);

let lastAnswer = null;
let lastState = null;
let busyTimer = 0;

function showFormula(name, printed) {
  const slot = document.querySelector(`#formula-${name}`);
  const math = mathElement(printed.mathml);
  if (math) slot.replaceChildren(math);
  else slot.textContent = printed.text;
  slot.title = printed.text;
}

function draw() {
  if (!lastAnswer) return;
  pathChart.render(lastAnswer, theme);
  lossChart.render(lastAnswer, theme, lastState.log);
}

function summary(answer) {
  const count = answer.runs.length;
  const outcome = (run) => (run.status === 'max-steps' ? 'ran all steps' : `${run.status} at step ${run.stoppedAt}`);
  const words = answer.runs.map((run) => `η = ${run.eta} ${outcome(run)}`);
  const runs = count === 1 ? 'One run' : `${count} runs`;
  return `${runs} in ${Math.max(1, Math.round(answer.elapsed))} ms: ${words.join('; ')}.`;
}

function showAnswer(message) {
  if (message.ok && message.answer.checkOnly) {
    form.showExpressionError(lastState.f, null);
    status.textContent = FIX_FIELDS;
    return;
  }
  if (message.ok) {
    lastAnswer = message.answer;
    form.showExpressionError(lastState.f, null);
    output.classList.remove('stale');
    for (const [name, printed] of Object.entries(lastAnswer.formulas)) showFormula(name, printed);
    draw();
    renderResults(document.querySelector('#results-body'), lastAnswer.runs, theme.dark);
    renderLandmarks(document.querySelector('#landmarks'), lastAnswer.landmarks, lastAnswer.runs);
    status.textContent = summary(lastAnswer);
    return;
  }
  if (lastAnswer) output.classList.add('stale');
  if (message.kind === 'expression') {
    form.showExpressionError(lastState.f, message);
    status.textContent = lastAnswer
      ? 'The function has an error; the charts show the last one that worked.'
      : 'The function has an error.';
  } else {
    form.showExpressionError(lastState.f, null);
    status.textContent = message.message;
  }
}

const runner = createRunner({
  onAnswer: showAnswer,
  onBusy(busy) {
    clearTimeout(busyTimer);
    output.setAttribute('aria-busy', String(busy));
    if (busy) busyTimer = setTimeout(() => { status.textContent = 'Running…'; }, BUSY_NOTICE_MS);
  },
});

function update({ writeUrl = true } = {}) {
  lastState = form.read();
  markCurrentPreset(lastState);
  if (writeUrl) history.replaceState(null, '', queryFromState(lastState));
  const { request, errors } = checkState(lastState);
  form.showFieldErrors(errors);
  if (errors.f) form.showExpressionError(lastState.f, { message: errors.f });
  if (!request) {
    if (lastAnswer) output.classList.add('stale');
    status.textContent = FIX_FIELDS;
    if (errors.f) runner.forget();
    else runner.submit({ expression: lastState.f, checkOnly: true });
    return;
  }
  runner.submit(request);
}

let typingTimer = 0;
function updateSoon() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(update, TYPING_PAUSE_MS);
}

function applyState(state, problems = []) {
  form.write(state);
  problemsBanner.hidden = problems.length === 0;
  const paragraphs = problems.map((text) => Object.assign(document.createElement('p'), { textContent: text }));
  problemsBanner.replaceChildren(...paragraphs);
}

// Marks the preset the form currently shows, if any, so a reader knows which story they are looking at.
function markCurrentPreset(state) {
  const buttons = document.querySelectorAll('#presets .preset');
  PRESETS.forEach((preset, i) => {
    const current = Object.entries(preset.state).every(([key, value]) => state[key].trim() === value);
    if (current) buttons[i].setAttribute('aria-current', 'true');
    else buttons[i].removeAttribute('aria-current');
  });
}

function setUpPresets() {
  const list = document.querySelector('#presets');
  for (const preset of PRESETS) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset';
    const title = document.createElement('span');
    title.className = 'preset-title';
    title.textContent = preset.title;
    const code = document.createElement('code');
    const method = preset.state.method === 'gd' ? '' : `, ${preset.state.method}`;
    code.textContent = `${preset.state.f}, η = ${preset.state.eta}${method}`;
    const notice = document.createElement('span');
    notice.className = 'preset-notice';
    notice.textContent = preset.notice;
    button.append(title, code, notice);
    button.addEventListener('click', () => {
      applyState({ ...DEFAULT_STATE, ...preset.state });
      clearTimeout(typingTimer);
      update();
    });
    item.append(button);
    list.append(item);
  }
}

// LaTeX is for pasting into a post; if the clipboard is out of reach, the status line shows it to copy by hand.
function setUpCopyButtons() {
  for (const button of document.querySelectorAll('button.copy')) {
    button.addEventListener('click', async () => {
      if (!lastAnswer) return;
      const latex = lastAnswer.formulas[button.dataset.formula].latex;
      try {
        await navigator.clipboard.writeText(latex);
        status.textContent = `Copied as LaTeX: ${latex}`;
      } catch {
        status.textContent = `LaTeX: ${latex}`;
      }
    });
  }
}

function setUp() {
  const root = document.querySelector('#experiment');
  root.addEventListener('input', (event) => (event.target.tagName === 'SELECT' ? update() : updateSoon()));
  root.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(typingTimer); update(); });
  // The scale is only a way of drawing the same runs, so it redraws without running again.
  document.querySelector('#log').addEventListener('change', () => {
    lastState = form.read();
    history.replaceState(null, '', queryFromState(lastState));
    draw();
  });
  setUpPresets();
  setUpCopyButtons();
  // Chart legends are laid out for the width they are drawn at.
  window.matchMedia('(max-width: 600px)').addEventListener('change', draw);
  onThemeChange((next) => {
    theme = next;
    draw();
    if (lastAnswer) renderResults(document.querySelector('#results-body'), lastAnswer.runs, theme.dark);
  });
  const { state, problems } = stateFromQuery(location.search);
  applyState(state, problems);
  update({ writeUrl: location.search !== '' });
}

setUp();
