// axe-core's default rules find nothing on the page and the embed demo: at desktop and phone width, light
// and dark, with an error showing, with formulas too long for a phone (whose boxes then scroll and must
// be reachable from the keyboard) and while presenting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, sharedBrowser, waitForRun } from './harness.mjs';

const shared = sharedBrowser();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// A product of seven factors: each term of f′ and f″ is wider than a phone, so their boxes scroll.
const LONG = encodeURIComponent('x*sin(x)*cos(x)*exp(x)*tanh(x)*sigmoid(x)*atan(x)');

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}

// Opens `url`, waits for `ready` in the page, runs `check(page)` if given, and requires no violations.
async function expectNoViolations({ url, viewport, scheme = 'light', ready, check }) {
  const opened = await openPage(shared.browser, shared.server.url + url, viewport, scheme);
  try {
    await ready(opened.page);
    await check?.(opened.page);
    const { violations } = await new AxeBuilder({ page: opened.page }).analyze();
    assert.equal(violations.length, 0, describeViolations(violations));
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}

const answered = (page) => waitForRun(page);

describe('accessibility (axe-core, default rules)', () => {
  test('the page at desktop width, light', () => expectNoViolations({ url: '', viewport: DESKTOP, ready: answered }));

  test('the page at desktop width, dark', () => expectNoViolations({
    url: '', viewport: DESKTOP, scheme: 'dark', ready: answered,
  }));

  test('the page on a phone, light', () => expectNoViolations({ url: '', viewport: PHONE, ready: answered }));

  test('the page on a phone, dark, comparing methods', () => expectNoViolations({
    url: '?method=gd,momentum,adam,armijo&eta=0.1', viewport: PHONE, scheme: 'dark', ready: answered,
  }));

  test('the page with an error in f', () => expectNoViolations({
    url: '?f=x%5E%5E2', viewport: DESKTOP,
    ready: (page) => page.waitForFunction(() => document.querySelector('#f-error')?.textContent.trim() !== ''),
  }));

  test('long formulas on a phone scroll in boxes a keyboard can reach', () => expectNoViolations({
    url: `?f=${LONG}&x0=1&eta=0.01&steps=20&method=gd`, viewport: PHONE, ready: answered,
    async check(page) {
      const boxes = await page.$$eval('.formulas .scrolls', (all) => all.map((box) => ({
        scrolls: box.scrollWidth > box.clientWidth, tabIndex: box.tabIndex, label: box.getAttribute('aria-label'),
      })));
      assert.ok(boxes.length > 0, 'a formula box scrolls');
      for (const box of boxes) {
        assert.ok(box.scrolls);
        assert.equal(box.tabIndex, 0);
        assert.match(box.label, /^f.*\(x\) \(scrolls sideways\)$/);
      }
      const fitting = await page.$eval('#formula-f', (box) => box.scrollWidth <= box.clientWidth && !box.hasAttribute('tabindex'));
      assert.ok(fitting, 'a box that fits is no tab stop');
    },
  }));

  test('presenting', () => expectNoViolations({
    url: '?present=1', viewport: DESKTOP,
    ready: async (page) => {
      await answered(page);
      await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
    },
  }));

  test('the embed demo on a phone, dark', () => expectNoViolations({
    url: 'embed-demo.html', viewport: PHONE, scheme: 'dark',
    // Explorers load as they come near the viewport: each is scrolled to, then all must have answered.
    async ready(page) {
      for (const explorer of await page.locator('descent-explorer').all()) await explorer.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.querySelectorAll('descent-explorer')]
        .every((element) => element.shadowRoot?.querySelectorAll('#results-body tr').length > 0));
    },
  }));
});
