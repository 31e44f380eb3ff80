// The analysis views in a real browser: thresholds under η, comparing methods, many starts, the step-size
// sweep with progress and cancelling (each for every chosen method), stepping through a path and dragging
// x₀; screenshots of each.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { inkedPixels, resultRows, SCREENSHOTS, sharedBrowser, withAnsweredPage } from './harness.mjs';
import { groupFinals, groupTolerance } from '../../web/src/ui/views/multistart-groups.js';
import { methodById } from '../../web/src/state/methods.js';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';
const STARTS = `${SEED_001}&starts=50&startseed=1&a=-3&b=3`;

const shared = sharedBrowser();

before(() => mkdir(SCREENSHOTS, { recursive: true }));

const withPage = (query, body, viewport) => withAnsweredPage(shared, query, body, viewport);

async function shoot(page, selector, name) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.locator(selector).screenshot({ path: path.join(SCREENSHOTS, `view-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function histogramCounts(page) {
  await page.waitForSelector('#multistart-body .histogram');
  return page.$$eval('#multistart-body .histogram', (figures) => figures.map((figure) => ({
    method: figure.dataset.method,
    eta: figure.dataset.eta,
    groups: Object.fromEntries([...figure.querySelectorAll('.bar-row')].map((row) => [row.dataset.group, Number(row.dataset.count)])),
  })));
}

describe('analysis views', () => {
  test('thresholds at the η field for seed 001', async () => {
    await withPage(SEED_001, async (page) => {
      const text = await page.textContent('#eta-thresholds');
      assert.match(text, /η = 0\.5 > η_max = 0\.1667 for the minima at -1\.225 and 1\.225: cannot settle there/);
      assert.match(text, /η = 0\.01 < η\* = 0\.08333 .*slow but steady/);
      await shoot(page, '#experiment', 'thresholds');
    });
  });

  test('method=gd,momentum runs and draws both methods, with their update rules', async () => {
    await withPage(SEED_001.replace('method=gd', 'method=gd,momentum'), async (page) => {
      const rows = await resultRows(page);
      assert.equal(rows.length, 6);
      assert.deepEqual(rows.map((row) => row.eta).slice(0, 4), ['gd, η = 0.01', 'gd, η = 0.1', 'gd, η = 0.5', 'momentum, η = 0.01']);
      assert.equal(await page.isChecked('#compare-momentum'), true);
      assert.deepEqual(await page.$$eval('#method-rule .method-rule', (items) => items.map((item) => item.dataset.method)), ['gd', 'momentum']);
      assert.ok(await page.$('#method-rule .method-rule math'), 'rules are MathML');
      assert.ok(await inkedPixels(page, '#path-chart') > 2000);
      await page.check('#compare-adam');
      await page.waitForFunction(() => /At most 8 paths/.test(document.querySelector('#method-error').textContent));
      await page.uncheck('#compare-momentum');
      await page.waitForFunction(() => location.search.includes('method=gd,adam')
        && document.querySelector('#results-body tr:nth-child(4) th').textContent.includes('adam'));
      await shoot(page, '#path-title >> xpath=ancestor::section[1]', 'compare');
    });
  });

  test('many starts: counts reproducible from the seed, summing to N, as engine.multiStart in Node', async () => {
    let first;
    await withPage(STARTS, async (page) => { first = await histogramCounts(page); });
    await withPage(STARTS, async (page) => {
      assert.deepEqual(await histogramCounts(page), first);
      await shoot(page, '#multistart', 'multistart');
    });
    const { engine } = await import('../node/built-engine.mjs');
    const fn = engine.compile('x^4-3x^2+2');
    const points = fn.stationaryPoints(-3, 3);
    fn.dispose();
    assert.equal(first.length, 3);
    assert.ok(first.every((histogram) => histogram.method === 'gd'));
    for (const histogram of first) {
      const counts = Object.values(histogram.groups);
      assert.equal(counts.reduce((a, b) => a + b, 0), 50);
      const eta = Number(histogram.eta);
      const runs = engine.multiStart({ expression: 'x^4-3x^2+2', a: -3, b: 3, count: 50, seed: 1, eta, steps: 40, method: 'gd' });
      const expected = groupFinals(runs.final, runs.status, points, groupTolerance(-3, 3));
      assert.deepEqual(histogram.groups, Object.fromEntries(expected.map((g) => [g.key, g.count])));
    }
  });

  test('method=gd,momentum: many starts and the sweep for each method, labelled, from the same starts', async () => {
    const query = `${SEED_001.replace('method=gd', 'method=gd,momentum')}&starts=20&startseed=3&a=-3&b=3&sweepmin=0.01&sweepmax=0.5&sweepn=40`;
    await withPage(query, async (page) => {
      const histograms = await histogramCounts(page);
      assert.deepEqual(histograms.map((h) => `${h.method} ${h.eta}`),
        ['gd 0.01', 'gd 0.1', 'gd 0.5', 'momentum 0.01', 'momentum 0.1', 'momentum 0.5']);
      const headings = await page.$$eval('#multistart-body .method-starts', (blocks) => blocks.map((b) => [b.dataset.method, b.querySelector('h3').textContent]));
      assert.deepEqual(headings.map(([id]) => id), ['gd', 'momentum']);
      for (const [id, heading] of headings) assert.ok(heading.startsWith(methodById(id).name), heading);
      assert.match(await page.textContent('#multistart-legend'), /elsewhere: after 40 steps not within 0\.03 of a stationary point/);
      assert.match(await page.textContent('#multistart-status'), /gd and momentum each from the same starts/);

      // Each histogram is that method's own run of engine.multiStart over the same seeded starts.
      const { engine } = await import('../node/built-engine.mjs');
      const fn = engine.compile('x^4-3x^2+2');
      const points = fn.stationaryPoints(-3, 3);
      fn.dispose();
      for (const histogram of histograms) {
        assert.equal(Object.values(histogram.groups).reduce((a, b) => a + b, 0), 20);
        const runs = engine.multiStart({ expression: 'x^4-3x^2+2', a: -3, b: 3, count: 20, seed: 3, eta: Number(histogram.eta), steps: 40, method: histogram.method });
        const expected = groupFinals(runs.final, runs.status, points, groupTolerance(-3, 3));
        assert.deepEqual(histogram.groups, Object.fromEntries(expected.map((g) => [g.key, g.count])), `${histogram.method} η = ${histogram.eta}`);
      }
      assert.notDeepEqual(histograms[0].groups, histograms[3].groups, 'gd and momentum end differently');

      await page.waitForFunction(() => /step sizes from/.test(document.querySelector('#sweep-status').textContent));
      const diagrams = await page.$$eval('#sweep .sweep-diagram', (figures) => figures.map((f) => ({
        method: f.dataset.method, caption: f.querySelector('figcaption').textContent,
        points: Number(f.querySelector('canvas').dataset.points), axis: f.querySelector('canvas').dataset.etaAxis,
      })));
      assert.deepEqual(diagrams.map((d) => d.method), ['gd', 'momentum']);
      for (const d of diagrams) {
        assert.ok(d.caption.includes(methodById(d.method).name), d.caption);
        assert.ok(d.points > 40, `${d.method}: ${d.points} points`);
        assert.ok(await inkedPixels(page, `#sweep-chart-${d.method}`) > 500);
      }
      assert.equal(diagrams[0].axis, diagrams[1].axis, 'the same η axis, in the same place');
      assert.match(await page.textContent('#sweep-status'), /^40 step sizes from 0\.01 to 0\.5 \(log\), gd and momentum from/);
      await shoot(page, '#multistart', 'multistart-compare');
      await shoot(page, '#sweep', 'sweep-compare');
    });
  });

  test('the sweep draws, with threshold lines at 1/6, shows progress and can be cancelled', async () => {
    await withPage('?f=x%5E4-3x%5E2%2B2&x0=1&eta=0.1&steps=40&method=gd', async (page) => {
      await page.fill('#view-sweepmin', '0.01');
      await page.fill('#view-sweepmax', '0.5');
      await page.click('#sweep-run');
      await page.waitForFunction(() => /step sizes from/.test(document.querySelector('#sweep-status').textContent));
      const lines = (await page.getAttribute('#sweep-chart-gd', 'data-thresholds')).split(',').map(Number);
      assert.ok(lines.some((eta) => Math.abs(eta - 1 / 6) < 1e-9), `threshold lines at ${lines}`);
      assert.ok(Number(await page.getAttribute('#sweep-chart-gd', 'data-points')) > 1000);
      assert.ok(await inkedPixels(page, '#sweep-chart-gd') > 2000);
      assert.match(page.url(), /sweepmin=0\.01&sweepmax=0\.5/);
      await shoot(page, '#sweep', 'sweep');

      await page.fill('#view-sweepn', '5000');
      await page.fill('#steps', '40');
      await page.click('#sweep-run');
      await page.waitForFunction(() => Number(document.querySelector('#sweep-progress').value) > 0);
      assert.equal(await page.isVisible('#sweep-progress'), true);
      await page.click('#sweep-cancel');
      await page.waitForFunction(() => document.querySelector('#sweep-status').textContent === 'Sweep cancelled.');
      const value = await page.$eval('#sweep-progress', (p) => p.value);
      await page.waitForTimeout(400);
      assert.equal(await page.$eval('#sweep-progress', (p) => p.value), value, 'no progress after cancelling');
      assert.equal(await page.textContent('#sweep-status'), 'Sweep cancelled.');
      assert.equal(await page.isVisible('#sweep-progress'), false);
      // Still responsive: typing runs the experiment again.
      await page.fill('#eta', '0.05');
      await page.waitForFunction(() => document.querySelector('#results-body th')?.textContent.includes('0.05'));
    });
  });

  test('stepping forward moves k and the tangent; dragging the start sets x₀', async () => {
    await withPage(SEED_001, async (page) => {
      assert.equal(await page.getAttribute('.step-readout', 'data-k'), '0');
      const before = await page.$eval('#path-chart', (c) => c.toDataURL());
      await page.click('button[aria-label="Step forward"]');
      assert.equal(await page.getAttribute('.step-readout', 'data-k'), '1');
      assert.match(await page.textContent('.step-readout'), /k = 1 .*x_k = -2\.025 .*f′\(x_k\) = -21\.07/);
      assert.notEqual(await page.$eval('#path-chart', (c) => c.toDataURL()), before, 'the tangent moved');
      await page.click('button[aria-label="Step back"]');
      assert.equal(await page.getAttribute('.step-readout', 'data-k'), '0');
      await page.focus('#path-chart');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute('.step-readout', 'data-k'), '2');
      await shoot(page, '#path-title >> xpath=ancestor::section[1]', 'step-through');

      await page.locator('#path-chart').scrollIntoViewIfNeeded();
      const pixel = await page.$eval('#path-chart', (canvas) => {
        const box = canvas.getBoundingClientRect();
        return { x: box.x, y: box.y };
      });
      const from = await page.$eval('#path-chart', (canvas) => ({ x: Number(canvas.dataset.startX), y: Number(canvas.dataset.startY) }));
      assert.ok(Number.isFinite(from.x) && Number.isFinite(from.y), 'the start marker position is known');
      await page.mouse.move(pixel.x + from.x, pixel.y + from.y);
      await page.mouse.down();
      await page.mouse.move(pixel.x + from.x + 40, pixel.y + from.y, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => document.querySelector('#x0').value !== '-2.5');
      assert.ok(Number(await page.inputValue('#x0')) > -2.5);
      await page.waitForFunction(() => location.search.includes('x0=') && !location.search.includes('x0=-2.5&'));
    });
  });
});
