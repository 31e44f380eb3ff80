// The buttons that take an experiment elsewhere: formulas as LaTeX, an embed snippet for a post, the whole
// trajectories as CSV, each chart as a PNG and the paths stepping down the curve as a GIF or a WebM video.
// Whatever the clipboard refuses is shown to copy by hand. Every file is named for what it holds
// (export-names.js).
import { checkState } from '../state/state.js';
import { embedSnippet, frameSnippet } from '../state/embed-snippet.js';
import { copyText } from './clipboard.js';
import { downloadChart, downloadText } from './download.js';
import { experimentOf, exportFileName, exportTitle } from './export-names.js';
import { createExportProgress } from './export-progress.js';
import { ANIMATIONS, saveStepAnimation } from './step-animation.js';

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

// embedOptions(): the element's attributes and height for the snippets (state/embed-snippet.js).
export function wireActions(root, { client, embedScript, embedOptions, state, answer, theme, charts, say }) {
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

  // The script snippet is copied; the iframe snippet, for platforms that strip scripts, is shown beside it.
  $('#embed')?.addEventListener('click', async () => {
    const options = embedOptions();
    const script = embedScript();
    const snippet = embedSnippet(state(), script, options);
    const box = $('#embed-code');
    box.value = snippet;
    const frameBox = $('#embed-frame-code');
    if (frameBox) frameBox.value = frameSnippet(state(), new URL('embed.html', script).href, options);
    $('#embed-box').hidden = false;
    const copied = await copy(snippet, 'Copied the embed snippet; for a platform that takes only iframes, use the second one.');
    tell(copied ?? 'The clipboard is out of reach: the snippet is selected below, copy it by hand.');
    if (!copied) { box.focus(); box.select(); }
  });

  $('#download-csv')?.addEventListener('click', async () => {
    const { request } = checkState(state());
    if (!request) { tell('Fix the highlighted fields first.'); return; }
    try {
      const { csv } = await client.request({ ...request, kind: 'csv' });
      const filename = exportFileName(request, 'trajectories.csv');
      downloadText(csv, filename, 'text/csv');
      tell(`Downloaded ${filename}.`);
    } catch (error) {
      tell(`No CSV: ${error.message}`);
    }
  });

  // Images and videos are titled and named from the answer they draw (export-names.js says why).
  const look = () => ({ background: theme().surface, color: theme().text, title: exportTitle(experimentOf(answer())) });

  for (const [name, chart] of Object.entries(charts)) {
    $(`#download-${name}-png`)?.addEventListener('click', async () => {
      if (!answer()) return;
      const filename = exportFileName(experimentOf(answer()), `${name}.png`);
      await downloadChart(chart, look(), filename);
      tell(`Downloaded ${filename}.`);
    });
  }

  const pathCard = $('#path-chart')?.closest('section');
  const progress = pathCard && createExportProgress(pathCard);
  for (const [kind, animation] of Object.entries(ANIMATIONS)) {
    const button = $(`#download-path-${kind}`);
    button?.addEventListener('click', async () => {
      if (!answer() || !progress) return;
      if (progress.running) { tell('A file is being made: wait for it, or cancel it, first.'); return; }
      const shown = answer();
      const filename = exportFileName(experimentOf(shown), animation.what);
      const signal = progress.start(`${animation.making}…`, button);
      tell(`${animation.making}…`);
      try {
        const size = await saveStepAnimation(kind, {
          host: pathCard, answer: shown, theme: theme(), title: look().title, filename, signal, progress: progress.set,
        });
        tell(`Downloaded ${filename} (${megabytes(size)}).`);
      } catch (error) {
        tell(signal.aborted ? 'Cancelled: no file was made.' : `No file: ${error.message}`);
      } finally {
        progress.finish();
      }
    });
  }
}
