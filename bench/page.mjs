// The page and the embeddable element in Chromium (dist/ served from this process), each figure beside a
// peer timed in the same run or a budget (issue #16):
//   first answer: navigation start -> the first answer drawn (the paths on the chart and the results table),
//               median of LOADS fresh loads, against a bare page that draws one empty Chart.js chart (the
//               peer), for (a) the page, (b) a post with one <descent-explorer> and (c) the embed demo until
//               every explorer in its first screen has answered; target <= 1.5x the peer each
//   bytes:      gzip -9 size of everything whose request started before the first answer was drawn: the
//               page (index.html included; 140 KB budget) and the post's one-file element (150 KB budget)
//   dragging:   the x0 slider moved once per animation frame for 3 s (after 1 s untimed) with 1,000-step
//               paths; the fraction of animation frames in which the path chart was redrawn (>= 0.95)
//   timeline:   the page's and its worker's performance marks (descent:*) of the median page load
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
const LOADS = 7;
const EXPERIMENT = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.05,0.1&steps=1000&method=gd';

// A post with one explorer, as README's snippet puts it in a page, on the page's experiment.
const POST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A post with an explorer</title><script src="descent-explorer.js" defer></script></head>
<body><main style="max-width:680px;margin:0 auto;font:18px/1.6 Georgia,serif"><h1>A post</h1><p>Some text before the figure.</p>
<descent-explorer f="x^4-3x^2+2" x0="-2.5" eta="0.01,0.05,0.1" steps="1000" method="gd" controls="compact"
  panels="path,loss,table" style="display:block;min-height:1115px"></descent-explorer>
