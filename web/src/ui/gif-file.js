// An animated GIF of a sequence of frames (step-frame-painter.js), with gifenc. One palette serves every
// frame: it is taken from the last frame, which holds every colour the paths reach, so colours do not shift
// from frame to frame. A pixel that has not changed since the frame before is written as transparent, and
// those long runs of one index are what LZW packs best: a frame then costs about what it adds to the picture.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

// frames: { count, width, height, delays, paint(i) -> canvas }; pause() resolves once the page has had its
// turn; progress(fraction) after each frame; a `signal` aborted stops the work with its reason.
export async function encodeGif(frames, { signal, pause, progress }) {
  const { width, height } = frames;
  const pixels = (canvas) => canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const palette = quantize(pixels(frames.paint(frames.count - 1)), 255);
  // One entry past the colours, which no pixel maps to, stands for "as in the frame before".
  const unchanged = palette.length;
  const table = [...palette, [0, 0, 0]];
  const gif = GIFEncoder();
  let previous = null;
  for (let i = 0; i < frames.count; i++) {
    await pause();
    signal.throwIfAborted();
    const index = applyPalette(pixels(frames.paint(i)), palette);
    const written = previous ? index.map((value, p) => (value === previous[p] ? unchanged : value)) : index;
    gif.writeFrame(written, width, height, {
      palette: i === 0 ? table : undefined,
      delay: frames.delays[i],
      transparent: previous !== null,
      transparentIndex: unchanged,
      dispose: 1, // keep this frame under the next one, whose transparent pixels show it through
    });
    previous = index;
    progress((i + 1) / frames.count);
  }
  gif.finish();
  return new Blob([gif.bytesView()], { type: 'image/gif' });
}
