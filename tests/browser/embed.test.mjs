// <descent-explorer> in a real browser: the embed demo over http and from file://, one shared worker,
// live attributes, the Embed snippet reproducing an experiment, and the CSV and PNG downloads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, inkedPixels, openPage, resultRows, SCREENSHOTS, waitForRun, sharedBrowser } from './harness.mjs';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';

const shared = sharedBrowser();

// Counts the workers a page starts.
function countWorkers() {
  window.workersStarted = 0;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      window.workersStarted++;
    }
  };
}

async function withPage(url, body, { viewport, before: init } = {}) {
  const opened = await openPage(shared.browser, url, viewport, 'light', init);
  try {
    await body(opened.page);
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}

// Waits until every explorer on the page shows an answer: rows in its table and not busy. Explorers load
// as they come near the viewport, so each is scrolled to first.
async function waitForExplorers(page, count) {
  await page.waitForFunction((expected) => document.querySelectorAll('descent-explorer').length === expected, count);
  for (let i = 0; i < count; i++) await page.locator('descent-explorer').nth(i).scrollIntoViewIfNeeded();
  return page.waitForFunction((expected) => {
    const all = [...document.querySelectorAll('descent-explorer')];
    return all.length === expected && all.every((element) => {
      const root = element.shadowRoot;
      return root && root.querySelector('#output').getAttribute('aria-busy') === 'false'
        && root.querySelectorAll('#results-body tr').length > 0;
    });
  }, count);
}

// Presses a download button from the keyboard: a press the browser counts as the reader's (a download needs
// one), and no pointer aimed at a row that may still move while the extras load. On a loaded machine a
// headless Chromium has been seen to drop the first press's download while the page said "Downloaded":
// one more press is allowed, and the page's note is in the message if neither gives a file.
async function pressForDownload(page, selector) {
  for (const wait of [10_000, 20_000]) {
    await page.focus(selector);
    const download = page.waitForEvent('download', { timeout: wait }).catch(() => null);
    await page.keyboard.press('Enter');
    const file = await download;
    if (file) return file;
  }
  assert.fail(`no download from ${selector}; the page says: ${await page.textContent('#action-note')}`);
}

function explorerRows(page, index) {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('descent-explorer')[i].shadowRoot;
    return [...root.querySelectorAll('#results-body tr')].map((row) => row.children[1].textContent.trim());
  }, index);
}

async function checkDemo(page) {
  await waitForExplorers(page, 3);
  const explorers = page.locator('descent-explorer');
  const expectedRows = [1, 2, 3];
  for (let i = 0; i < 3; i++) {
    assert.equal((await explorerRows(page, i)).length, expectedRows[i], `explorer ${i} lists its runs`);
    for (const chart of ['#path-chart', '#loss-chart']) {
      const inked = await explorers.nth(i).locator(chart).evaluate((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p] > 0) count++;
        return count;
      });
      assert.ok(inked > 2000, `explorer ${i} draws ${chart}`);
    }
  }
  // controls="none" shows no form; "compact" shows f, x0, η and steps but not the method.
  assert.equal(await explorers.nth(0).locator('#experiment').isVisible(), false);
  assert.equal(await explorers.nth(1).locator('#f').isVisible(), true);
  assert.equal(await explorers.nth(1).locator('#method').isVisible(), false);
  assert.equal(await explorers.nth(2).locator('#method').isVisible(), true);
}

