// The page's history: each experiment a person runs is an entry of the browser's history, so Back and
// Forward step through the experiments of a lesson. An entry is made when the runs of a new experiment
// are drawn, not per keystroke: the answers of one gesture (typing a number, dragging x0) amend the entry
// its first answer made, until the person pauses. A preset, Reset or Back is a gesture of its own. What
// changes only how an experiment is looked at (the loss scale, the analysis views' settings) amends the
// current entry at once, as does a state that does not run (a typing mistake keeps the link of the charts).
import { queryFromState, stateFromQuery } from '../state/state.js';
import { VIEW_KEYS } from '../state/view-fields.js';

const GESTURE_PAUSE_MS = 1000;
// history.replaceState costs several milliseconds and Chromium ignores it when called too often, so while
// x0 is dragged (a new answer every frame) the URL is written at most every URL_WRITE_MS, the last always.
const URL_WRITE_MS = 250;

// Keys of the link that are the page's own, not the experiment's.
export const PAGE_KEYS = ['present'];

// The link's query without the page's own keys, as the state reads it.
export function experimentSearch(search) {
  const kept = search.replace(/^\?/, '').split('&')
    .filter((part) => part && !PAGE_KEYS.includes(part.split('=')[0]));
  return kept.length ? `?${kept.join('&')}` : '';
}

// What is run, without how it is looked at: two states with the same key are one experiment.
function experimentKey(state) {
  return queryFromState({ ...state, log: null, ...Object.fromEntries(VIEW_KEYS.map((key) => [key, ''])) });
}

// onShow(state, problems): show the experiment an entry holds (after Back or Forward).
// onWrite(href): the URL changed.
export function createExperimentHistory({ onShow, onWrite = () => {} }) {
  const opened = stateFromQuery(experimentSearch(location.search)).state;
  const openedQuery = queryFromState(opened);
  let entryKey = experimentKey(opened);
  let amendUntil = 0;
  let closeAfterAnswer = false;
  let search = location.search; // the query last written or arrived at

  let writtenAt = -Infinity;
  let timer = 0;
  let pending = null;
  function replaceNow() {
    timer = 0;
    writtenAt = performance.now();
    if (pending !== location.search) history.replaceState(history.state, '', pending);
    search = location.search;
    onWrite(location.href);
  }
  function replace(query) {
    // A page opened without a query keeps its bare URL until something changes.
    if (location.search === '' && query === openedQuery) return;
    pending = query;
    if (timer) return;
    const wait = writtenAt + URL_WRITE_MS - performance.now();
    if (wait <= 0) replaceNow();
    else timer = setTimeout(replaceNow, wait);
  }
  function push(query) {
    // A write still waiting belongs to the entry being left.
    if (timer) { clearTimeout(timer); replaceNow(); }
    history.pushState(null, '', query);
    search = location.search;
    onWrite(location.href);
  }

  // Every change of input: only a new way of looking at the entry's experiment is written now.
  function changed(state) {
    if (experimentKey(state) === entryKey) replace(queryFromState(state));
  }

  // The runs of `state` are drawn.
  function ran(state) {
    const key = experimentKey(state);
    const query = queryFromState(state);
    if (key === entryKey) {
      replace(query);
    } else {
      const now = performance.now();
      if (now < amendUntil) replace(query);
      else push(query);
      entryKey = key;
      amendUntil = now + GESTURE_PAUSE_MS;
    }
    if (closeAfterAnswer) amendUntil = 0;
    closeAfterAnswer = false;
  }

  // The next experiment (a preset, Reset) is an entry of its own, and so is the one after it.
  function startAnew() {
    amendUntil = 0;
    closeAfterAnswer = true;
  }

  window.addEventListener('popstate', () => {
    // Moving to a fragment of the same entry is no other experiment.
    if (location.search === search) return;
    clearTimeout(timer);
    timer = 0;
    search = location.search;
    const { state, problems } = stateFromQuery(experimentSearch(location.search));
    entryKey = experimentKey(state);
    startAnew();
    onShow(state, problems);
    onWrite(location.href);
  });

  // The URL of what is shown, with a write still waiting done first.
  function href() {
    if (timer) { clearTimeout(timer); replaceNow(); }
    return location.href;
  }

  return { changed, ran, startAnew, href };
}
