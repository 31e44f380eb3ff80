// The training lessons in a real browser: the step-size chart with its summary in words, the noise bands
// on the loss and path charts, and the training settings carried by a link.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inkedPixels, sharedBrowser, withAnsweredPage } from './harness.mjs';

const shared = sharedBrowser();

const withPage = (query, body, viewport) => withAnsweredPage(shared, query, body, viewport);

// A chart's datasets by role, as plain data: [{ role, data: [{ x, y }] }].
function datasets(page, canvas) {
  return page.$eval(canvas, (element) => element.chart.data.datasets.map(({ role, data }) => ({
    role, data: data.map(({ x, y }) => ({ x, y })),
  })));
}

describe('training lessons', () => {
  test('the step-size thresholds say what a schedule, clipping and noise change about them', async () => {
    await withPage('?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.5&steps=40&method=gd&schedule=exponential&gamma=0.9&clip=1&noise=0.1',
      async (page) => {
        await page.locator('#eta-thresholds .threshold-note').first().waitFor();
        const notes = await page.$$eval('#eta-thresholds .threshold-note', (items) => items.map((li) => li.textContent));
        assert.ok(notes.some((t) => /exponential schedule η changes from step to step/.test(t)), notes.join(' | '));
        assert.ok(notes.some((t) => /Clipping caps each step/.test(t)), notes.join(' | '));
        assert.ok(notes.some((t) => /With noise no run settles exactly/.test(t)), notes.join(' | '));
      });
    await withPage('?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.5&steps=40&method=gd', async (page) => {
      await page.locator('#eta-thresholds li').first().waitFor();
      assert.equal(await page.locator('#eta-thresholds .threshold-note').count(), 0, 'plain gd at a constant rate needs no note');
    });
  });

  test('the step-size chart draws η_k of a step schedule and says where it halves', async () => {
    await withPage('?f=x%5E2&x0=2&eta=0.4&steps=40&method=gd&schedule=step&stepSize=10&gamma=0.5', async (page) => {
      const summary = page.locator('#step-size-summary li');
      await summary.first().waitFor();
      assert.equal(await summary.count(), 1);
      // The path's marker glyph comes first, hidden from screen readers.
      assert.equal((await summary.first().textContent()).slice(1),
        'η = 0.4: η_k = 0.4, then 0.2 from step 10, 0.1 from step 20, 0.05 from step 30; η_k stays below 2/f″(x_k) = 1.');
      const drawn = await datasets(page, '#step-size-chart');
      const rate = drawn.find((dataset) => dataset.role === 'main 0').data;
      assert.equal(rate.length, 40, 'one η_k per step taken');
      for (const { x: k, y } of rate) assert.equal(y, 0.4 * 0.5 ** Math.floor(k / 10), `η_${k}`);
      const limit = drawn.find((dataset) => dataset.role === 'limit 0').data;
      assert.ok(limit.every(({ y }) => y === 1), '2/f″ = 1 all along x²');
      assert.ok(await inkedPixels(page, '#step-size-chart') > 2000, 'the chart is drawn');
    });
  });

  test('with noise, the loss chart shades each path\'s 10%–90% band around its median; the link keeps the settings', async () => {
    const query = '?f=x%5E2&x0=2&eta=0.1,0.3&steps=200&method=gd&schedule=cosine&tMax=150&noise=1&seed=7';
    await withPage(query, async (page) => {
      await page.locator('#noise-note', { hasText: 'seeds 7–26' }).waitFor();
      const loss = await datasets(page, '#loss-chart');
      for (const path of [0, 1]) {
        const [low, median, high] = ['band-low', 'band-median', 'band-high'].map((name) => loss.find((d) => d.role === `${name} ${path}`).data);
        assert.ok(median.length > 150, `path ${path}: a band point per kept step (${median.length})`);
        median.forEach((point, i) => {
          assert.equal(low[i].x, point.x);
          assert.equal(high[i].x, point.x);
          assert.ok(low[i].y <= point.y && point.y <= high[i].y, `path ${path}, step ${point.x}: ${low[i].y} <= ${point.y} <= ${high[i].y}`);
        });
      }
      const fill = await page.$eval('#loss-chart', (element) => element.chart.data.datasets.find((d) => d.role === 'band-high 0').fill);
      assert.equal(fill, '-1', 'the upper edge shades down to the lower');
      const medianPath = (await datasets(page, '#path-chart')).find((dataset) => dataset.role === 'median 0');
      assert.ok(medianPath.data.length > 100, 'the path chart has the median path');
      // The link carries every training setting, and the form shows them in the open disclosure.
      assert.ok(page.url().endsWith(query.replace('?', '')), page.url());
      assert.equal(await page.inputValue('#schedule'), 'cosine');
      assert.equal(await page.inputValue('#tMax'), '150');
      assert.equal(await page.inputValue('#seed'), '7');
      assert.equal(await page.$eval('#training-settings', (details) => details.open), true);
      // Another seed is another run: the bands follow it.
      await page.fill('#seed', '3');
      await page.locator('#noise-note', { hasText: 'seeds 3–22' }).waitFor();
      assert.match(page.url(), /&noise=1&seed=3/);
    });
  });
});
