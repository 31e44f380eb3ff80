// How the formulas lie on a phone: each line of an update rule clear of the next and inside its box, an
// exponent on a bracket level with one on x, and a long f′ wrapping between its terms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, withAnsweredPage } from './harness.mjs';

const shared = sharedBrowser();
const PHONE = { width: 390, height: 844 };
const f = encodeURIComponent('(x-1)^4 + x^2 + sin(3x)*exp(-x^2/5) + 0.1*x^4 - cos(2x)*x^2');

test('rules, exponents and long formulas on a phone', async () => {
  await withAnsweredPage(shared, `?f=${f}&x0=1&eta=0.01&steps=20&method=momentum,adam,armijo`, async (page) => {
    const rules = await page.$$eval('.method-rule', (blocks) => blocks.map((block) => ({
      method: block.dataset.method,
      lines: [...block.querySelectorAll('.method-rule-line, .method-rule-words')].map((line) => {
        const { top, bottom } = line.getBoundingClientRect();
        return { top, bottom, fits: line.scrollWidth <= line.clientWidth };
      }),
    })));
    assert.deepEqual(rules.map((r) => r.method), ['momentum', 'adam', 'armijo']);
    for (const { method, lines } of rules) {
      assert.ok(lines.length >= 2, `${method} has its lines`);
      lines.forEach((line, i) => {
        assert.ok(line.fits, `${method}: line ${i + 1} fits a phone`);
        if (i > 0) assert.ok(line.top >= lines[i - 1].bottom - 0.5, `${method}: line ${i + 1} clear of the one above`);
      });
    }

    // In "+ (x − 1)⁴" and "+ x²", each a piece of f, the 4 sits as high above its "+" as the 2 does
    // (Chromium without a maths font raised it to the top of the bracket's ink).
    const heights = await page.$$eval('#formula-f > math > mrow > msup', (powers) => powers.map((power) => ({
      base: power.firstElementChild.textContent,
      height: power.previousElementSibling.getBoundingClientRect().bottom - power.lastElementChild.getBoundingClientRect().bottom,
    })));
    const onBracket = heights.find((h) => h.base.startsWith('('));
    const onX = heights.find((h) => h.base === 'x');
    assert.ok(onBracket && onX, JSON.stringify(heights));
    assert.ok(Math.abs(onBracket.height - onX.height) < 1.5, `exponents level: ${JSON.stringify(heights)}`);

    const df = await page.$eval('#formula-df', (box) => {
      const tops = [...box.querySelectorAll(':scope > math')].map((math) => Math.round(math.getBoundingClientRect().top));
      return { pieces: tops.length, lines: new Set(tops).size };
    });
    assert.ok(df.pieces > 3 && df.lines > 1, `f′ wraps between its terms: ${JSON.stringify(df)}`);
  }, PHONE);
});
