// The page: one full explorer whose state lives in the URL, so a link reproduces an experiment, and the
// presets that load the stories descent started from and the training lessons. app.js starts the engine's
// worker, then loads this.
import { createExplorer } from './explorer.js';
import { PRESET_GROUPS } from './presets.js';
import { DEFAULT_STATE, queryFromState, stateFromQuery } from '../state/state.js';
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

// client runs the explorer's experiments; analysisClient, on a worker of its own, the long analyses.
export function startPage(client, analysisClient) {
  const problemsBanner = document.querySelector('#link-problems');
  let writeUrl = location.search !== '';

  // history.replaceState costs several milliseconds and Chromium ignores it when called too often, so while
  // x0 is dragged (a new state every frame) the URL is written at most every URL_WRITE_MS, the last state always.
  const URL_WRITE_MS = 250;
  let urlWrittenAt = -Infinity;
  let urlTimer = 0;
  let pendingQuery = null;
  function writeQuery() {
    urlTimer = 0;
    urlWrittenAt = performance.now();
    history.replaceState(null, '', pendingQuery);
  }
  function writeUrlSoon(query) {
    pendingQuery = query;
    if (urlTimer) return;
    const wait = urlWrittenAt + URL_WRITE_MS - performance.now();
    if (wait <= 0) writeQuery();
    else urlTimer = setTimeout(writeQuery, wait);
  }

  const explorer = createExplorer(document, {
    client,
    themeElement: document.documentElement,
    embedScript: () => new URL('descent-explorer.js', location.href).href,
    analysisClient,
    onState(state) {
      markCurrentPreset(state);
      if (writeUrl) writeUrlSoon(queryFromState(state));
      writeUrl = true;
    },
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
    button.addEventListener('click', () => {
      showProblems([]);
      explorer.show({ ...state });
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
  const { state, problems } = stateFromQuery(location.search);
  showProblems(problems);
  explorer.show(state);
}
