// The page in a classroom: Back and Forward through the experiments run, Copy link, Reset, the presets
// from a phone, Present for a projector, and a printed handout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, resultRows, sharedBrowser, waitForRun, withAnsweredPage } from './harness.mjs';
import { DEFAULT_STATE, queryFromState } from '../../web/src/state/state.js';

const shared = sharedBrowser();
const DEFAULT_QUERY = queryFromState(DEFAULT_STATE);
const BOWL = '(x-2)^2';

// Waits until the form and the table show the experiment whose f and x0 are given.
async function waitForExperiment(page, f, x0) {
  await page.waitForFunction(([fText, x0Text]) => document.querySelector('#f').value === fText
    && document.querySelector('#x0').value === x0Text, [f, x0]);
  await waitForRun(page);
}

const search = (page) => new URL(page.url()).search;

describe('the page in a classroom', () => {
  test('Back and Forward move through the experiments run: a preset, an edit and Reset', async () => {
    await withAnsweredPage(shared, '', async (page) => {
      const entriesBefore = await page.evaluate(() => history.length);
      await page.locator('#presets .preset', { hasText: 'A simple bowl' }).click();
      await page.waitForFunction(() => location.search.includes('x0=-1'));
      await waitForRun(page);
      const presetSearch = search(page);
      // An edit typed key by key is one entry, made when its runs arrive.
      await page.locator('#x0').click();
      await page.keyboard.press('End');
      await page.keyboard.type('.5', { delay: 30 });
      await page.waitForFunction(() => location.search.includes('x0=-1.5'));
      await waitForRun(page);
      const editSearch = search(page);
      await page.click('#reset');
      await page.waitForFunction((query) => location.search === query, DEFAULT_QUERY);
      await waitForRun(page);
      assert.equal(await page.inputValue('#f'), DEFAULT_STATE.f);

      await page.goBack();
      await waitForExperiment(page, BOWL, '-1.5');
      assert.equal(search(page), editSearch);
      assert.ok(Math.abs(Number((await resultRows(page))[0].x) - 2) < 0.1, 'the edited run is drawn again');
      await page.goBack();
      await waitForExperiment(page, BOWL, '-1');
      assert.equal(search(page), presetSearch);
      assert.equal(await page.getAttribute('#presets .preset[aria-current="true"] .preset-title', 'class'), 'preset-title');
      await page.goBack();
      await waitForExperiment(page, DEFAULT_STATE.f, DEFAULT_STATE.x0);
      assert.equal(search(page), '', 'the page as first opened');
      assert.equal((await resultRows(page)).length, 3);

      await page.goForward();
      await waitForExperiment(page, BOWL, '-1');
      await page.goForward();
      await waitForExperiment(page, BOWL, '-1.5');
      assert.equal(search(page), editSearch);
      assert.equal(await page.evaluate(() => history.length), entriesBefore + 3, 'one entry per experiment, none per keystroke');
    });
  });

  test('Copy link gives the URL of what is shown, by the clipboard or by hand', async () => {
    let copied = '';
    await withAnsweredPage(shared, '?f=x%5E2&x0=3&eta=0.1&steps=10&method=gd', async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.fill('#eta', '0.3');
      await page.waitForFunction(() => location.search.includes('eta=0.3'));
      await page.click('#copy-link');
      await page.waitForFunction(() => document.querySelector('#link-note').textContent.startsWith('Copied'));
      copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, page.url());
      assert.ok(await page.locator('#link-box').isHidden());

      await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
      await page.click('#copy-link');
      await page.locator('#link-box').waitFor();
      assert.equal(await page.inputValue('#link-text'), copied);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'link-text', 'the link is ready to copy');
    });
    const opened = await openPage(shared.browser, copied);
    try {
      await waitForRun(opened.page);
      assert.equal(await opened.page.inputValue('#eta'), '0.3', 'the link opens the experiment that was shown');
      assert.equal(await opened.page.inputValue('#f'), 'x^2');
    } finally {
      await opened.close();
    }
  });

  test('on a phone, Try these leads to the presets, and a preset brings its chart into view with focus', async () => {
    await withAnsweredPage(shared, '', async (page) => {
      const top = await page.locator('#jump-presets').boundingBox();
      assert.ok(top.y + top.height < 844, 'the way to the presets is on the first screen');
      await page.click('#jump-presets');
      await page.waitForFunction(() => document.activeElement?.id === 'presets-title');
      await page.waitForFunction(() => {
        const { top } = document.querySelector('#presets-title').getBoundingClientRect();
        return top >= 0 && top < innerHeight / 3;
      });
      assert.equal(new URL(page.url()).hash, '', 'no fragment, so no extra history entry');

      await page.locator('#presets .preset', { hasText: 'A tilted double well' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'path-title');
      await page.waitForFunction(() => {
        const card = document.querySelector('#path-title').closest('section').getBoundingClientRect();
        return card.top >= 0 && card.top < innerHeight / 3;
      });
      await waitForRun(page);
      await page.waitForFunction(() => location.search.includes('eta=0.1,%200.4'));
    }, { width: 390, height: 844 });
  });

  test('Present: from ?present=1 and from its button, → and ← step, space plays, Esc leaves', async () => {
    await withAnsweredPage(shared, '?present=1', async (page) => {
      const presenting = () => page.evaluate(() => document.documentElement.classList.contains('presenting'));
      assert.ok(await presenting());
      assert.ok(await page.locator('#experiment').isHidden(), 'the form gives way to the charts');
      assert.ok(await page.locator('#presets-title').isHidden());
      assert.equal(await page.locator('#link-problems').isHidden(), true, 'present is no unknown setting');
      const chart = await page.locator('#path-chart').boundingBox();
      assert.ok(chart.height > 800 * 0.45, `the path chart fills the screen (${chart.height}px)`);
      await page.locator('.step-readout[data-k="0"]').waitFor();
      const legendSize = () => page.evaluate(() => document.querySelector('#path-chart').chart.options.plugins.legend.labels.font.size);
      assert.ok(await legendSize() >= 16, 'the chart\'s own type is large');

      const k = () => page.getAttribute('.step-readout', 'data-k');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await k(), '2');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await k(), '1');
      await page.keyboard.press(' ');
      await page.locator('[data-step="play"][aria-label="Pause"]').waitFor();
      await page.keyboard.press(' ');
      await page.locator('[data-step="play"][aria-label="Play"]').waitFor();

      await page.keyboard.press('Escape');
      assert.equal(await presenting(), false);
      assert.ok(await page.locator('#experiment').isVisible());
      assert.ok(!search(page).includes('present'), 'the links written leave presenting out');
      assert.equal(await legendSize(), 12, 'and back to the page\'s');

      await page.click('#present');
      assert.ok(await presenting());
      const before = Number(await k());
      await page.keyboard.press('ArrowRight');
      assert.equal(Number(await k()), before + 1);
      await page.keyboard.press('Escape');
      assert.equal(await presenting(), false);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'present');
    });
  });

  test('printed, the page is a handout: formulas, charts, table, rules and the link; no buttons or presets', async () => {
    await withAnsweredPage(shared, '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1&steps=40&method=gd,momentum', async (page) => {
      await page.locator('.step-readout').waitFor();
      await page.emulateMedia({ media: 'print' });
      const visible = (selector) => page.$$eval(selector, (elements) => elements.filter((e) => e.getClientRects().length > 0
        && getComputedStyle(e).visibility !== 'hidden').length);
      assert.equal(await visible('button'), 0, 'no buttons');
      assert.equal(await visible('.presets-panel, input[type="range"], input[type="checkbox"], details'), 0);
      assert.equal(await visible('.analysis'), 0, 'no empty panels: many starts and the sweep have not run');
      assert.equal(await visible('#path-chart, #loss-chart, #step-size-chart'), 3, 'the charts');
      for (const id of ['path-chart', 'loss-chart']) {
        const box = await page.locator(`#${id}`).boundingBox();
        assert.ok(box.width > 300 && box.height > 100, `${id} is drawn at a size (${box.width}×${box.height})`);
      }
      for (const name of ['f', 'df', 'd2f']) assert.equal(await visible(`#formula-${name}`), 1, `the formula of ${name}`);
      assert.equal(await visible('.formula-math math'), await page.locator('.formula-math math').count(), 'f, f′ and f″ as MathML');
      const legendColour = () => page.evaluate(() => document.querySelector('#loss-chart').chart.options.plugins.legend.labels.color);
      assert.equal(await legendColour(), '#000', 'the charts are redrawn in the print colours');
      assert.equal(await visible('#results-body tr'), 4, 'the table');
      assert.equal(await visible('.method-rule'), 2, 'the update rule of each method');
      assert.ok(await visible('.method-rule math') >= 2, 'as MathML');
      assert.equal(await page.textContent('#page-link'), page.url());
      assert.equal(await visible('#page-link'), 1, 'the link as text');
      const border = await page.$eval('#x0', (input) => getComputedStyle(input).borderTopStyle);
      assert.equal(border, 'none', 'fields print as their values');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await visible('#page-link'), 0, 'on screen the link is the address bar');
    });
  });
});
