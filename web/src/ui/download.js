// Downloads made in the page: text and encoded files through an object URL, charts as PNG images at twice
// their size on the page (or the screen's own density, if higher) with a title line, so that they stay
// sharp on a projector and say what they show.
import { paintTitled } from './titled-image.js';

const IMAGE_SCALE = 2;

function save(href, filename) {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  save(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text, filename, type) {
  downloadBlob(new Blob([text], { type }), filename);
}

// The chart redrawn at `scale` device pixels per CSS pixel, copied, and drawn back at the screen's density.
// Chart.js draws text and lines afresh at the new density, where scaling up its bitmap would blur them.
export function chartAtScale(chart, scale) {
  chart.options.devicePixelRatio = scale;
  chart.resize();
  const copy = document.createElement('canvas');
  copy.width = chart.canvas.width;
  copy.height = chart.canvas.height;
  copy.getContext('2d').drawImage(chart.canvas, 0, 0);
  delete chart.options.devicePixelRatio;
  chart.resize();
  return copy;
}

// look: { background, color, title } (titled-image.js). Resolves once the file is offered.
export async function downloadChart(chart, look, filename) {
  const scale = Math.max(IMAGE_SCALE, globalThis.devicePixelRatio || 1);
  const image = paintTitled(document.createElement('canvas'), chartAtScale(chart, scale),
    { width: chart.width, height: chart.height, scale, ...look });
  const blob = await new Promise((resolve) => image.toBlob(resolve, 'image/png'));
  downloadBlob(blob, filename);
}
