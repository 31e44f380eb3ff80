// The page by keyboard and for a screen reader: one whole lesson with nothing but keys (type f, move x0
// with the slider, set η, run, step through, compare a method, download the CSV), with every focus stop
// visible; f's error only after a pause in typing, without moving the form; each field's error named by
// its field; the buttons named by what they run; each chart described in words that follow the answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, resultRows, sharedBrowser, waitForRun, withAnsweredPage } from './harness.mjs';

const SEED_001 = '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';
// explorer.js's ERROR_PAUSE_MS, less a little for timers firing early.
const ERROR_PAUSE_MS = 650;
const KEY_MS = 250;

const shared = sharedBrowser();

// The focused element (inside shadow roots too) and whether a reader can see it and see that it has focus.
function focusState(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return { name: 'nothing', visible: false, marked: false };
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent).trim().slice(0, 40)}"`;
    return {
      name,
      id: element.id,
      label: element.getAttribute('aria-label') ?? element.textContent.trim(),
      visible: element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box.width >= 4 && box.height >= 4,
      marked: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
}

// Presses a key and requires that focus lands somewhere visible, drawn as focused.
async function press(page, key) {
  await page.keyboard.press(key);
  const focus = await focusState(page);
  assert.ok(focus.visible, `after ${key}, focus is on something visible: ${focus.name}`);
  assert.ok(focus.marked, `after ${key}, the focused element shows its focus: ${focus.name}`);
  return focus;
}

// Tabs (or Shift+Tabs) until `reached(focus)`, checking every stop on the way.
async function tabTo(page, reached, key = 'Tab') {
  for (let i = 0; i < 120; i++) {
    const focus = await press(page, key);
    if (reached(focus)) return focus;
  }
  throw new Error(`${key} never reached the element`);
}

const byId = (id) => (focus) => focus.id === id;
const byLabel = (label) => (focus) => focus.label === label;

async function typeSlowly(page, text) {
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(KEY_MS);
  }
}

