// The noise bands of an explorer's experiments. When a run has gradient noise, the worker runs it again
// over many seeds ('bands', engine/noise-bands.js) once the answer has been drawn and the input has rested
// a moment, so neither the first chart nor a drag of x0 waits for it; new input cancels it. The note
// under the loss chart says what the shading is, and how far the seeds have got.
import { SETTINGS } from '../state/settings.js';
import { formatShort } from './format.js';

const REST_MS = 150;
const SEED_DEFAULT = SETTINGS.run.find((setting) => setting.name === 'seed').default;

const noiseOf = (request) => request?.training?.noise ?? 0;

function noteText(request, bands, progress) {
  const sigma = formatShort(noiseOf(request));
  const seed = request.training.seed ?? SEED_DEFAULT;
  if (!bands) {
    const done = progress > 0 ? ` (${Math.round(progress * 100)}%)` : '';
    return `Gradient noise σ = ${sigma}: the lines are seed ${seed}'s runs; running more seeds for the spread${done}…`;
  }
  const [first, last] = bands.seeds;
  return `Gradient noise σ = ${sigma}: the lines with markers are seed ${seed}'s runs; shaded, the 10%–90% range of ` +
    `f(x_k) over seeds ${first}–${last}; dashed, their median (on the path chart, the median of x_k).`;
}

// client: the explorer's engine client; note: the <p> under the loss chart; onBands(answer): the bands
// have been added to that answer (answer.bands) and it should be drawn again.
export function followBands({ client, note, onBands }) {
  let job = null;
  let timer = 0;

  function show(request, bands, progress = 0) {
    if (!note) return;
    note.hidden = !(noiseOf(request) > 0);
    note.textContent = note.hidden ? '' : noteText(request, bands, progress);
  }

  function cancel() {
    clearTimeout(timer);
    job?.cancel();
    job = null;
  }

  // A new answer drawn for `request`: its bands, if it has noise.
  function follow(request, answer) {
    cancel();
    show(request, answer.bands);
    if (!(noiseOf(request) > 0) || answer.bands) return;
    timer = setTimeout(() => {
      const started = client.start({ ...request, kind: 'bands' }, (fraction) => { if (job === started) show(request, null, fraction); });
      job = started;
      started.done.then((bands) => {
        if (job !== started || bands.cancelled) return;
        job = null;
        answer.bands = bands;
        show(request, bands);
        onBands(answer);
      }, (error) => {
        if (job === started && note) note.textContent = `The noise bands failed: ${error.message}`;
      });
    }, REST_MS);
  }

  return { follow, cancel };
}
