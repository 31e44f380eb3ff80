// The exports of the path chart in a real browser: a PNG at twice the chart's size with its title line, and
// the paths stepping down the curve as an animated GIF and a WebM video, each read back byte by byte and then
// decoded by the browser itself; the progress row while they are made, Cancel, and names that say what the
// files hold.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sharedBrowser, withAnsweredPage } from './harness.mjs';
import { find, findAll, floatOf, pngSize, readEbml, readGif, textOf, uintOf } from './media-files.mjs';
import { frameDelays } from '../../web/src/ui/step-frames.js';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';
const NAME = 'descent-x4-3x2+2-gd-eta0.01,0.1,0.5';
// Seed 001 runs 40 steps: one frame for each of k = 0..40.
const FRAMES = 41;
const FRAME_SIZE = { width: 960, height: 540 };

const shared = sharedBrowser();

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

// Records, from inside the page, what the progress row shows and the longest wait between two painted frames.
function watchExport() {
  const row = document.querySelector('.export-progress');
  window.exportSeen = [];
  const note = () => window.exportSeen.push({ hidden: row.hidden, value: row.querySelector('progress').value });
  new MutationObserver(note).observe(row, { attributes: true, subtree: true, childList: true, characterData: true });
  window.longestFrameGap = 0;
  let last = performance.now();
  const tick = (now) => {
    window.longestFrameGap = Math.max(window.longestFrameGap, now - last);
    last = now;
    if (!window.stopWatching) requestAnimationFrame(tick);
  };
  window.stopWatching = false;
  requestAnimationFrame(tick);
}

// Pixels in the top `rows` of an image (given as bytes) that differ from its top-left corner, the card's colour.
function inkedTitle(page, bytes, type, rows) {
  return page.evaluate(async ({ base64, type, rows }) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type }));
    const canvas = new OffscreenCanvas(bitmap.width, rows);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, bitmap.width, rows).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i] - pixels[0]) + Math.abs(pixels[i + 1] - pixels[1]) + Math.abs(pixels[i + 2] - pixels[2]) > 96) inked++;
    }
    return { inked, corner: [...pixels.subarray(0, 3)] };
  }, { base64: bytes.toString('base64'), type, rows });
}

// The GIF's frames as the browser composes them: pixels of the first path's colour in the first and last.
function gifPathPixels(page, bytes) {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: 'image/gif' });
    await decoder.tracks.ready;
    const count = decoder.tracks.selectedTrack.frameCount;
    const blue = async (index) => {
      const { image } = await decoder.decode({ frameIndex: index });
      const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      image.close();
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      // #0072B2, the first path's colour on a light page.
      for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i]) + Math.abs(pixels[i + 1] - 0x72) + Math.abs(pixels[i + 2] - 0xb2) < 40) n++;
      return n;
    };
    return { count, first: await blue(0), last: await blue(count - 1) };
  }, bytes.toString('base64'));
}

// Played in a blank page of its own: the page's policy (rightly) loads no media from blob: URLs.
async function videoInfo(page, bytes) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(playVideo, bytes.toString('base64'));
  } finally {
    await blank.close();
  }
}

function playVideo(base64) {
  return (async () => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error(`the browser cannot play it: ${video.error?.message}`));
    });
    return { duration: video.duration, width: video.videoWidth, height: video.videoHeight };
  })();
}

