// Seeing every step: the step-through's arithmetic carries the engine's numbers (engine.describeSteps, run
// here in Node against the same dist/engine.js), the reason a step goes wrong is said at that step and in
// the results table, a start outside the domain is an error on x₀, the step sizes beside a minimum set η,
// and the model parabola's lowest point is x_{k+1}.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, resultRows, sharedBrowser, waitForRun, withAnsweredPage } from './harness.mjs';
import { engine } from '../node/built-engine.mjs';
import { num } from '../../web/src/ui/formula.js';
import { formatShort } from '../../web/src/ui/format.js';

const shared = sharedBrowser();
const QUARTIC = { expression: 'x^4-3x^2+2', x0: -2.5, steps: 40 };
const query = ({ eta, method, x0 = -2.5 }) => `?f=x%5E4-3x%5E2%2B2&x0=${x0}&eta=${eta}&steps=40&method=${method}`;
const t = (value) => num(value).tex;
const w = (value) => num(value, { wrap: true }).tex;

// The LaTeX of each line of the step k shown, once the worker's numbers for it have arrived.
async function linesAt(page, k) {
  for (let i = 0; i < k; i++) await page.click('.step-through button[aria-label="Step forward"]');
  await page.waitForFunction((at) => document.querySelector('.step-math')?.dataset.shownK === String(at), k);
  return page.$$eval('.step-line', (lines) => lines.map((line) => line.dataset.latex));
}

function hasLine(lines, fragment) {
  assert.ok(lines.some((line) => line.includes(fragment)), `a line with ${fragment} in:\n${lines.join('\n')}`);
}

describe('the arithmetic of each step, with the engine\'s numbers', () => {
  const families = [
    ['gd', 0.1, (s) => [`= ${t(s.x)} - ${t(s.lr)} \\cdot ${w(s.g)} = ${t(s.next)}`]],
    ['momentum', 0.01, (s, before) => [
      `= ${t(0.9)} \\cdot ${w(before.values.velocity)} + ${w(s.g)} = ${t(s.values.velocity)}`,
      `= ${t(s.x)} - ${t(s.lr)} \\cdot ${w(s.values.velocity)} = ${t(s.next)}`,
    ]],
    ['adam', 0.1, (s, before) => [
      `= ${t(0.9)} \\cdot ${w(before.values['first moment'])} + ${t(1 - 0.9)} \\cdot ${w(s.g)} = ${t(s.values['first moment'])}`,
      `= ${t(s.values['bias correction 1'])}`,
      `= ${t(s.values['step size'])} / ${t(s.values.denominator)} = ${t(s.values['effective step'])}`,
      `= ${t(s.x)} - ${t(s.values['effective step'])} \\cdot ${w(s.values['first moment'])} = ${t(s.next)}`,
    ]],
    ['armijo', 1, (s) => [
      `tried ${Array.from(s.trials, (v) => num(v).tex).join(', ')}`,
      `t = ${t(s.values['accepted t'])} \\text{  after ${s.values.backtracks} backtracks`,
      `= ${t(s.x)} - ${t(s.values['accepted t'])} \\cdot ${w(s.g)} = ${t(s.next)}`,
    ]],
    ['newton', 1, (s) => [`= ${t(s.x)} - \\frac{${t(s.g)}}{${t(s.values["f''"])}} = ${t(s.x)} - ${w(s.values.ratio)} = ${t(s.next)}`]],
  ];
  for (const [method, eta, expected] of families) {
    test(`${method}: step 1`, async () => {
      const [before, step] = engine.describeSteps({ ...QUARTIC, eta, method, from: 0, count: 2 });
      await withAnsweredPage(shared, query({ eta, method }), async (page) => {
        const lines = await linesAt(page, 1);
        for (const fragment of expected(step, before)) hasLine(lines, fragment);
        assert.ok(await page.$('.step-line math'), 'each line is MathML');
      });
    });
  }
});

