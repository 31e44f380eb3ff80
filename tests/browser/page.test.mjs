// The page in a real browser: typing, presets by URL, errors, long runs, hostile links, screenshots.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { inkedPixels, openPage, resultRows, SCREENSHOTS, waitForRun, sharedBrowser } from './harness.mjs';
import { PRESETS } from '../../web/src/ui/presets.js';
import { checkState, DEFAULT_STATE } from '../../web/src/state/state.js';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';

const shared = sharedBrowser();

// Opens the page, runs the body, and fails if the console saw an error or a CSP violation.
async function withPage(query, body, options = {}) {
  const opened = await openPage(shared.browser, shared.server.url + query, options.viewport, options.colorScheme);
  try {
    await body(opened.page);
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}

async function typeFunction(page, text) {
  await page.fill('#f', text);
}

describe('descent page', () => {
  test('typing a function draws both charts, the formulas and the table', async () => {
    await withPage('', async (page) => {
      await waitForRun(page);
      await typeFunction(page, '(x-1)^2 + 0.5');
      await page.fill('#eta', '0.1, 0.3');
      await page.waitForFunction(() => document.querySelector('#formula-df').textContent.trim() !== ''
        && document.querySelectorAll('#results-body tr').length === 2);
      await waitForRun(page);
      const rows = await resultRows(page);
      assert.deepEqual(rows.map((row) => row.eta), ['0.1', '0.3']);
      assert.ok(Math.abs(Number(rows[1].x) - 1) < 1e-6, `η=0.3 ends near 1, got ${rows[1].x}`);
      assert.ok(await inkedPixels(page, '#path-chart') > 2000, 'the path chart is drawn');
      assert.ok(await inkedPixels(page, '#loss-chart') > 2000, 'the loss chart is drawn');
      assert.ok(await page.$('#formula-df math'), 'f′ is shown as MathML');
      assert.match(page.url(), /f=\(x-1\)%5E2%20%2B%200\.5/, 'the URL follows the input');
      assert.match(page.url(), /eta=0\.1,%200\.3/);
    });
  });

  test('the seed-001 link reproduces the true float64 results', async () => {
    await withPage(SEED_001, async (page) => {
      await waitForRun(page);
      const rows = await resultRows(page);
      assert.equal(rows.length, 3);
      assert.equal(await page.inputValue('#f'), 'x^4-3x^2+2');
      const medium = rows[1];
      assert.equal(medium.eta, '0.1');
      assert.ok(Math.abs(Number(medium.x) - -1.22474487) < 1e-7, `final x ${medium.x}`);
      assert.ok(Math.abs(Number(medium.f) - -0.25) < 1e-7, `final f ${medium.f}`);
      assert.equal(medium.status, 'ran all 40 steps');
      const large = rows[2];
      assert.match(large.status, /^diverged at step [1-6]\b/);
      const legend = await page.$eval('#results-body tr:nth-child(3)', (row) => row.dataset.status);
      assert.equal(legend, 'diverged');
    });
  });

  test('a preset runs in one click and lands in the URL', async () => {
    await withPage('', async (page) => {
      await waitForRun(page);
      const preset = page.locator('#presets .preset', { hasText: 'A tilted double well' });
      await preset.click();
      await page.waitForFunction(() => document.querySelectorAll('#results-body tr').length === 2);
      await waitForRun(page);
      const rows = await resultRows(page);
      assert.ok(Math.abs(Number(rows[0].x) - -0.1347) < 1e-3, `η=0.1 is trapped near -0.135, got ${rows[0].x}`);
      assert.ok(Math.abs(Number(rows[1].x) - 3.2588) < 1e-3, `η=0.4 bounces in the deep well, got ${rows[1].x}`);
      assert.equal(await preset.getAttribute('aria-current'), 'true');
      assert.match(page.url(), /x0=-1&eta=0\.1,%200\.4&steps=20&method=gd$/);
      assert.match(await page.textContent('#landmarks'), /Maximum at x = 1\.328/);
    });
  });

  // The numbers themselves are held to the engine in tests/node/presets.test.mjs; here, that the page shows them.
  test('every preset loads in one click, marks itself alone, and its table shows the final x its notice quotes', async () => {
    await withPage('', async (page) => {
      await waitForRun(page);
      for (const [i, preset] of PRESETS.entries()) {
        const { request } = checkState({ ...DEFAULT_STATE, ...preset.state });
        const paths = request.etas.length * request.methods.length;
        await page.locator('#presets .preset').nth(i).click();
        await page.waitForFunction((title) => document.querySelector('#presets .preset[aria-current="true"] .preset-title')
          ?.textContent === title, preset.title);
        await page.waitForFunction((n) => document.querySelectorAll('#results-body tr').length === n, paths);
        await waitForRun(page);
        assert.equal(await page.locator('#presets .preset[aria-current="true"]').count(), 1, preset.title);
        const rows = await resultRows(page);
        for (const check of preset.checks.filter((c) => c.quantity === 'final x' && !c.run)) {
          const shown = check.shown.match(/[−+-]?\d+(?:\.\d+)?/)[0].replace('−', '-');
          const decimals = check.decimals ?? (shown.split('.')[1] ?? '').length;
          const x = Number(rows[(check.path ?? 1) - 1].x);
          assert.equal(x.toFixed(decimals), Number(shown).toFixed(decimals), `${preset.title}: path ${check.path ?? 1}`);
        }
      }
    });
  });

  test('a bad expression shows its column and keeps the last chart', async () => {
    await withPage(SEED_001, async (page) => {
      await waitForRun(page);
      const inkBefore = await inkedPixels(page, '#path-chart');
      for (const [text, column] of [['x^^2', 3], ['sin x', null]]) {
        await typeFunction(page, text);
        const error = page.locator('#f-error .error-message');
        await error.waitFor();
        const message = await error.textContent();
        assert.match(message, /^Column \d+: /, `error for ${text}: ${message}`);
        if (column) assert.match(message, new RegExp(`^Column ${column}:`));
        assert.equal(await page.locator('#f-error .error-at').count(), 1, 'the column is marked');
        assert.equal(await page.getAttribute('#f', 'aria-invalid'), 'true');
        assert.equal((await resultRows(page)).length, 3, 'the last table stays');
        assert.ok(await inkedPixels(page, '#path-chart') >= inkBefore * 0.9, 'the last chart stays');
        await typeFunction(page, 'x^4-3x^2+2');
        await page.locator('#f-error .error-message').waitFor({ state: 'detached' });
      }
    });
  });

  test('the status line times each answer, and only the engine\'s first run says it includes compiling', async () => {
    await withPage(SEED_001, async (page) => {
      await waitForRun(page);
      const status = () => page.textContent('#status');
      assert.match(await status(), /^3 runs in \d+ ms( \(first run: includes compiling the engine\))?: η = 0\.01 ran all steps;/);
      const before = (await resultRows(page))[0].x;
      await page.fill('#x0', '-2');
      await page.waitForFunction((x) => document.querySelector('#results-body tr td:nth-child(2)')?.textContent.trim() !== x
        && document.querySelector('#output').getAttribute('aria-busy') === 'false', before);
      assert.match(await status(), /^3 runs in \d+ ms: /);
    });
  });

  test('the expression is still checked while another field is wrong', async () => {
    await withPage(SEED_001, async (page) => {
      await waitForRun(page);
      await page.fill('#x0', 'abc');
      await page.fill('#f', 'x^^2');
      await page.locator('#f-error .error-message').waitFor();
      await page.fill('#f', 'x^2');
      await page.locator('#f-error .error-message').waitFor({ state: 'detached' });
      assert.match(await page.textContent('#x0-error'), /not a number/);
      assert.match(await page.textContent('#status'), /Fix the highlighted fields/);
      await page.fill('#x0', '1');
      await page.waitForFunction(() => /runs? in/.test(document.querySelector('#status').textContent));
      assert.equal(await page.getAttribute('#x0', 'aria-invalid'), null);
    });
  });

  test('a million steps run without freezing the page', async () => {
    const query = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.001,0.01,0.1&steps=1000000&method=gd';
    await withPage(query, async (page) => {
      const started = Date.now();
      let answeredWhileBusy = 0;
      let slowest = 0;
      // While the worker runs, the page keeps answering: the run is off the page's thread.
      for (;;) {
        const asked = Date.now();
        const busy = await page.evaluate(() => document.querySelector('#output').getAttribute('aria-busy') === 'true'
          && document.querySelectorAll('#results-body tr').length === 0);
        if (!busy && await page.$$eval('#results-body tr', (rows) => rows.length) > 0) break;
        if (busy) {
          answeredWhileBusy++;
          slowest = Math.max(slowest, Date.now() - asked);
        }
        assert.ok(Date.now() - started < 60_000, 'the run finishes within a minute');
        await page.waitForTimeout(10);
      }
      await waitForRun(page);
      assert.ok(answeredWhileBusy >= 1, 'the page answered while the run was going on');
      assert.ok(slowest < 1000, `the page answered within a second (slowest ${slowest} ms)`);
      const rows = await resultRows(page);
      assert.equal(rows[0].status, 'ran all 1,000,000 steps');
      assert.ok(Math.abs(Number(rows[1].x) - -1.22474487) < 1e-6);
      assert.ok(await inkedPixels(page, '#loss-chart') > 2000);
    });
  });

  test('the latest input wins over a long run still going', async () => {
    await withPage('?f=x%5E2&x0=1&eta=0.001,0.002,0.003&steps=1000000&method=gd', async (page) => {
      // The page writes the link into the form when its code has loaded; typing before that is overwritten.
      await page.waitForFunction(() => document.querySelector('#steps').value === '1000000');
      await page.fill('#steps', '10');
      await page.waitForFunction(() => document.querySelector('#results-body tr')?.textContent.includes('ran all 10 steps'));
      await page.waitForTimeout(1500);
      const rows = await resultRows(page);
      assert.deepEqual(rows.map((row) => row.status), ['ran all 10 steps', 'ran all 10 steps', 'ran all 10 steps']);
      await page.check('#log');
      await page.waitForFunction(() => location.search.endsWith('&log=1'));
      assert.ok(await inkedPixels(page, '#loss-chart') > 2000);
    });
  });

  test('a link carrying markup shows an error and runs nothing', async () => {
    const hostile = `?f=${encodeURIComponent('<img src=x onerror=window.__xss=1>')}&x0=1&eta=0.1&steps=5`;
    await withPage(hostile, async (page) => {
      await page.locator('#f-error .error-message').waitFor();
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.inputValue('#f'), '<img src=x onerror=window.__xss=1>');
      assert.match(await page.textContent('#f-error .error-source'), /<img src=x/);
    });
  });

  test('bad link values get clear messages', async () => {
    await withPage('?f=x%5E2&x0=abc&eta=0.1,x&steps=2.5&method=sgd&colour=red', async (page) => {
      await page.locator('#x0-error').filter({ hasText: 'not a number' }).waitFor();
      assert.match(await page.textContent('#eta-error'), /not a number/);
      const banner = await page.textContent('#link-problems');
      assert.match(banner, /method 'sgd'/);
      assert.match(banner, /unknown setting 'colour'/);
      assert.equal(await page.inputValue('#method'), 'gd');
    });
    // Numbers out of range are refused by the engine, whose error names the setting: the message lands on
    // that field, and the status says to fix it.
    const refusals = [
      ['?f=x%5E2&x0=1&eta=0.1,-2&steps=40', '#eta-error', /^eta = -2 is out of range: the step size must satisfy 0 < eta$/],
      ['?f=x%5E2&x0=1&eta=0.1&steps=2.5', '#steps-error', /whole number with 0 <= steps <= 1000000$/],
      ['?f=x%5E2&x0=1&eta=0.1&steps=40&method=adam&beta2=1', '#beta2-error', /^beta2 = 1 is out of range for adam/],
      ['?f=x%5E2&x0=1&eta=0.1&steps=40&tol=-1', '#tol-error', /^tolerance = -1 is out of range/],
    ];
    for (const [link, field, message] of refusals) {
      await withPage(link, async (page) => {
        await page.locator(field).filter({ hasText: 'out of range' }).waitFor();
        assert.match(await page.textContent(field), message);
        assert.equal(await page.getAttribute(field.replace('-error', ''), 'aria-invalid'), 'true');
        assert.match(await page.textContent('#status'), /Fix the highlighted fields/);
      });
    }
  });

  test('the x0 slider moves the start and runs at every position, by mouse and by keyboard', async () => {
    await withPage('?f=x%5E2&x0=-2&eta=0.1&steps=40&method=gd', async (page) => {
      await waitForRun(page);
      const slider = page.getByRole('slider', { name: /start x0/ });
      const [low, high] = await slider.evaluate((s) => [Number(s.min), Number(s.max)]);
      assert.ok(low <= -2 && high > 0, `the slider spans the chart's x range: [${low}, ${high}]`);
      const box = await slider.boundingBox();
      const seen = new Set();
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) {
        await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / 10, box.y + box.height / 2);
        await page.waitForFunction((x0) => document.querySelector('#status').textContent.includes('ran')
          && document.querySelector('#x0').value !== x0, [...seen].pop() ?? '-2');
        seen.add(await page.inputValue('#x0'));
      }
      await page.mouse.up();
      assert.ok(seen.size >= 6, `x0 followed the pointer: ${[...seen].join(', ')}`);
      await waitForRun(page);
      const x0 = Number(await page.inputValue('#x0'));
      assert.ok(x0 > -2 && x0 < high, `x0 moved right: ${x0}`);
      // x^2 with eta 0.1: x_k = 0.8^k x0, so the table's final x follows the new start.
      const [row] = await resultRows(page);
      assert.ok(Math.abs(Number(row.x) - 0.8 ** 40 * x0) <= 1e-9 + 1e-3 * Math.abs(0.8 ** 40 * x0), `final x ${row.x} for x0 ${x0}`);
      await page.waitForFunction((value) => new URL(location.href).searchParams.get('x0') === value, String(x0));

      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((before) => Number(document.querySelector('#x0').value) < before, x0);
    });
  });

  test('a tolerance stops a run early and unfolds the extra settings', async () => {
    await withPage('?f=(x-2)%5E2&x0=-1&eta=0.1&steps=1000&method=gd&tol=1e-9&xmin=-3&xmax=5', async (page) => {
      await waitForRun(page);
      assert.equal(await page.$eval('#more-settings', (details) => details.open), true);
      const [row] = await resultRows(page);
      assert.match(row.status, /^converged at step \d+$/);
      assert.ok(Math.abs(Number(row.x) - 2) < 1e-9);
    });
  });

  test('hyperparameters appear only for the methods that read them', async () => {
    await withPage(SEED_001, async (page) => {
      await waitForRun(page);
      assert.equal(await page.isVisible('#beta'), false);
      await page.selectOption('#method', 'adam');
      for (const name of ['beta1', 'beta2', 'eps']) assert.ok(await page.isVisible(`#${name}`), name);
      assert.equal(await page.isVisible('#beta'), false);
      await page.fill('#beta1', '0.8');
      await page.waitForFunction(() => location.search.includes('beta1=0.8'));
      assert.match(page.url(), /method=adam/);
    });
  });

  test('screenshots at desktop and phone widths, light and dark', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const shots = [
      ['desktop', { width: 1280, height: 800 }, 'light'],
      ['phone', { width: 375, height: 812 }, 'light'],
      ['desktop-dark', { width: 1280, height: 800 }, 'dark'],
      ['phone-dark', { width: 375, height: 812 }, 'dark'],
    ];
    for (const [name, viewport, colorScheme] of shots) {
      await withPage(SEED_001, async (page) => {
        await waitForRun(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: no sideways scrolling (${overflow}px too wide)`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      }, { viewport, colorScheme });
    }
  });
});