describe('exports', () => {
  test('PNG at twice the chart, titled; GIF and WebM of the steps, one frame per step, with progress', async () => {
    await withAnsweredPage(shared, SEED_001, async (page) => {
      await page.waitForFunction(() => document.querySelector('#output').getAttribute('aria-busy') === 'false' &&
        document.querySelector('.export-progress'));

      const png = await download(page, '#download-path-png');
      assert.equal(png.name, `${NAME}-path.png`);
      const box = await page.$eval('#path-chart', (canvas) => ({ width: canvas.clientWidth, height: canvas.clientHeight }));
      const size = pngSize(png.bytes);
      assert.ok(size.width >= 2 * box.width, `PNG width ${size.width} for a chart ${box.width} px wide`);
      assert.ok(size.height >= 2 * box.height, `PNG height ${size.height} for a chart ${box.height} px high`);
      const surface = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--surface').trim());
      const title = await inkedTitle(page, png.bytes, 'image/png', 2 * 34);
      assert.equal(`#${title.corner.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toLowerCase(), surface.toLowerCase(),
        'on the card\'s colour');
      assert.ok(title.inked > 1500, `the title line is drawn (${title.inked} pixels)`);

      await page.evaluate(watchExport);
      const gif = await download(page, '#download-path-gif');
      const seen = await page.evaluate(() => { window.stopWatching = true; return { seen: window.exportSeen, gap: window.longestFrameGap }; });
      assert.equal(gif.name, `${NAME}-path.gif`);
      assert.ok(seen.seen.some((s) => !s.hidden && s.value > 0 && s.value < 100), 'the progress row shows the share done');
      assert.ok(seen.seen.at(-1).hidden, 'and goes away once the file is offered');
      assert.ok(seen.gap < 250, `the page keeps painting while it encodes (longest gap ${Math.round(seen.gap)} ms)`);
      assert.match(await page.textContent('#action-note'), new RegExp(`Downloaded ${NAME.replaceAll('+', '\\+')}-path\\.gif \\(`));
      const read = readGif(gif.bytes);
      assert.equal(read.header, 'GIF89a');
      assert.deepEqual({ width: read.width, height: read.height }, FRAME_SIZE);
      assert.ok(read.ended, 'the file ends with its trailer');
      assert.equal(read.frames.length, FRAMES, 'one frame per step');
      assert.deepEqual(read.frames.map((f) => f.delay * 10), frameDelays(FRAMES).map((ms) => Math.round(ms / 10) * 10));
      assert.equal(read.frames.at(-1).delay, 200, 'the last frame is held for two seconds');
      const decoded = await gifPathPixels(page, gif.bytes);
      assert.equal(decoded.count, FRAMES, 'Chromium decodes every frame');
      assert.ok(decoded.last > decoded.first + 50, `the first path grows from frame to frame (${decoded.first} -> ${decoded.last} pixels)`);
      assert.ok((await inkedTitle(page, gif.bytes, 'image/gif', 34)).inked > 800, 'each frame has the title line and k');

      const webm = await download(page, '#download-path-webm');
      assert.equal(webm.name, `${NAME}-path.webm`);
      const bytes = webm.bytes;
      assert.equal(bytes.readUInt32BE(0), 0x1a45dfa3, 'EBML header');
      const [header, segment] = readEbml(bytes);
      assert.equal(textOf(bytes, find(header.children, 0x4282)), 'webm');
      assert.equal(segment.id, 0x18538067, 'a Segment follows');
      const durationMs = floatOf(bytes, find(find(segment.children, 0x1549a966).children, 0x4489));
      const expectedMs = frameDelays(FRAMES).reduce((a, b) => a + b, 0);
      assert.equal(durationMs, expectedMs, 'Duration: every frame for its time, the last one held');
      const track = find(find(segment.children, 0x1654ae6b).children, 0xae);
      assert.equal(textOf(bytes, find(track.children, 0x86)), 'V_VP8');
      const video = find(track.children, 0xe0);
      assert.deepEqual({ width: uintOf(bytes, find(video.children, 0xb0)), height: uintOf(bytes, find(video.children, 0xba)) }, FRAME_SIZE);
      const clusters = findAll(segment.children, 0x1f43b675);
      const blocks = clusters.flatMap((cluster) => cluster.children.filter((node) => node.id === 0xa3 || node.id === 0xa0));
      assert.equal(blocks.length, FRAMES, 'one video frame per step');
      assert.ok(blocks.every((block) => block.size > 4), 'every block holds encoded data');
      assert.equal(findAll(find(segment.children, 0x1c53bb6b).children, 0xbb).length, clusters.length, 'a cue for each cluster');
      const played = await videoInfo(page, bytes);
      assert.deepEqual({ width: played.width, height: played.height }, FRAME_SIZE);
      assert.ok(Math.abs(played.duration - expectedMs / 1000) < 0.05, `Chromium plays it for ${played.duration} s`);
    });
  });

  test('Cancel stops a long export without a file, and the buttons say what they make', async () => {
    await withAnsweredPage(shared, '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.05&steps=3000&method=gd,momentum', async (page) => {
      await page.waitForFunction(() => document.querySelector('#output').getAttribute('aria-busy') === 'false' &&
        document.querySelector('.export-progress'));
      const names = await page.$$eval('.export-tools button', (buttons) => buttons.map((b) => b.getAttribute('aria-label')));
      assert.deepEqual(names, ['Download the paths chart as PNG', 'Download a GIF of the steps', 'Download a WebM video of the steps']);
      const canvases = () => page.evaluate(() => document.querySelectorAll('canvas').length);
      const before = await canvases();
      let downloads = 0;
      page.on('download', () => { downloads++; });
      await page.focus('#download-path-gif');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.export-progress progress').value >= 5);
      const label = await page.textContent('.export-progress');
      assert.match(label, /Making the GIF of the steps/);
      await page.click('.export-progress button');
      await page.waitForFunction(() => document.querySelector('.export-progress').hidden);
      assert.equal(await page.textContent('#action-note'), 'Cancelled: no file was made.');
      await page.waitForTimeout(300);
      assert.equal(downloads, 0, 'no file is offered');
      assert.equal(await canvases(), before, 'the hidden chart the frames were drawn on is gone');
    });
  });
});
