// The page: one full explorer whose state lives in the URL, so a link reproduces an experiment, and the
// presets that load the stories descent started from. app.js starts the engine's worker, then loads this.
import { createExplorer } from './explorer.js';
import { PRESETS } from './presets.js';
import { DEFAULT_STATE, queryFromState, stateFromQuery } from '../state/state.js';

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
  function markCurrentPreset(state) {
    const buttons = document.querySelectorAll('#presets .preset');
    PRESETS.forEach((preset, i) => {
      const current = Object.entries(preset.state).every(([key, value]) => state[key].trim() === value);
      if (current) buttons[i].setAttribute('aria-current', 'true');
      else buttons[i].removeAttribute('aria-current');
    });
  }

  function presetButton(preset) {
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
      showProblems([]);
      explorer.show({ ...DEFAULT_STATE, ...preset.state });
    });
    return button;
  }

  function setUpPresets() {
    const list = document.querySelector('#presets');
    for (const preset of PRESETS) {
      const item = document.createElement('li');
      item.append(presetButton(preset));
      list.append(item);
    }
  }

  setUpPresets();
  const { state, problems } = stateFromQuery(location.search);
  showProblems(problems);
  explorer.show(state);
}