describe('why, in words, at the step where it happened', () => {
  test('η = 0.5 of the default experiment overshoots from step 0, in the step-through and the table', async () => {
    const [step] = engine.describeSteps({ ...QUARTIC, eta: 0.5, method: 'gd', from: 0, count: 1 });
    const factor = formatShort(Math.abs(1 - step.lr * step.d2f));
    await withAnsweredPage(shared, query({ eta: '0.01,0.1,0.5', method: 'gd' }), async (page) => {
      await page.selectOption('.step-path', '2');
      await page.waitForFunction(() => document.querySelector('.step-math')?.dataset.shownK === '0'
        && !document.querySelector('.step-why').hidden);
      assert.equal(await page.textContent('.step-why'),
        `|1 − η·f″(x_k)| = ${factor} > 1 here: each step overshoots by more than it corrects.`);
      const rows = await resultRows(page);
      assert.match(rows[2].status, new RegExp(`^diverged at step 5 — \\|1 − η·f″\\| = ${factor.replace('.', '\\.')} > 1 from step 0`));
      assert.equal(rows[1].status, 'ran all 40 steps');
    });
  });

  test('log(x) from x0 = −1 is an error on the x0 field, in the engine\'s words', async () => {
    const { why } = engine.run({ expression: 'log(x)', x0: -1, eta: 0.1, steps: 10 });
    assert.equal(why, 'log(x) is undefined at x = -1: its domain is x > 0');
    const opened = await openPage(shared.browser, `${shared.server.url}?f=log(x)&x0=-1&eta=0.1&steps=10`);
    try {
      const { page } = opened;
      await page.waitForFunction(() => document.querySelector('#x0-error').textContent !== '');
      assert.equal(await page.textContent('#x0-error'), why);
      assert.equal(await page.getAttribute('#x0', 'aria-invalid'), 'true');
      assert.match(await page.textContent('#status'), /^Fix the highlighted fields/);
      assert.equal(await page.$$eval('#results-body tr', (rows) => rows.length), 0);
      await page.fill('#x0', '2');
      await waitForRun(page);
      assert.equal(await page.textContent('#x0-error'), '');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});

describe('the step sizes beside a minimum and the model parabola', () => {
  test('η* sets η to 1/f″ and runs; the model\'s lowest point is x_{k+1}, within a pixel', async () => {
    const fn = engine.compile('x^4-3x^2+2');
    const [minimum] = fn.stationaryPoints(-3, 3).filter((p) => p.kind === 'min');
    fn.dispose();
    const [step] = engine.describeSteps({ ...QUARTIC, eta: 0.01, method: 'gd', from: 0, count: 1 });
    await withAnsweredPage(shared, query({ eta: '0.01,0.1,0.5', method: 'gd' }), async (page) => {
      await page.check('#step-model');
      await page.waitForFunction(() => document.querySelector('#path-chart').chart.data.datasets.some((d) => d.role === 'model'));
      const drawn = await page.$eval('#path-chart', (canvas, next) => {
        const { chart } = canvas;
        const model = chart.data.datasets.find((d) => d.role === 'model');
        const lowest = model.data.reduce((a, b) => (b.y < a.y ? b : a));
        const [p0, p1, p2] = model.data;
        const curvature = (p0.y - 2 * p1.y + p2.y) / (p1.x - p0.x) ** 2;
        return {
          lowest: chart.scales.x.getPixelForValue(lowest.x), next: chart.scales.x.getPixelForValue(next), area: chart.chartArea, curvature,
        };
      }, step.next);
      assert.ok(Math.abs(drawn.lowest - drawn.next) <= 1, `lowest point at ${drawn.lowest} px, x_1 at ${drawn.next} px`);
      assert.ok(drawn.next > drawn.area.left && drawn.next < drawn.area.right, 'x_1 is in view');
      assert.ok(Math.abs(drawn.curvature * step.lr - 1) < 1e-6, `curvature ${drawn.curvature} is 1/η`);
      assert.match(await page.textContent('.step-model-note'), /lowest point is x_\{k\+1\}/);

      const button = page.getByRole('button', { name: /fastest step size for the minimum at x = -1\.225/ });
      const expected = String(Number(minimum.etaBest.toPrecision(6)));
      assert.ok(Math.abs(Number(expected) * minimum.d2f - 1) < 1e-5, 'η* is 1/f″');
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('#results-body tr').length === 1);
      await waitForRun(page);
      assert.equal(await page.inputValue('#eta'), expected);
      assert.equal((await resultRows(page))[0].eta, expected);
      assert.match(page.url(), new RegExp(`eta=${expected}(&|$)`));
    });
  });
});