<p>Some text after it.</p></main></body></html>`;

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
  // An element's descent-run event comes once its answer is drawn (charts and table, in one task).
  window.__answeredAt = new Map();
  document.addEventListener('descent-run', (event) => {
    if (!window.__answeredAt.has(event.target)) window.__answeredAt.set(event.target, performance.now());
  });
}

// The explorers of a post's first screen (any part of them inside the viewport at load); null until each has
// answered and is shown (an explorer stays hidden until the pieces that follow its first answer are in place:
// its layout loses the class "settling"), then the time the last of them did (polled every frame).
function firstScreenAnswered() {
  const shown = [...document.querySelectorAll('descent-explorer')].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.top < innerHeight && box.bottom > 0;
  });
  if (!shown.length || !shown.every((element) => window.__answeredAt.has(element))) return null;
  if (shown.some((element) => element.shadowRoot.querySelector('.layout.settling'))) return null;
  return Math.max(performance.now(), ...shown.map((element) => window.__answeredAt.get(element)));
}

// One fresh load (a new context: nothing cached) until its first answer is drawn. `elements`: wait for the
// explorers of the first screen rather than the page's own table.
async function firstChart(browser, url, { requests = null, elements = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (requests) context.on('response', (response) => requests.push(response));
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.addInitScript(watchDraws);
  await page.goto(url);
  const answered = elements ? firstScreenAnswered : () => window.__drawnAt;
  const drawnAt = await (await page.waitForFunction(answered, null, { timeout: 30000, polling: 'raf' })).jsonValue();
  const drawnAtEpoch = await page.evaluate((at) => performance.timeOrigin + at, drawnAt);
  return { context, page, workers, drawnAt, drawnAtEpoch };
}

// The descent:* marks of the page and of its workers, in ms since the page's navigation started.
async function timeline({ page, workers }) {
  const read = () => ({ origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('descent:')).map((m) => [m.name, m.startTime]) });
  const all = [];
  const own = await page.evaluate(read);
  for (const [name, at] of own.marks) all.push({ name, ms: Math.round(at) });
  for (const worker of workers) {
    const theirs = await worker.evaluate(read).catch(() => null);
    for (const [name, at] of theirs?.marks ?? []) all.push({ name: `worker ${name}`, ms: Math.round(theirs.origin + at - own.origin) });
  }
  return all.sort((a, b) => a.ms - b.ms);
}

// Requests are kept when the browser started them before the first chart was drawn (request timing and
// the page's clock both count milliseconds since the epoch).
async function shippedBytes(requests, drawnAtEpoch) {
  const files = [];
  for (const response of requests) {
    // A blob: worker's script is made from the element's own text, not downloaded.
    if (response.url().startsWith('blob:')) continue;
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

const ratio = (ms, peer) => ms / peer;

export async function measurePage() {
  const stage = await mkdtemp(path.join(tmpdir(), 'descent-bench-'));
  const peerEntry = path.join(stage, 'peer-src.js');
  await writeFile(peerEntry, PEER_JS);
  const bundled = await build({ entryPoints: [peerEntry], bundle: true, format: 'esm', minify: true, target: 'es2022',
    write: false, nodePaths: [path.join(root, 'node_modules')], logLevel: 'warning' });
  await rm(stage, { recursive: true, force: true });
  const { server, url } = await serve({ 'peer.html': PEER_HTML, 'peer.js': bundled.outputFiles[0].text, 'post.html': POST_HTML });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const pages = {
    page: { url: url + 'index.html' + EXPERIMENT },
    post: { url: url + 'post.html', elements: true },
    demo: { url: url + 'embed-demo.html', elements: true },
    peer: { url: url + 'peer.html' },
  };
  try {
    const requests = [];
    const first = await firstChart(browser, pages.page.url, { requests });
    const bytes = await shippedBytes(requests, first.drawnAtEpoch);
    await first.context.close();
    const postRequests = [];
    const post = await firstChart(browser, pages.post.url, { requests: postRequests, elements: true });
    const embedBytes = await shippedBytes(postRequests.filter((response) => !response.url().endsWith('/post.html')), post.drawnAtEpoch);
    await post.context.close();

    // The four pages in turn, LOADS rounds, so a busy spell of the machine falls on each alike.
    const times = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    const timelines = [];
    for (let i = 0; i < LOADS; ++i) {
      for (const [name, { url: address, elements }] of Object.entries(pages)) {
        const load = await firstChart(browser, address, { elements });
        times[name].push(load.drawnAt);
        if (name === 'page') timelines.push({ ms: load.drawnAt, marks: await timeline(load) });
        await load.context.close();
      }
    }
    const ms = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
    const typical = timelines.sort((a, b) => a.ms - b.ms)[timelines.length >> 1];

    const live = await firstChart(browser, pages.page.url);
    await live.page.waitForFunction(() => document.querySelector('#output').getAttribute('aria-busy') === 'false');
    await dragging(live.page, 1000); // the page's code paths warm up (V8 optimizes them) before timing
    const drag = await dragging(live.page);
    await live.context.close();
    return {
      bytes,
      embedBytes,
      firstAnswer: {
        loads: LOADS, ms, all: times,
        ratios: { page: ratio(ms.page, ms.peer), post: ratio(ms.post, ms.peer), demo: ratio(ms.demo, ms.peer) },
        timeline: typical.marks,
      },
      dragging: { ...drag, fps: drag.frames / drag.seconds, inputRate: drag.inputs / drag.seconds, updatedFraction: drag.frames / drag.inputs },
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measurePage();
  console.log(JSON.stringify(results, null, 2));
  const { ms, ratios } = results.firstAnswer;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.error([
    `first answer (median of ${results.firstAnswer.loads}): bare Chart.js page ${ms.peer.toFixed(0)} ms; target <= 1.5x`,
    ...['page', 'post', 'demo'].map((name) => `  ${name}: ${ms[name].toFixed(0)} ms, ${ratios[name].toFixed(2)}x`),
    `bytes before the first answer: page ${kb(results.bytes.gzip)} (<= 140 KB), element ${kb(results.embedBytes.gzip)} (<= 150 KB)`,
    `dragging: ${results.dragging.updatedFraction.toFixed(3)} of frames updated (>= 0.95)`,
  ].join('\n'));
  if (process.argv[2]) await writeFile(process.argv[2], JSON.stringify(results, null, 2));
}
