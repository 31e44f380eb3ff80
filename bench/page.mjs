// The page in Chromium (dist/ served from this process), each figure beside a peer or a budget:
//   bytes:      gzip -9 size of index.html and everything whose request started before the first chart was
//               drawn (what the page loads afterwards, such as its lazily imported extras, is not counted;
//               120 KB budget)
//   first chart: navigation start -> the first answer drawn, median of 10 fresh loads, against a bare page
//               that draws one empty Chart.js chart (300 ms budget)
//   dragging:   the x0 slider moved once per animation frame for 3 s (after 1 s untimed) with 1,000-step paths; animation
//               frames per second in which the path chart was redrawn (50 fps budget)
// Usage: node bench/page.mjs [out.json]
import { writeFile, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.DESCENT_DIST ?? path.join(root, 'dist'));
const LOADS = 10;
const EXPERIMENT = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.05,0.1&steps=1000&method=gd';

const PEER_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><div style="width:640px;height:400px"><canvas id="c"></canvas></div>
<script type="module" src="peer.js"></script></body></html>`;
const PEER_JS = `import { Chart, LineController, LineElement, PointElement, LinearScale } from 'chart.js';
Chart.register(LineController, LineElement, PointElement, LinearScale);
new Chart(document.getElementById('c'), { type: 'line', data: { datasets: [{ data: [] }] },
  options: { animation: false, scales: { x: { type: 'linear' }, y: { type: 'linear' } } } });
window.__drawnAt = performance.now();`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

async function serve(files) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = files[name] ?? (name.includes('..') ? null : path.join(DIST, name));
    try {
      const body = typeof file === 'string' && file.startsWith('/') ? await readFile(file) : Buffer.from(file);
      response.writeHead(200, { 'content-type': MIME[path.extname(name)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// Marks the moment the first answer is drawn (the results table is filled in the same task as the
// charts) and counts redraws of the path chart (Chart.js clears its canvas once per redraw). Several
// redraws before one frame is painted show one picture, so the drag counts frames that had a redraw.
function watchDraws() {
  window.__draws = 0;
  window.__redrawn = false;
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    if (this.canvas.id === 'path-chart') { window.__draws += 1; window.__redrawn = true; }
    return clear.apply(this, args);
  };
  new MutationObserver(() => {
    if (document.querySelector('#results-body tr')) window.__drawnAt ??= performance.now();
  }).observe(document, { subtree: true, childList: true });
}

async function firstChart(browser, url, requests) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (requests) context.on('response', (response) => requests.push(response));
  const page = await context.newPage();
  await page.addInitScript(watchDraws);
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 30000 });
  const [drawnAt, drawnAtEpoch] = await page.evaluate(() => [window.__drawnAt, performance.timeOrigin + window.__drawnAt]);
  return { context, page, drawnAt, drawnAtEpoch };
}

// Requests are kept when the browser started them before the first chart was drawn (request timing and
// the page's clock both count milliseconds since the epoch).
async function shippedBytes(requests, drawnAtEpoch) {
  const files = [];
  for (const response of requests) {
    if (response.request().timing().startTime > drawnAtEpoch) continue;
    const body = await response.body().catch(() => null);
    if (!body) continue;
    files.push({ name: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), raw: files.reduce((sum, f) => sum + f.raw, 0) };
}

// Drags the x0 slider one position per animation frame for `ms` (what a pointer drag does: a new value and
// an input event each frame), counting the frames that showed a new answer.
async function dragging(page, ms = 3000) {
  return page.evaluate(async (duration) => {
    const slider = document.querySelector('#x0-slider');
    const before = window.__draws;
    const start = performance.now();
    let inputs = 0;
    let frames = 0;
    let direction = 1;
    window.__redrawn = false;
    while (performance.now() - start < duration) {
      const next = Number(slider.value) + direction * Number(slider.step);
      if (next > Number(slider.max) || next < Number(slider.min)) direction = -direction;
      slider.value = String(Number(slider.value) + direction * Number(slider.step));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      inputs += 1;
      await new Promise(requestAnimationFrame);
      if (window.__redrawn) frames += 1;
      window.__redrawn = false;
    }
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    const elapsed = performance.now() - start;
    return { inputs, frames, draws: window.__draws - before, seconds: elapsed / 1000 };
  }, ms);
}

export async function measurePage() {
  const stage = await mkdtemp(path.join(tmpdir(), 'descent-bench-'));
  const peerEntry = path.join(stage, 'peer-src.js');
  await writeFile(peerEntry, PEER_JS);
  const bundled = await build({ entryPoints: [peerEntry], bundle: true, format: 'esm', minify: true, target: 'es2022',
    write: false, nodePaths: [path.join(root, 'node_modules')], logLevel: 'warning' });
  await rm(stage, { recursive: true, force: true });
  const { server, url } = await serve({ 'peer.html': PEER_HTML, 'peer.js': bundled.outputFiles[0].text });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const requests = [];
    const first = await firstChart(browser, url + 'index.html' + EXPERIMENT, requests);
    const bytes = await shippedBytes(requests, first.drawnAtEpoch);
    await first.context.close();

    const pageMs = [], peerMs = [];
    for (let i = 0; i < LOADS; ++i) {
      const ours = await firstChart(browser, url + 'index.html' + EXPERIMENT);
      pageMs.push(ours.drawnAt);
      await ours.context.close();
      const peer = await firstChart(browser, url + 'peer.html');
      peerMs.push(peer.drawnAt);
      await peer.context.close();
    }

    const live = await firstChart(browser, url + 'index.html' + EXPERIMENT);
    await live.page.waitForFunction(() => document.querySelector('#output').getAttribute('aria-busy') === 'false');
    await dragging(live.page, 1000); // the page's code paths warm up (V8 optimizes them) before timing
    const drag = await dragging(live.page);
    await live.context.close();
    return {
      bytes,
      firstChart: { pageMs: median(pageMs), peerMs: median(peerMs), loads: LOADS },
      dragging: { ...drag, fps: drag.frames / drag.seconds, inputRate: drag.inputs / drag.seconds },
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measurePage();
  console.log(JSON.stringify(results, null, 2));
  if (process.argv[2]) await writeFile(process.argv[2], JSON.stringify(results, null, 2));
}
