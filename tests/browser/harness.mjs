// Shared set-up for the browser tests: dist/ served from an in-process HTTP server, Debian's Chromium
// driven by playwright-core, and a page that records console errors and CSP violations.
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DESCENT_DIST ? path.resolve(process.env.DESCENT_DIST) : path.join(root, 'dist');
export const SCREENSHOTS = path.join(root, 'tests', 'browser', 'screenshots');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function startServer() {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(DIST, relative);
    if (!file.startsWith(DIST + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Opens a page that collects everything that would show up as a problem in the console. `before` runs in
// the page ahead of its own scripts (to watch what the page constructs, say).
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }, colorScheme = 'light', before = null) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (before) await page.addInitScript(before);
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

// Resolves once the worker's answer for the current input has been drawn.
export async function waitForRun(page) {
  await page.waitForFunction(() => {
    const output = document.querySelector('#output');
    return output.getAttribute('aria-busy') === 'false' && document.querySelectorAll('#results-body tr').length > 0;
  });
}

export async function resultRows(page) {
  return page.$$eval('#results-body tr', (rows) => rows.map((row) => {
    const cells = [...row.children].map((cell) => cell.textContent.trim());
    return { eta: cells[0].replace(/^\W+/u, ''), x: cells[1], f: cells[2], df: cells[3], status: cells[4] };
  }));
}

// How many pixels of a chart's canvas differ from its most common colour: zero means nothing is drawn.
export function inkedPixels(page, selector) {
  return page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;
  });
}

// The server and the browser a test file shares: started before its first test, closed after its last.
// Read .server and .browser inside tests (they are set once `before` has run).
export function sharedBrowser() {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// Opens the page at a query on the shared server, waits for its first answer, runs body(page) and requires
// that nothing went to the console or broke the page's policy.
export async function withAnsweredPage(shared, query, body, viewport) {
  const opened = await openPage(shared.browser, shared.server.url + query, viewport);
  try {
    await waitForRun(opened.page);
    await body(opened.page);
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}