describe('descent-explorer element', () => {
  test('the embed demo draws three explorers over http with one shared worker', async () => {
    await withPage(`${shared.server.url}embed-demo.html`, async (page) => {
      await checkDemo(page);
      assert.equal(await page.evaluate(() => window.workersStarted), 1, 'one worker for all three');
      // The seed-001 figure shows the true float64 result.
      const finals = await explorerRows(page, 2);
      assert.ok(Math.abs(Number(finals[1]) - -1.22474487) < 1e-7, `η = 0.1 ends at ${finals[1]}`);
    }, { before: countWorkers });
  });

  test('the embed demo works opened from the file system', async () => {
    await withPage(pathToFileURL(path.join(DIST, 'embed-demo.html')).href, checkDemo);
  });

  test('changing an attribute runs the experiment again', async () => {
    await withPage(`${shared.server.url}embed-demo.html`, async (page) => {
      await waitForExplorers(page, 3);
      await page.evaluate(() => {
        const first = document.querySelector('descent-explorer');
        first.setAttribute('eta', '0.1, 0.3');
        first.setAttribute('steps', '60');
      });
      await page.waitForFunction(() => document.querySelector('descent-explorer').shadowRoot
        .querySelectorAll('#results-body tr').length === 2);
      const finals = await explorerRows(page, 0);
      assert.ok(Math.abs(Number(finals[1]) - 2) < 1e-6, `η = 0.3 reaches 2, got ${finals[1]}`);
    });
  });

  test('a page whose policy forbids workers still gets its explorer, on the main thread', async () => {
    const html = `<!doctype html><meta http-equiv="Content-Security-Policy" content="worker-src 'none'">
      <script src="/descent-explorer.js"></script><descent-explorer f="(x-2)^2" x0="-1" eta="0.1" steps="20"></descent-explorer>`;
    const opened = await openPage(shared.browser, 'about:blank');
    try {
      await opened.page.route('**/strict.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await opened.page.goto(`${shared.server.url}strict.html`);
      await waitForExplorers(opened.page, 1);
      const finals = await explorerRows(opened.page, 0);
      assert.ok(Math.abs(Number(finals[0]) - (2 - 3 * 0.8 ** 20)) < 1e-8, `ends at 2 − 3·0.8²⁰, got ${finals[0]}`);
      assert.ok(opened.problems.every((text) => /CSP violation: worker-src|violates the following Content Security Policy directive: "worker-src/i.test(text)),
        opened.problems.join('\n'));
    } finally {
      await opened.close();
    }
  });

  test('the Embed button gives a snippet that reproduces the experiment in a fresh page', async () => {
    await withPage(shared.server.url + SEED_001, async (page) => {
      await waitForRun(page);
      const expected = await resultRows(page);
      await page.click('#embed');
      await page.waitForFunction(() => /copied|by hand/i.test(document.querySelector('#action-note').textContent));
      const snippet = await page.inputValue('#embed-code');
      assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/descent-explorer\.js" defer><\/script>/);
      assert.match(snippet, /<descent-explorer f="x\^4-3x\^2\+2" x0="-2\.5" eta="0\.01,0\.1,0\.5" steps="40" method="gd"/);
      await page.route('**/fresh.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>${snippet}` }));
      await page.goto(`${shared.server.url}fresh.html`);
      await waitForExplorers(page, 1);
      const finals = await explorerRows(page, 0);
      assert.deepEqual(finals, expected.map((row) => row.x));
    });
  });

  test('CSV holds every step of every run at full precision; PNG is a PNG', async () => {
    await withPage(shared.server.url + SEED_001, async (page) => {
      await waitForRun(page);
      const csvDownload = await pressForDownload(page, '#download-csv');
      assert.equal(csvDownload.suggestedFilename(), 'descent-x4-3x2+2-gd-eta0.01,0.1,0.5-trajectories.csv');
      const csv = await readFile(await csvDownload.path(), 'utf8');
      const lines = csv.trim().split('\n');
      assert.equal(lines[0], 'eta,k,x,f,df,g,lr', 'the CLI\'s columns');
      const { loadEngine } = await import(pathToFileURL(path.join(DIST, 'engine.js')).href);
      const engine = await loadEngine();
      for (const eta of [0.01, 0.1, 0.5]) {
        const run = engine.run({ expression: 'x^4-3x^2+2', x0: -2.5, eta, steps: 40, method: 'gd' });
        const block = lines.slice(1).filter((line) => line.startsWith(`${eta},`)).map((line) => line.split(','));
        assert.equal(block.length, run.x.length, `η = ${eta}: one row per point`);
        block.forEach(([, k, x, f, df, g, lr], i) => {
          assert.equal(Number(k), i);
          assert.equal(Number(x), run.x[i]);
          assert.equal(Number(f), run.f[i]);
          assert.equal(Number(df), run.df[i]);
          assert.equal(Number(g), run.g[i]);
          assert.equal(Number(lr), run.lr[i]);
        });
      }
      assert.match(lines[1], /^0\.01,0,-2\.5000000000000000,/, '17 significant digits');

      const pngDownload = await pressForDownload(page, '#download-path-png');
      assert.equal(pngDownload.suggestedFilename(), 'descent-x4-3x2+2-gd-eta0.01,0.1,0.5-path.png');
      const png = await readFile(await pngDownload.path());
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.length > 5000, 'the image has the chart in it');
      assert.ok(await inkedPixels(page, '#path-chart') > 2000, 'the chart is still drawn after the export');
    });
  });

  test('screenshots of the embed demo at 1280 and 375 px', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    for (const width of [1280, 375]) {
      await withPage(`${shared.server.url}embed-demo.html`, async (page) => {
        await waitForExplorers(page, 3);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (overflow ${overflow})`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `embed-demo-${width}.png`), fullPage: true });
      }, { viewport: { width, height: 900 } });
    }
  });
});
