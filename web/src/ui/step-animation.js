// The paths stepping down the curve as a file to drop into slides: drawn frame by frame
// (step-frame-painter.js), encoded as a GIF or a WebM video a frame at a time, the page getting its turn
// between frames so it stays usable, with the progress row showing how far it has got and able to cancel.
import { downloadBlob } from './download.js';
import { encodeGif } from './gif-file.js';
import { createStepFramePainter } from './step-frame-painter.js';
import { encodeWebm } from './webm-file.js';

export const ANIMATIONS = {
  gif: { encode: encodeGif, what: 'path.gif', making: 'Making the GIF of the steps' },
  webm: { encode: encodeWebm, what: 'path.webm', making: 'Making the WebM video of the steps' },
};

// Lets input, painting and other tasks in before the next frame. A message is not throttled in a background
// tab as a timer is (so the export goes on there at full speed), and unlike scheduler.yield, whose
// continuation jumps the queue, it waits its turn behind what the page has to do.
function pause() {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}

// Resolves with the file's size in bytes once it is offered, or rejects (an AbortError when cancelled).
// host: where the hidden chart may live; signal: aborted by the progress row's Cancel.
export async function saveStepAnimation(kind, { host, answer, theme, title, filename, signal, progress }) {
  const frames = createStepFramePainter(host, answer, { theme, title });
  try {
    const blob = await ANIMATIONS[kind].encode(frames, { signal, pause, progress });
    signal.throwIfAborted();
    downloadBlob(blob, filename);
    return blob.size;
  } finally {
    frames.dispose();
  }
}
