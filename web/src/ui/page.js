// The page: one full explorer whose state lives in the URL, so a link reproduces an experiment, and each
// experiment run is an entry of the browser's history (experiment-history.js); the presets that load the
// stories descent started from and the training lessons; Copy link, Reset, and Present for a projector.
// app.js starts the engine's worker, then loads this.
import { wireCopyLink } from './copy-link.js';
import { createExperimentHistory, experimentSearch } from './experiment-history.js';
import { createExplorer } from './explorer.js';
import { createPresentMode } from './present-mode.js';
import { PRESET_GROUPS } from './presets.js';
import { DEFAULT_STATE, stateFromQuery } from '../state/state.js';
import { EXPERIMENT_KEYS, SETTINGS, scheduleByName } from '../state/settings.js';

// The settings a preset is, beyond the chart's range: two presets that differ only in a schedule or a clip
// are told apart.
const PRESET_KEYS = EXPERIMENT_KEYS.filter((key) => key !== 'xmin' && key !== 'xmax');
const SHOWN_FIRST = ['f', 'x0', 'eta', 'steps', 'method', 'schedule'];

// 'γ = 0.9' for a symbol, 'clip 1' for a word.
function settingText(name, value) {
  const label = SETTINGS.run.find((setting) => setting.name === name)?.label ?? name;
  return /^[a-z ]+$/i.test(label) ? `${label} ${value}` : `${label} = ${value}`;
}

// The line under a preset's title: f, η, and whatever else it sets (method, schedule, clipping, noise, ...).
function presetSettings(state) {
  const parts = [`${state.f}, η = ${state.eta}`];
  if (state.method !== 'gd') parts.push(state.method.split(',').join(' vs '));
  const schedule = scheduleByName(state.schedule ?? 'constant');
  const scheduleKeys = schedule.parameters.map((p) => p.name);
  if (schedule.name !== 'constant') {
    const given = scheduleKeys.filter((name) => state[name]).map((name) => settingText(name, state[name]));
    parts.push(given.length ? `${schedule.name} (${given.join(', ')})` : schedule.name);
  }
  for (const [name, value] of Object.entries(state)) {
    if (!SHOWN_FIRST.includes(name) && !scheduleKeys.includes(name) && value !== '') parts.push(settingText(name, value));
  }
  return parts.join(', ');
}

// Moves focus to a heading and its section to the top of the screen: where a reader goes next. The jump is
// instant: the browser's scroll anchoring then keeps the section in place while the lines above it change
// with the new answer (the status line, the thresholds), which a smooth scroll would end short of.
function goTo(heading, section = heading) {
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  section.scrollIntoView({ block: 'start' });
}

// client runs the explorer's experiments; analysisClient, on a worker of its own, the long analyses.
export function startPage(client, analysisClient) {
  const $ = (selector) => document.querySelector(selector);
  // Read before the first answer rewrites the link without it.
  const presentAsked = new URLSearchParams(location.search).get('present') === '1';
  const problemsBanner = $('#link-problems');
  const pageLink = $('#page-link');
  const showLink = (href) => { pageLink.textContent = href; };
  // Where a preset and Present take focus: the heading of the chart they redraw.
  const pathTitle = $('#path-title');
  pathTitle.tabIndex = -1;

  const present = createPresentMode({ button: $('#present'), focusTarget: pathTitle });
  const experiments = createExperimentHistory({
    onShow(state, problems) {
      showProblems(problems);
      explorer.show(state);
    },
    onWrite: showLink,
  });

  const explorer = createExplorer(document, {
    client,
    themeElement: document.documentElement,
    embedScript: () => new URL('descent-explorer.js', location.href).href,
    analysisClient,
    loadExtras: () => import('./page-extras.js'),
    onState(state) {
      markCurrentPreset(state);
      experiments.changed(state);
    },
    onAnswer: experiments.ran,
  });

  // A preset or Reset is an experiment of its own in the history.
  function showAnew(state) {
    experiments.startAnew();
    showProblems([]);
    explorer.show({ ...state });
  }

  wireCopyLink({
    button: $('#copy-link'), note: $('#link-note'), box: $('#link-box'), field: $('#link-text'), href: experiments.href,
  });
  $('#reset').addEventListener('click', () => showAnew(DEFAULT_STATE));
  // On a phone the presets lie below everything else; the link near the top goes there without a new entry.
  $('#jump-presets').addEventListener('click', (event) => {
    event.preventDefault();
    goTo($('#presets-title'));
  });

  function showProblems(problems) {
    problemsBanner.hidden = problems.length === 0;
    const paragraphs = problems.map((text) => Object.assign(document.createElement('p'), { textContent: text }));
    problemsBanner.replaceChildren(...paragraphs);
  }

  // Marks the preset the form currently shows, if any, so a reader knows which story they are looking at.
  const presetButtons = new Map(); // button -> the preset's whole state
  function markCurrentPreset(state) {
    for (const [button, presetState] of presetButtons) {
      const current = PRESET_KEYS.every((key) => String(state[key] ?? '').trim() === String(presetState[key]).trim());
      if (current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  function presetButton(preset) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset';
    const title = document.createElement('span');
    title.className = 'preset-title';
    title.textContent = preset.title;
    const code = document.createElement('code');
    code.textContent = presetSettings(preset.state);
    const notice = document.createElement('span');
    notice.className = 'preset-notice';
    notice.textContent = preset.notice;
    button.append(title, code, notice);
    const state = { ...DEFAULT_STATE, ...preset.state };
    presetButtons.set(button, state);
    // The charts it redraws may be far above (on a phone, thousands of pixels): the reader is taken there.
    button.addEventListener('click', () => {
      showAnew(state);
      goTo(pathTitle, pathTitle.closest('section'));
    });
    return button;
  }

  // One list per group, each after its heading (the first group has none).
  function setUpPresets() {
    const panel = document.querySelector('#presets');
    PRESET_GROUPS.forEach(({ heading, presets }, i) => {
      const list = document.createElement('ul');
      list.className = 'presets';
      if (heading) {
        const title = Object.assign(document.createElement('h3'), { className: 'presets-heading', textContent: heading });
        title.id = `presets-group-${i}`;
        list.setAttribute('aria-labelledby', title.id);
        panel.append(title);
      }
      for (const preset of presets) {
        const item = document.createElement('li');
        item.append(presetButton(preset));
        list.append(item);
      }
      panel.append(list);
    });
  }

  setUpPresets();
  showLink(location.href);
  const { state, problems } = stateFromQuery(experimentSearch(location.search));
  showProblems(problems);
  explorer.show(state);
  if (presentAsked) present.enter();
}
