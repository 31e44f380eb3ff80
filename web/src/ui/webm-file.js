// A WebM video of a sequence of frames (step-frame-painter.js): each frame encoded as VP8 by the browser
// (WebCodecs' VideoEncoder) with the time it is shown, and the file written by webm-writer.js.
// Not MediaRecorder on a canvas stream: that records in real time, so a 200-frame animation would take as
// long to make as to watch and its frame times would be whenever the page got round to drawing; its files
// also carry no duration, so players cannot seek in them. Here each frame has exactly its time, the file
// says how long it lasts, and making it takes as long as encoding does.
import { webmFile } from './webm-writer.js';

const CODEC = 'vp8';
const BITRATE = 2_000_000;
// A key frame at least this often, so that a player can seek and each cluster stays short.
const KEY_EVERY = 30;
// Frames queued in the encoder before the next waits, so memory stays flat on a slow machine.
const QUEUE = 4;

export function canEncodeWebm() {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
}

function config(frames) {
  return { codec: CODEC, width: frames.width, height: frames.height, bitrate: BITRATE, latencyMode: 'realtime' };
}

// frames: { count, width, height, delays, paint(i) -> canvas }; pause, progress and signal as in gif-file.js.
export async function encodeWebm(frames, { signal, pause, progress }) {
  if (!canEncodeWebm() || !(await VideoEncoder.isConfigSupported(config(frames))).supported) {
    throw new Error('this browser cannot encode WebM video (it lacks WebCodecs with VP8); the GIF works everywhere');
  }
  const chunks = [];
  let failure = null;
  let colorSpace = null;
  const encoder = new VideoEncoder({
    output(chunk, metadata) {
      colorSpace ??= metadata?.decoderConfig?.colorSpace ?? null;
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      chunks.push({ data, time: Math.round(chunk.timestamp / 1000), key: chunk.type === 'key' });
    },
    error(error) { failure = error; },
  });
  encoder.configure(config(frames));
  try {
    let time = 0;
    for (let i = 0; i < frames.count; i++) {
      await pause();
      signal.throwIfAborted();
      if (failure) throw failure;
      while (encoder.encodeQueueSize > QUEUE) await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      const frame = new VideoFrame(frames.paint(i), { timestamp: time * 1000, duration: frames.delays[i] * 1000 });
      encoder.encode(frame, { keyFrame: i % KEY_EVERY === 0 });
      frame.close();
      time += frames.delays[i];
      progress((i + 1) / frames.count);
    }
    await encoder.flush();
    if (failure) throw failure;
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
  chunks.sort((a, b) => a.time - b.time);
  // Each frame stays until the next one starts; the last for its own delay.
  chunks.forEach((chunk, i) => { chunk.duration = (chunks[i + 1]?.time ?? chunk.time + frames.delays.at(-1)) - chunk.time; });
  const bytes = webmFile(chunks, { width: frames.width, height: frames.height, codec: 'V_VP8', colorSpace });
  return new Blob([bytes], { type: 'video/webm' });
}
