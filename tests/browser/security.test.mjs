// Links and typed text are data only: hostile URL parameters never run script, never become markup,
// and always get a message. Every page here runs under the page's own Content-Security-Policy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sharedBrowser } from './harness.mjs';

const shared = sharedBrowser();

// [what, query]: each tries to run window.__owned = 1 or to inject an element.
const hostileLinks = [
  ['markup in f', `?f=${encodeURIComponent('<img src=x onerror=window.__owned=1>')}&x0=1&eta=0.1&steps=5`],
  ['script in f', `?f=${encodeURIComponent('</script><script>window.__owned=1</script>')}&x0=1&eta=0.1&steps=5`],
  ['javascript: in eta', `?f=x%5E2&x0=1&eta=${encodeURIComponent('javascript:window.__owned=1')}&steps=5`],
  ['javascript: in x0', `?f=x%5E2&x0=${encodeURIComponent('javascript:window.__owned=1')}&eta=0.1&steps=5`],
  ['markup in method', `?f=x%5E2&x0=1&eta=0.1&steps=5&method=${encodeURIComponent('<svg onload=window.__owned=1>')}`],
  ['markup in an unknown setting', `?f=x%5E2&${encodeURIComponent('<b onmouseover=window.__owned=1>')}=1`],
];

describe('hostile links', () => {
  for (const [what, query] of hostileLinks) {
    test(`${what}: an error is shown and nothing runs`, async () => {
      const opened = await openPage(shared.browser, shared.server.url + query);
      try {
        const { page } = opened;
        await page.locator('.error:not(:empty), #link-problems:visible').first().waitFor();
        await page.waitForTimeout(200);
        assert.equal(await page.evaluate(() => window.__owned), undefined, 'no script ran');
        assert.equal(await page.locator('img, svg[onload], b[onmouseover], script:not([src])').count(), 0);
        assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
      } finally {
        await opened.close();
      }
    });
  }

  test('embed attributes are data too: markup and javascript: in them run nothing and show errors', async () => {
    const html = `<!doctype html><script src="/descent-explorer.js"></script>
      <descent-explorer f="<img src=x onerror=window.__owned=1>" x0="1" eta="javascript:window.__owned=1" steps="5"></descent-explorer>`;
    const opened = await openPage(shared.browser, 'about:blank');
    try {
      const { page } = opened;
      await page.route('**/hostile-embed.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto(`${shared.server.url}hostile-embed.html`);
      // Both f and eta get their error; they may be drawn one after the other.
      const errors = page.locator('descent-explorer .error:not(:empty)');
      await errors.nth(1).waitFor();
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__owned), undefined, 'no script ran');
      assert.equal(await page.locator('descent-explorer img').count(), 0);
      assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
    } finally {
      await opened.close();
    }
  });

  test('the page ships a policy with no inline script and no eval', async () => {
    const opened = await openPage(shared.browser, shared.server.url);
    try {
      const policy = await opened.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
      assert.equal(await opened.page.locator('script:not([src])').count(), 0);
    } finally {
      await opened.close();
    }
  });
});
