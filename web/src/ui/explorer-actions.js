// The buttons that take an experiment elsewhere: formulas as LaTeX, an embed snippet for a post, the whole
// trajectories as CSV and each chart as a PNG. Whatever the clipboard refuses is shown to copy by hand.
import { checkState } from '../state/state.js';
import { embedSnippet } from '../state/embed-snippet.js';
import { copyText } from './clipboard.js';
import { downloadChart, downloadText } from './download.js';

export function wireActions(root, { client, embedScript, state, answer, theme, charts, say }) {
  const $ = (selector) => root.querySelector(selector);
  const note = $('#action-note');
  const tell = (text) => { if (note) note.textContent = text; };

  // The words for a copy that worked, or null when the clipboard is out of reach.
  async function copy(text, done) {
    return (await copyText(text)) ? done : null;
  }

  // LaTeX is for pasting into a post; if the clipboard is out of reach, the status line shows it to copy by hand.
  for (const button of root.querySelectorAll('button.copy')) {
    button.addEventListener('click', async () => {
      if (!answer()) return;
      const latex = answer().formulas[button.dataset.formula].latex;
      say((await copy(latex, `Copied as LaTeX: ${latex}`)) ?? `LaTeX: ${latex}`);
    });
  }

  $('#embed')?.addEventListener('click', async () => {
    const snippet = embedSnippet(state(), embedScript());
    const box = $('#embed-code');
    box.value = snippet;
    $('#embed-box').hidden = false;
    const copied = await copy(snippet, 'Copied the embed snippet.');
    tell(copied ?? 'The clipboard is out of reach: the snippet is selected below, copy it by hand.');
    if (!copied) { box.focus(); box.select(); }
  });

  $('#download-csv')?.addEventListener('click', async () => {
    const { request } = checkState(state());
    if (!request) { tell('Fix the highlighted fields first.'); return; }
    try {
      const { csv } = await client.request({ ...request, kind: 'csv' });
      downloadText(csv, 'descent-trajectories.csv', 'text/csv');
      tell('Downloaded descent-trajectories.csv.');
    } catch (error) {
      tell(`No CSV: ${error.message}`);
    }
  });

  for (const [name, chart] of Object.entries(charts)) {
    $(`#download-${name}-png`)?.addEventListener('click', () => {
      if (!answer()) return;
      downloadChart(chart, theme().surface, `descent-${name}.png`);
      tell(`Downloaded descent-${name}.png.`);
    });
  }
}
