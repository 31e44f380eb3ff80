// Nothing a run did is silently off-screen, and a page with nothing to draw says what to do: a diverging
// run marked at the edges of the path and loss charts with its values (and said in their notes), the loss
// axis going logarithmic by itself when the losses blow up, the step-through's arrow to the edge; the empty
// cards of a broken link, the path limit on the control that caused it, a function with no finite value.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sharedBrowser, withAnsweredPage } from './harness.mjs';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';

const shared = sharedBrowser();

// For a link that never produces an answer (a broken function, too many paths): the page is opened and
// the body waits for what it expects.
async function withUnansweredPage(query, body) {
  const opened = await openPage(shared.browser, shared.server.url + query);
  try {
    await body(opened.page);
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}

// What a chart draws: its axes' ends and type, and per dataset its points and the labels at its edges.
function drawn(page, canvas) {
  return page.$eval(canvas, (element) => {
    const { chart } = element;
    const axis = (scale) => ({ min: scale.min, max: scale.max, type: scale.type });
    return {
      x: axis(chart.scales.x),
      y: axis(chart.scales.y),
      datasets: chart.data.datasets.map(({ role, data, edgeMarks }) => ({
        role,
        points: data.filter((p) => p.y !== null).map(({ x, y }) => ({ x, y })),
        labels: (edgeMarks?.marks ?? []).map((mark) => mark.label).filter(Boolean),
      })),
    };
  });
}

function assertAllInView({ x, y, datasets }, name) {
  for (const { role, points } of datasets) {
    if (role === 'curve') continue;
    for (const p of points) {
      assert.ok(p.x >= x.min && p.x <= x.max && p.y >= y.min && p.y <= y.max,
        `${name}, ${role}: (${p.x}, ${p.y}) lies within [${x.min}, ${x.max}] × [${y.min}, ${y.max}]`);
    }
  }
}

describe('runs beyond the charts', () => {
  test('η = 0.5 of seed 001 is drawn to the edges with its values; the loss axis goes logarithmic by itself', async () => {
    await withAnsweredPage(shared, SEED_001, async (page) => {
      await page.locator('#loss-note', { hasText: 'Log scale' }).waitFor();
      const path = await drawn(page, '#path-chart');
      assertAllInView(path, 'path chart');
      const labels = path.datasets.find((d) => d.role === 'jumps 2').labels;
      assert.deepEqual(labels, ['x₁ = 21.25', 'x₂ = −19110', 'x₄ = −5.43e+39', 'x₅ = 3.2e+119 (f = ∞)']);
      const jump = path.datasets.find((d) => d.role === 'jumps 2').points;
      assert.deepEqual(jump[0], { x: -2.5, y: 22.3125 }, 'the dashed jump starts at x₀');
      assert.match(await page.textContent('#path-note'),
        /^η = 0\.5 goes off the chart at step 1, and diverges at step 5: x₁ = 21\.25, x₂ = −19110, x₃ = 1\.39e\+13, x₄ = −5\.43e\+39, x₅ = 3\.2e\+119 \(f = ∞\)\.$/);
      assert.match(await page.getAttribute('#path-chart', 'aria-describedby'), /path-note/);

      const loss = await drawn(page, '#loss-chart');
      assert.equal(loss.y.type, 'logarithmic');
      assertAllInView(loss, 'loss chart');
      assert.deepEqual(loss.datasets.find((d) => d.role === 'jumps 2').labels, ['f(x₃) = 3.79e+52', 'f(x₅) = ∞']);
      assert.equal(await page.isChecked('#log'), true, 'the box shows the scale drawn');
      assert.ok(!page.url().includes('log='), 'a scale the values chose is not written into the link');
      assert.match(await page.textContent('#loss-note'), /Log scale, chosen because f\(x_k\) climbs to 8\.69e\+158.* f\(x₃\) = 3\.79e\+52, f\(x₄\) = 8\.69e\+158, f\(x₅\) = ∞\./);

      // A reader's linear axis keeps the calm runs in frame and marks the blow-up at its top.
      await page.uncheck('#log');
      await page.waitForFunction(() => location.search.endsWith('&log=0'));
      const linear = await drawn(page, '#loss-chart');
      assert.equal(linear.y.type, 'linear');
      assert.ok(linear.y.max < 30, `the linear axis frames the calm runs (top ${linear.y.max})`);
      assertAllInView(linear, 'linear loss chart');
      assert.deepEqual(linear.datasets.find((d) => d.role === 'jumps 2').labels, ['f(x₁) = 202600', 'f(x₅) = ∞']);

      // Stepping through η = 0.5: the step that leaves is drawn to the edge, with its value.
      await page.selectOption('.step-path', '2');
      const before = await page.$eval('#path-chart', (c) => c.toDataURL());
      await page.click('button[aria-label="Step forward"]');
      await page.click('button[aria-label="Step forward"]');
      assert.match(await page.textContent('.step-readout'), /k = 2 .*x_k = -19110/);
      assert.notEqual(await page.$eval('#path-chart', (c) => c.toDataURL()), before, 'the step is drawn');
    });
  });

  test('a broken link shows what to do instead of empty axes, and no step-through', async () => {
    await withUnansweredPage('?f=x%5E%5E2', async (page) => {
      await page.locator('#f-error .error-message').waitFor();
      const message = page.locator('#path-chart + .chart-empty');
      await message.waitFor();
      assert.equal(await message.textContent(), 'Fix the function above to draw its curve and the paths down it.');
      for (const canvas of ['#path-chart', '#loss-chart', '#step-size-chart']) {
        assert.equal(await page.isVisible(canvas), false, `${canvas} draws no axes`);
      }
      assert.doesNotMatch(await page.textContent('#status'), /last/);
      await page.waitForSelector('.step-through', { state: 'attached' });
      assert.equal(await page.isVisible('.step-through'), false, 'nothing to step through');
      // Fixing the function draws the charts.
      await page.fill('#f', 'x^2');
      await page.waitForFunction(() => document.querySelectorAll('#results-body tr').length > 0);
      assert.equal(await page.isVisible('#path-chart'), true);
      assert.equal(await page.isVisible('#path-chart + .chart-empty'), false);
    });
  });

  test('nine methods: the path limit sits on the method choice; 1/0 is an error in f', async () => {
    await withUnansweredPage('?method=gd,momentum,nesterov,adagrad,rmsprop,adam,adamw,armijo,exact&eta=0.1', async (page) => {
      await page.locator('#method-error', { hasText: 'At most 8 paths' }).waitFor();
      assert.match(await page.textContent('#method-error'), /9 methods × 1 step size is too many; untick a method/);
      assert.equal(await page.textContent('#eta-error'), '');
      assert.equal(await page.getAttribute('#method', 'aria-invalid'), 'true');
      assert.equal(await page.textContent('#status'), 'Fix the highlighted fields to run the experiment.');
      await page.uncheck('#compare-exact');
      await page.waitForFunction(() => document.querySelectorAll('#results-body tr').length === 8);
      assert.equal(await page.textContent('#method-error'), '');
      // Now two step sizes push it over: the message goes to the η field.
      await page.fill('#eta', '0.1, 0.2');
      await page.locator('#eta-error', { hasText: 'At most 8 paths' }).waitFor();
      assert.equal(await page.textContent('#method-error'), '');
    });
    await withUnansweredPage('?f=1%2F0&x0=1&eta=0.1&steps=40&method=gd', async (page) => {
      await page.locator('#f-error .error-message').waitFor();
      assert.match(await page.textContent('#f-error'), /^1\/0 has no finite value anywhere: it is ∞ for every x/);
      assert.equal(await page.getAttribute('#f', 'aria-invalid'), 'true');
      assert.equal(await page.locator('#results-body tr').count(), 0);
    });
  });
});