describe('keyboard and screen readers', () => {
  test('a whole lesson by keyboard, every focus stop visible', async () => {
    const opened = await openPage(shared.browser, shared.server.url + SEED_001, { width: 1280, height: 900 });
    const { page } = opened;
    try {
      await waitForRun(page);
      await page.evaluate(() => {
        // When f's error shows, and when each key reached the field.
        window.errorShown = [];
        window.typed = [];
        const error = document.querySelector('#f-error');
        new MutationObserver(() => { if (error.textContent) window.errorShown.push(performance.now()); })
          .observe(error, { childList: true, subtree: true, characterData: true });
        document.querySelector('#f').addEventListener('input', () => window.typed.push(performance.now()));
      });

      // f, typed at four keys a second: every prefix of (x-1)^2/ but two is wrong, and nothing says so
      // until the pause after the last key; then the message takes the hint's place, moving nothing.
      await tabTo(page, byId('f'));
      const before = { f: await page.locator('#f').boundingBox(), x0: await page.locator('#x0').boundingBox() };
      await press(page, 'Control+A');
      await typeSlowly(page, '(x-1)^2/');
      await page.locator('#f-error .error-message').waitFor();
      const { errorShown, typed } = await page.evaluate(() => ({ errorShown: window.errorShown, typed: window.typed }));
      assert.equal(typed.length, 8);
      assert.ok(errorShown[0] - typed.at(-1) >= ERROR_PAUSE_MS,
        `the error waited for the pause: shown ${Math.round(errorShown[0] - typed.at(-1))} ms after the last key`);
      assert.match(await page.textContent('#f-error'), /missing after '\/'/);
      assert.equal(await page.getAttribute('#f', 'aria-invalid'), 'true');
      assert.match(await page.getAttribute('#f', 'aria-describedby'), /\bf-error\b/);
      assert.deepEqual({ f: await page.locator('#f').boundingBox(), x0: await page.locator('#x0').boundingBox() }, before,
        'the error moved neither f nor the fields under it');
      await page.keyboard.type('2');
      await page.locator('#f-error .error-message').waitFor({ state: 'detached' });
      assert.deepEqual(await page.locator('#x0').boundingBox(), before.x0, 'nor did it going away');
      await page.waitForFunction(() => document.querySelector('#status').textContent.includes('runs in'));

      // x0 by its slider: a screen reader hears x0 as typed, and an arrow key moves it by a round step.
      await tabTo(page, byId('x0-slider'));
      const slider = page.locator('#x0-slider');
      assert.equal(await slider.getAttribute('aria-valuetext'), 'x0 = \u22122.5');
      const step = Number(await slider.getAttribute('step'));
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      assert.ok([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), `the slider's step is round: ${step}`);
      await press(page, 'ArrowRight');
      const moved = await page.inputValue('#x0');
      assert.ok(Math.abs(Number(moved) - (-2.5 + step)) < step / 2 && moved.length <= 6, `x0 moved by one round step: ${moved}`);
      assert.equal(await slider.getAttribute('aria-valuetext'), `x0 = ${moved.replace('-', '\u2212')}`);

      // η, then Enter runs: 2.5 is past η_max = 2/f″ = 2, and each step takes it further out.
      await tabTo(page, byId('eta'));
      await press(page, 'Control+A');
      await page.keyboard.type('0.5, 1.5, 2.5');
      await press(page, 'Enter');
      await page.waitForFunction(() => document.querySelector('#status').textContent.includes('η = 2.5'));
      assert.match(await page.textContent('#path-summary'), new RegExp(`^From x₀ = ${moved.replace('-', '−')}: `
        + 'η = 0\\.5 settles at x = 1 by step \\d+; η = 1\\.5 settles at x = 1 by step \\d+; '
        + 'η = 2\\.5 ends at x = [−\\d.e+]+ after 40 steps, still moving\\.$'));
      // The loss chart follows a moment later (explorer.js draws it at most every LOSS_EVERY_MS).
      await page.waitForFunction(() => document.querySelector('#loss-summary').textContent.includes('η = 2.5'));
      assert.match(await page.textContent('#loss-summary'),
        /^η = 0\.5: f falls from [\d.]+ to [\d.e−]+ by step \d+; .*; η = 2\.5: f climbs from [\d.]+ to [\d.e+]+ over 40 steps, still changing\.$/);

      // Step through the first path with its buttons; stepping back to k = 0 keeps the focus.
      await tabTo(page, byLabel('Step forward'));
      await press(page, 'Enter');
      await press(page, 'Space');
      await page.waitForFunction(() => document.querySelector('.step-readout').dataset.k === '2');
      await tabTo(page, byLabel('Step back'), 'Shift+Tab');
      await press(page, 'Enter');
      const focus = await press(page, 'Enter');
      assert.equal(focus.label, 'Step back', 'the button keeps the focus at k = 0');
      assert.equal(await page.locator('.step-readout').getAttribute('data-k'), '0');

      // Compare with momentum: its box, by Space.
      await tabTo(page, byId('compare-momentum'), 'Shift+Tab');
      await press(page, 'Space');
      await page.waitForFunction(() => document.querySelectorAll('#results-body tr').length === 6);
      assert.match(await page.textContent('#path-summary'), /momentum, η = 0\.5/);

      // Download the CSV.
      await tabTo(page, byId('download-csv'));
      const download = page.waitForEvent('download');
      await press(page, 'Enter');
      assert.match((await download).suggestedFilename(), /\.csv$/);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('the run buttons say what they run; every field error is named by its field', async () => {
    // starts is no number (the page says so), sweepn is above the engine's cap (the engine does), x0 is typed wrong.
    await withAnsweredPage(shared, `${SEED_001}&starts=many&sweepmin=0.01&sweepn=100000`, async (page) => {
      assert.equal(await page.locator('#experiment button[type=submit]').getAttribute('tabindex'), '-1');
      for (const name of ['Run the experiment', 'Run many starts', 'Run the sweep']) {
        await page.getByRole('button', { name, exact: true }).waitFor({ state: 'attached' });
      }
      await page.fill('#x0', 'abc');
      await page.waitForFunction(() => document.querySelectorAll('[aria-invalid=true]').length === 3);
      // Every field that says it is wrong names a message, and every message shown is named by its field.
      const { invalid, orphans } = await page.evaluate(() => {
        const text = (id) => document.getElementById(id)?.textContent.trim() ?? '';
        const fields = [...document.querySelectorAll('input, select')];
        return {
          invalid: fields.filter((field) => field.getAttribute('aria-invalid') === 'true').map((field) => [field.id,
            (field.getAttribute('aria-describedby') ?? '').split(/\s+/).map(text).find((message) => message) ?? '']),
          orphans: [...document.querySelectorAll('.error')].filter((error) => error.textContent.trim()
            && !fields.some((field) => (field.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(error.id)
              || field.closest('fieldset')?.getAttribute('aria-describedby') === error.id)).map((error) => error.id),
        };
      });
      assert.deepEqual(invalid.map(([id]) => id).sort(), ['view-starts', 'view-sweepn', 'x0']);
      for (const [id, message] of invalid) assert.ok(message, `${id} describes what is wrong`);
      assert.deepEqual(orphans, []);
      // Every typed field has a place for its error, generated hyperparameter and training fields too.
      const withoutSlot = await page.$$eval('#experiment input:not([type=checkbox]):not([type=range]), .analysis input, .analysis select',
        (fields) => fields.filter((field) => !(field.getAttribute('aria-describedby') ?? '').split(/\s+/)
          .some((id) => document.getElementById(id)?.classList.contains('error'))).map((field) => field.id));
      assert.deepEqual(withoutSlot, []);
    });
  });

  test('the histograms and the sweep diagrams are described in words that follow the answer', async () => {
    const query = '?f=x%5E4-3x%5E2%2B2&x0=-1.2&eta=0.01,0.1,0.5&steps=40&method=gd&starts=20&sweepn=60&sweepmin=0.01&sweepmax=0.6&sweepscale=linear';
    await withAnsweredPage(shared, query, async (page) => {
      await page.waitForSelector('#multistart-body .histogram');
      const captions = await page.$$eval('#multistart-body .histogram figcaption', (all) => all.map((c) => c.textContent));
      assert.equal(captions.length, 3);
      assert.match(captions[1], /η = 0\.1: of 20 starts, \d+ end at min x = −1\.225, 0 end at max x = 0, \d+ end at min x = 1\.225/);
      const canvas = page.locator('#sweep-chart-gd');
      await page.waitForFunction(() => document.querySelector('#sweep-chart-gd')?.dataset.points);
      const summary = await page.textContent(`#${await canvas.getAttribute('aria-describedby')}`);
      assert.equal(summary, 'Gradient descent: one point for η from 0.01 to 0.16; two points for η from 0.17 to 0.2; '
        + 'a cycle of a few points at η = 0.21; many points (chaos, or not settled yet) for η from 0.22 to 0.33; '
        + 'diverges for η from 0.34 to 0.6.');
    });
  });
});
