// <descent-explorer> in someone else's post: the snippet pasted from file:// and over http, the post's theme
// (a light blog with the system dark, a dark blog, a blog that switches), parts and custom properties,
// panels, narrow columns, layout shift while the script arrives late, events and properties, loading near
// the viewport, the iframe page fitting its parent, and axe-core on each of these pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, openPage, SCREENSHOTS, sharedBrowser } from './harness.mjs';
import { embedSnippet, frameUrl } from '../../web/src/state/embed-snippet.js';
import { DEFAULT_STATE } from '../../web/src/state/state.js';

const shared = sharedBrowser();

// A blog post around some explorers: its own colours, font and column width; `scheme` its color-scheme.
function post({ body, scheme = null, background = '#ffffff', color = '#22252a', width = 680, extraCss = '', bodyClass = '', script = true }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post with an explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>${scheme ? `:root { color-scheme: ${scheme}; }` : ''}
body { margin: 0; background: ${background}; color: ${color}; font: 18px/1.6 Georgia, serif; }
body.dark { background: #15171a; color: #e4e6ea; }
main { max-width: ${width}px; margin: 0 auto; padding: 24px 0; }
${extraCss}</style>
${script ? '<script src="/descent-explorer.js" defer></script>' : ''}</head>
<body class="${bodyClass}"><main><h1>A post</h1><p>Some text before the figure.</p>${body}<p>Some text after it.</p></main></body></html>`;
}

const SEED = 'f="x^4-3x^2+2" x0="-2.5" eta="0.01, 0.1, 0.5" steps="40" method="gd"';

// Opens HTML as a page of the test server (same origin as the script) and waits for `count` answers.
async function withPost(html, body, { viewport = { width: 1000, height: 900 }, scheme = 'light', count = 1, before } = {}) {
  const opened = await openPage(shared.browser, 'about:blank', viewport, scheme, before);
  try {
    await opened.page.route('**/post.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await opened.page.goto(`${shared.server.url}post.html`);
    if (count) await answered(opened.page, count);
    await body(opened.page);
    assert.deepEqual(opened.problems, [], 'no console errors or CSP violations');
  } finally {
    await opened.close();
  }
}

// Every explorer in the page (scrolling each into view, as they load near the viewport) shows an answer.
async function answered(page, count) {
  for (let i = 0; i < count; i++) {
    await page.locator('descent-explorer').nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction((index) => {
      const root = document.querySelectorAll('descent-explorer')[index]?.shadowRoot;
      return root && root.querySelector('#output').getAttribute('aria-busy') === 'false'
        && root.querySelectorAll('#results-body tr').length > 0;
    }, i);
  }
}

// WCAG relative luminance and contrast of CSS colours as getComputedStyle gives them ('rgb(…)' or 'rgba(…)').
const channels = (color) => color.match(/[\d.]+/g).map(Number);
function luminance(color) {
  return channels(color).slice(0, 3).map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, k) => sum + c * [0.2126, 0.7152, 0.0722][k], 0);
}
function contrast(one, other) {
  const [a, b] = [luminance(one), luminance(other)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

// WCAG contrast of the explorer's status line (or another piece) against what is behind the element.
async function contrastOf(page, selector, index = 0) {
  const { text, behind } = await page.evaluate(({ selector: chosen, index: i }) => {
    const host = document.querySelectorAll('descent-explorer')[i];
    let background = null;
    for (let node = host; node && !background; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if ((Number(color.match(/[\d.]+/g)[3] ?? 1)) > 0.5) background = color;
    }
    return { text: getComputedStyle(host.shadowRoot.querySelector(chosen)).color, behind: background };
  }, { selector, index });
  return contrast(text, behind);
}

const isDark = (page, index = 0) => page.evaluate((i) => document.querySelectorAll('descent-explorer')[i].matches(':state(dark)'), index);

async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}

async function expectNoViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.equal(violations.length, 0, describeViolations(violations));
}

describe('descent-explorer in a post', () => {
  test('the snippet copied from an explorer works pasted into a page from file:// and over http', async () => {
    const demo = pathToFileURL(path.join(DIST, 'embed-demo.html')).href;
    const opened = await openPage(shared.browser, demo, { width: 1000, height: 900 });
    let snippet;
    let expected;
    try {
      await answered(opened.page, 3);
      const full = opened.page.locator('descent-explorer').nth(2);
      expected = await full.evaluate((element) => element.result.runs.map((run) => run.x));
      await full.locator('#embed').focus();
      await opened.page.keyboard.press('Enter');
      await full.locator('#embed-box').waitFor({ state: 'visible' });
      snippet = await full.locator('#embed-code').inputValue();
      const frame = await full.locator('#embed-frame-code').inputValue();
      assert.match(snippet, /^<script src="file:\/\/\/[^"]*\/descent-explorer\.js" defer><\/script>\n<descent-explorer /, 'a classic script');
      assert.match(snippet, / controls="full"/);
      assert.match(snippet, /style="display:block;min-height:\d+px"/, 'the height is reserved');
      assert.match(frame, /<iframe class="descent" src="file:\/\/\/[^"]*\/embed\.html\?f=x%5E4/);
      // A compact explorer's snippet says compact, with the panels it shows.
      const compact = opened.page.locator('descent-explorer').nth(1);
      await compact.evaluate((element) => element.setAttribute('panels', 'path,table,actions'));
      await compact.locator('#embed').focus();
      await opened.page.keyboard.press('Enter');
      await compact.locator('#embed-box').waitFor({ state: 'visible' });
      const compactSnippet = await compact.locator('#embed-code').inputValue();
      assert.match(compactSnippet, / controls="compact" panels="path,table,actions"/);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
    // Pasted into a file of its own, opened from the file system: the explorer runs.
    const folder = await mkdtemp(path.join(tmpdir(), 'descent-post-'));
    const file = path.join(folder, 'post.html');
    await writeFile(file, `<!doctype html><html lang="en"><title>pasted</title><link rel="icon" href="data:,"><body>${snippet}</body></html>`);
    const pasted = await openPage(shared.browser, pathToFileURL(file).href, { width: 800, height: 900 });
    try {
      await answered(pasted.page, 1);
      const finals = await pasted.page.evaluate(() => document.querySelector('descent-explorer').result.runs.map((run) => run.x));
      assert.deepEqual(finals, expected);
      assert.deepEqual(pasted.problems, []);
    } finally {
      await pasted.close();
    }
    // Over http, with the script's address made the server's.
    const overHttp = snippet.replace(/src="[^"]*descent-explorer\.js"/, 'src="/descent-explorer.js"');
    await withPost(post({ body: overHttp }), async (page) => {
      const finals = await page.evaluate(() => document.querySelector('descent-explorer').result.runs.map((run) => run.x));
      assert.deepEqual(finals, expected);
    });
  });

  test('theme="auto" follows a light blog when the system is dark, and a dark blog', async () => {
    await withPost(post({ body: `<descent-explorer ${SEED} controls="compact"></descent-explorer>` }), async (page) => {
      assert.equal(await isDark(page), false, 'light on a light blog');
      const status = await contrastOf(page, '#status');
      assert.ok(status >= 4.5, `the status line has ${status.toFixed(2)}:1 on the blog`);
      await screenshot(page, 'embed-light-blog-os-dark.png');
      await expectNoViolations(page);
    }, { scheme: 'dark' });
    await withPost(post({ body: `<descent-explorer ${SEED} controls="compact"></descent-explorer>`, scheme: 'dark', background: '#111418', color: '#e4e6ea' }), async (page) => {
      assert.equal(await isDark(page), true, 'dark on a dark blog');
      const status = await contrastOf(page, '#status');
      assert.ok(status >= 4.5, `the status line has ${status.toFixed(2)}:1 on the blog`);
      await screenshot(page, 'embed-dark-blog.png');
      await expectNoViolations(page);
    }, { scheme: 'light' });
  });

  // Browsers without custom states: Safari before 17.4 and Firefox before 126 have no ElementInternals.states;
  // Chrome before 125 took only '--name' states.
  const withoutStates = {
    'no states at all': () => { delete ElementInternals.prototype.states; },
    'only --name states': () => {
      const add = CustomStateSet.prototype.add;
      CustomStateSet.prototype.add = function (name) {
        if (!String(name).startsWith('--')) throw new DOMException(`'${name}' is not a valid custom state name`, 'SyntaxError');
        return add.call(this, name);
      };
    },
  };
  for (const [browser, before] of Object.entries(withoutStates)) {
    test(`without custom states (${browser}) the explorer runs, light on its own background, on a dark blog`, async () => {
      const dark = post({ body: `<descent-explorer ${SEED} controls="compact"></descent-explorer>`, scheme: 'dark', background: '#111418', color: '#e4e6ea' });
      await withPost(dark, async (page) => {
        const colors = await page.evaluate(() => {
          const layout = document.querySelector('descent-explorer').shadowRoot.querySelector('.layout');
          return { own: layout.classList.contains('own-background'), background: getComputedStyle(layout).backgroundColor,
            status: getComputedStyle(layout.querySelector('#status')).color };
        });
        const looks = { own: colors.own, opaque: (channels(colors.background)[3] ?? 1) === 1, light: luminance(colors.background) > 0.5,
          contrast: contrast(colors.status, colors.background) };
        assert.deepEqual({ ...looks, contrast: looks.contrast >= 4.5 }, { own: true, opaque: true, light: true, contrast: true }, JSON.stringify(looks));
        await screenshot(page, `embed-without-states-${browser.split(' ')[0]}.png`);
        await expectNoViolations(page);
      }, { before });
    });
  }

  test('with a theme chosen against the page, the link shown while the explorer settles reads on the element\'s background', async () => {
    const body = `<descent-explorer ${SEED} controls="none" theme="light"><a href="/embed.html">Gradient descent: open the interactive explorer</a></descent-explorer>`;
    const dark = post({ body, scheme: 'dark', background: '#111418', color: '#e4e6ea', extraCss: 'a { color: #9ecbff; }' });
    await withPost(dark, async (page) => {
      const colors = await page.evaluate(() => {
        const host = document.querySelector('descent-explorer');
        host.shadowRoot.querySelector('.layout').classList.add('settling');
        return { link: getComputedStyle(host.querySelector('a')).color, background: getComputedStyle(host).backgroundColor };
      });
      const linkContrast = contrast(colors.link, colors.background);
      assert.ok(linkContrast >= 4.5, `the link has ${linkContrast.toFixed(2)}:1 on the element's light background`);
    });
  });

  test('in a browser older than the element needs (no :has(), as Firefox before 121) the snippet\'s link stays', async () => {
    const state = { ...DEFAULT_STATE, f: 'x^2', x0: '1', eta: '0.1', steps: '10' };
    const element = embedSnippet(state, '/descent-explorer.js', { controls: 'none', height: 600 }).split('\n')[1];
    const opened = await openPage(shared.browser, 'about:blank', { width: 1000, height: 900 }, 'light', () => {
      for (const type of [Element, DocumentFragment]) {
        for (const name of ['querySelector', 'querySelectorAll']) {
          const original = type.prototype[name];
          type.prototype[name] = function (selector) {
            if (String(selector).includes(':has(')) throw new DOMException(`'${selector}' is not a valid selector`, 'SyntaxError');
            return original.call(this, selector);
          };
        }
      }
    });
    try {
      const { page } = opened;
      await page.route('**/post.html', (route) => route.fulfill({ contentType: 'text/html', body: post({ body: element }) }));
      await page.goto(`${shared.server.url}post.html`);
      await page.waitForFunction(() => document.querySelector('descent-explorer').shadowRoot);
      await page.waitForTimeout(300);
      assert.ok(await page.locator('descent-explorer a').isVisible(), 'the link, shown through the shadow root');
      assert.ok(opened.problems.some((problem) => /valid selector/.test(problem)), JSON.stringify(opened.problems));
    } finally {
      await opened.close();
    }
  });

  test('theme="auto" on a page that declares nothing and paints nothing is light; on a dark oklch() page, dark', async () => {
    const body = `<descent-explorer ${SEED} controls="none"></descent-explorer>`;
    await withPost(post({ body, background: 'transparent' }), async (page) => {
      assert.equal(await isDark(page), false, 'the system is dark, the page is not');
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('descent-explorer')).colorScheme), 'light');
    }, { scheme: 'dark' });
    await withPost(post({ body, background: 'oklch(0.2 0.01 250)', color: '#e4e6ea' }), async (page) => {
      assert.equal(await isDark(page), true, 'a dark background in oklch()');
      assert.ok(await contrastOf(page, '.results td') >= 4.5);
    });
  });

  test('a blog that switches to dark by a class takes the explorer with it; a chosen theme stays', async () => {
    const body = `<descent-explorer ${SEED} controls="none"></descent-explorer><descent-explorer ${SEED} controls="none" theme="dark"></descent-explorer>`;
    await withPost(post({ body }), async (page) => {
      assert.deepEqual([await isDark(page, 0), await isDark(page, 1)], [false, true]);
      // theme="dark" on a light page brings its own background, so its text keeps its contrast.
      assert.ok(await contrastOf(page, '.results td', 1) >= 4.5);
      await page.evaluate(() => document.body.classList.add('dark'));
      await page.waitForFunction(() => document.querySelector('descent-explorer').matches(':state(dark)'));
      assert.ok(await contrastOf(page, '.results td', 0) >= 4.5);
      await page.evaluate(() => document.body.classList.remove('dark'));
      await page.waitForFunction(() => !document.querySelector('descent-explorer').matches(':state(dark)'));
      assert.equal(await isDark(page, 1), true, 'theme="dark" does not follow the page');

      // A site that switches by adding a stylesheet, which arrives a moment later, and fades its background.
      await page.route('**/dark-theme.css', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.fulfill({ contentType: 'text/css', body: 'body { background: #101214; color: #e4e6ea; }' });
      });
      await page.evaluate(() => document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/dark-theme.css' })));
      await page.waitForFunction(() => document.querySelector('descent-explorer').matches(':state(dark)'));
      await page.evaluate(() => {
        document.querySelector('link[href="/dark-theme.css"]').remove();
        document.body.style.transition = 'background-color 0.2s';
      });
      await page.waitForFunction(() => !document.querySelector('descent-explorer').matches(':state(dark)'));
      await page.evaluate(() => { document.body.style.backgroundColor = '#101214'; });
      await page.waitForFunction(() => document.querySelector('descent-explorer').matches(':state(dark)'));
    }, { count: 2 });
  });

  test('parts and custom properties restyle it; it takes the page\'s font', async () => {
    const extraCss = `
      descent-explorer::part(path) { border: 3px solid rgb(200, 0, 0); }
      descent-explorer::part(table) { background: rgb(250, 240, 200); }
      .styled { --descent-accent: rgb(0, 120, 0); --descent-font: "DejaVu Sans Mono", monospace; --descent-radius: 0px; }`;
    const body = `<descent-explorer ${SEED} controls="full"></descent-explorer><div class="styled"><descent-explorer ${SEED} controls="full"></descent-explorer></div>`;
    await withPost(post({ body, extraCss }), async (page) => {
      const looks = await page.evaluate(() => [...document.querySelectorAll('descent-explorer')].map((host) => {
        const root = host.shadowRoot;
        const style = (selector) => getComputedStyle(root.querySelector(selector));
        return {
          pathBorder: style('.chart-card:has(#path-chart)').borderTopColor,
          tableBackground: style('section:has(> .table-scroll)').backgroundColor,
          accent: style('#embed').getPropertyValue('--accent').trim(),
          font: style('#status').fontFamily,
          radius: style('.chart-card:has(#path-chart)').borderTopLeftRadius,
          parts: [...root.querySelectorAll('[part]')].map((element) => element.getAttribute('part')).sort(),
        };
      }));
      assert.equal(looks[0].pathBorder, 'rgb(200, 0, 0)');
      assert.equal(looks[0].tableBackground, 'rgb(250, 240, 200)');
      assert.match(looks[0].font, /Georgia/, 'the page\'s font');
      assert.equal(looks[0].accent, '#0b62c4', 'the light palette\'s accent');
      assert.equal(looks[1].accent, 'rgb(0, 120, 0)', '--descent-accent');
      assert.match(looks[1].font, /DejaVu Sans Mono/, '--descent-font');
      assert.equal(looks[1].radius, '0px', '--descent-radius');
      const { PANELS, OTHER_PARTS } = await import('../../web/src/state/element-api.js');
      for (const { name } of [...PANELS, ...OTHER_PARTS]) assert.ok(looks[0].parts.includes(name), `::part(${name}) exists`);
    }, { count: 2 });
  });

  test('panels chooses what shows', async () => {
    const body = `<descent-explorer ${SEED} controls="none" panels="path,table"></descent-explorer>
      <descent-explorer ${SEED} controls="compact" panels="formulas, loss"></descent-explorer>
      <descent-explorer ${SEED} controls="none"></descent-explorer>`;
    await withPost(post({ body }), async (page) => {
      const shown = await page.evaluate(() => [...document.querySelectorAll('descent-explorer')].map((host) => Object.fromEntries(
        ['formulas', 'path', 'loss', 'step-size', 'table', 'actions', 'controls'].map((name) => {
          const element = host.shadowRoot.querySelector(`[part~="${name}"]`);
          return [name, Boolean(element && element.getClientRects().length)];
        }),
      )));
      const pick = (row) => Object.entries(row).filter(([, on]) => on === true).map(([name]) => name);
      assert.deepEqual(pick(shown[0]), ['path', 'table']);
      assert.deepEqual(pick(shown[1]), ['formulas', 'loss', 'controls']);
      assert.deepEqual(pick(shown[2]), ['path', 'loss', 'table'], 'the default of controls="none"');
      const heights = await page.evaluate(() => [...document.querySelectorAll('descent-explorer')].map((host) => host.getBoundingClientRect().height));
      assert.ok(heights[0] < heights[2] - 150, `a path and a table take ${Math.round(heights[0])} px, with the loss ${Math.round(heights[2])} px`);
    }, { count: 3 });
  });

  test('in a figure that centres its content it takes the column\'s width', async () => {
    const body = `<figure style="display:flex;flex-direction:column;align-items:center;margin:0">
      <descent-explorer ${SEED} controls="none"></descent-explorer><figcaption>A caption.</figcaption></figure>
      <div style="display:flex"><descent-explorer ${SEED} controls="none" theme="dark"></descent-explorer></div>`;
    await withPost(post({ body, width: 600 }), async (page) => {
      const widths = await page.evaluate(() => [...document.querySelectorAll('descent-explorer')].map((e) => Math.round(e.getBoundingClientRect().width)));
      assert.deepEqual(widths, [600, 600]);
    }, { count: 2 });
  });

  for (const width of [320, 480, 1200]) {
    test(`in a ${width} px column nothing is clipped`, async () => {
      const body = `<descent-explorer ${SEED} controls="full"></descent-explorer><descent-explorer ${SEED} controls="compact"></descent-explorer>`;
      await withPost(post({ body, width }), async (page) => {
        const clipped = await page.evaluate(() => [...document.querySelectorAll('descent-explorer')].flatMap((host, index) => {
          const box = host.getBoundingClientRect();
          const problems = [];
          const scrollsOnPurpose = (element) => element.closest('.scrolls');
          for (const element of host.shadowRoot.querySelectorAll('*')) {
            if (!element.getClientRects().length || element.closest('details:not([open]) > :not(summary)')) continue;
            const style = getComputedStyle(element);
            // Text hidden on purpose for screen readers only (a 1 px clipped box) shows nothing to clip.
            const readOnly = (node) => {
              for (let n = node; n; n = n.parentElement) if (getComputedStyle(n).clipPath !== 'none' && n.getBoundingClientRect().width <= 1) return true;
              return false;
            };
            if (style.visibility === 'hidden' || element.closest('.visually-hidden') || readOnly(element)) continue;
            const name = `${index}: ${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`;
            // A field whose text does not fit is cut off too (η's list in a narrow row, say).
            const overflows = /(auto|scroll|hidden)/.test(style.overflowX) || element.tagName === 'INPUT';
            if (overflows && element.scrollWidth > element.clientWidth + 1 && !scrollsOnPurpose(element)) {
              problems.push(`${name} hides ${element.scrollWidth - element.clientWidth} px`);
            }
            const rect = element.getBoundingClientRect();
            if (!scrollsOnPurpose(element) && (rect.right > box.right + 1 || rect.left < box.left - 1)) {
              problems.push(`${name} spans ${Math.round(rect.left - box.left)}..${Math.round(rect.right - box.left)} of ${Math.round(box.width)}`);
            }
          }
          return problems;
        }));
        assert.deepEqual(clipped, []);
        await screenshot(page, `embed-column-${width}.png`);
      }, { viewport: { width: Math.max(width + 40, 360), height: 900 }, count: 2 });
    });
  }

  test('the link inside the snippet stands in until the explorer is shown, and is what a reader without scripts gets', async () => {
    const state = { ...DEFAULT_STATE, f: 'x^4-3x^2+2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40' };
    const script = `${shared.server.url}descent-explorer.js`;
    const element = embedSnippet(state, script, { controls: 'compact', height: 900 }).split('\n')[1];
    const href = frameUrl(state, `${shared.server.url}embed.html`, { controls: 'compact' });
    const linkBox = (page) => page.evaluate(() => {
      const host = document.querySelector('descent-explorer');
      const [own, link] = [host, host.querySelector('a')].map((node) => node.getBoundingClientRect());
      return { top: link.top - own.top, height: link.height, hostHeight: own.height };
    });
    // A feed reader or a mail that drops the script: the link, at the top of the reserved box.
    await withPost(post({ body: element, script: false }), async (page) => {
      const link = page.locator('descent-explorer a');
      assert.ok(await link.isVisible());
      assert.equal(await link.getAttribute('href'), href);
      assert.match(await link.textContent(), /^Gradient descent on f\(x\) = x\^4-3x\^2\+2: open the interactive explorer$/);
      const box = await linkBox(page);
      assert.ok(box.top >= 0 && box.top < 40 && box.height > 0, JSON.stringify(box));
      assert.equal(Math.round(box.hostHeight), 900, 'the reserved height');
      await screenshot(page, 'embed-without-script.png');
    }, { count: 0 });
    // The script arriving late: the link until then; once the explorer is shown, only the explorer.
    const opened = await openPage(shared.browser, 'about:blank', { width: 1000, height: 900 });
    try {
      const { page } = opened;
      await page.route('**/descent-explorer.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await page.route('**/post.html', (route) => route.fulfill({ contentType: 'text/html', body: post({ body: element, script: false }).replace('</head>', `<script src="${script}" defer></script></head>`) }));
      await page.goto(`${shared.server.url}post.html`, { waitUntil: 'commit' });
      const link = page.locator('descent-explorer a');
      await link.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.querySelector('descent-explorer').shadowRoot), null, 'before the script');
      // A reader tabs to the link while the script loads.
      await link.focus();
      await answered(page, 1);
      await page.waitForFunction(() => !document.querySelector('descent-explorer').shadowRoot.querySelector('.layout.settling'));
      assert.equal(await link.isVisible(), false, 'the explorer shown, the link is not');
      assert.deepEqual(await page.evaluate(() => {
        const host = document.querySelector('descent-explorer');
        return [document.activeElement === host, host.shadowRoot.activeElement?.id];
      }), [true, 'f'], 'focus goes on in the explorer, on its first field');
      // While the explorer is built but not yet shown, the link is over the top of its box.
      await page.evaluate(() => document.querySelector('descent-explorer').shadowRoot.querySelector('.layout').classList.add('settling'));
      assert.ok(await link.isVisible(), 'shown while the explorer settles');
      const box = await linkBox(page);
      assert.ok(box.top >= 0 && box.top < 40, JSON.stringify(box));
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  // Layout shift (the sum of the page's layout-shift entries) while `load(page)` runs, descent-explorer.js
  // arriving 1.5 s late.
  async function layoutShiftWhile(load) {
    const opened = await openPage(shared.browser, 'about:blank', { width: 1000, height: 900 }, 'light', () => {
      window.layoutShift = 0;
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.layoutShift += entry.value;
          window.shifts.push({ value: entry.value, nodes: entry.sources.map((source) => source.node?.nodeName ?? '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    try {
      await opened.page.route('**/descent-explorer.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await load(opened.page);
      await opened.page.waitForFunction(() => [...document.querySelectorAll('descent-explorer')].every((element) => element.result));
      await opened.page.waitForTimeout(500);
      assert.deepEqual(opened.problems, []);
      return await opened.page.evaluate(() => ({ total: window.layoutShift, shifts: window.shifts }));
    } finally {
      await opened.close();
    }
  }

  test('the article does not move while three explorers load, the script arriving late', async () => {
    const { total, shifts } = await layoutShiftWhile(async (page) => {
      await page.goto(`${shared.server.url}embed-demo.html`);
      await page.waitForFunction(() => document.querySelector('descent-explorer').result !== null);
      // A reader scrolls down the post (3,000 px a second), and the explorers below load as they come near.
      const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < bottom; y += 150) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        await page.waitForTimeout(50);
      }
    });
    assert.ok(total <= 0.01, `layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
  });

  for (const controls of ['full', 'compact', 'none']) {
    test(`an explorer with controls="${controls}" in the first screen moves neither the post nor itself while it loads`, async () => {
      // The height its snippet would reserve: the explorer's own, measured in the same column.
      let height = 0;
      await withPost(post({ body: `<descent-explorer ${SEED} controls="${controls}"></descent-explorer>` }), async (page) => {
        await page.waitForTimeout(300);
        height = await page.evaluate(() => Math.ceil(document.querySelector('descent-explorer').getBoundingClientRect().height));
      });
      const html = post({ body: `<descent-explorer ${SEED} controls="${controls}" style="display:block;min-height:${height}px">`
        + '<a href="/embed.html">Gradient descent on f(x) = x^4-3x^2+2: open the interactive explorer</a></descent-explorer>' });
      const { total, shifts } = await layoutShiftWhile(async (page) => {
        await page.route('**/post.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
        await page.goto(`${shared.server.url}post.html`);
      });
      assert.ok(total <= 0.01, `layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
    });
  }

  test('events and properties: descent-run, descent-error, el.experiment and el.result', async () => {
    const before = () => {
      window.heard = [];
      for (const type of ['descent-run', 'descent-error']) {
        document.addEventListener(type, (event) => window.heard.push({ type, detail: event.detail, target: event.target.id }));
      }
    };
    await withPost(post({ body: `<section id="story"><descent-explorer id="figure" ${SEED} controls="none"></descent-explorer></section>` }), async (page) => {
      const first = await page.evaluate(() => window.heard);
      assert.equal(first.length, 1);
      assert.equal(first[0].type, 'descent-run');
      assert.equal(first[0].target, 'figure');
      assert.deepEqual(first[0].detail.runs.map((run) => [run.method, run.eta, run.status]),
        [['gd', 0.01, 'max-steps'], ['gd', 0.1, 'max-steps'], ['gd', 0.5, 'diverged']]);
      assert.equal(first[0].detail.runs[2].stoppedAt, 5);
      assert.ok(Math.abs(first[0].detail.runs[1].x - -Math.sqrt(1.5)) < 1e-7);
      assert.equal(first[0].detail.experiment.f, 'x^4-3x^2+2');

      // A scrolling story sets properties: one run per assignment, with the settings given.
      await page.evaluate(() => {
        document.querySelector('#figure').experiment = { f: '(x-2)^2', x0: -1, eta: [0.1, 0.3], steps: 60 };
      });
      await page.waitForFunction(() => window.heard.length === 2);
      const second = await page.evaluate(() => ({ heard: window.heard[1], result: document.querySelector('#figure').result, attribute: document.querySelector('#figure').getAttribute('eta') }));
      assert.equal(second.attribute, '0.1, 0.3');
      assert.deepEqual(second.result, second.heard.detail);
      assert.ok(Math.abs(second.result.runs[1].x - 2) < 1e-9);
      assert.equal(second.result.experiment.method, 'gd', 'settings not given are the defaults');

      // A function with a mistake: descent-error names f and the column.
      await page.evaluate(() => document.querySelector('#figure').setAttribute('f', 'x^^2'));
      await page.waitForFunction(() => window.heard.some((event) => event.type === 'descent-error'));
      const error = await page.evaluate(() => window.heard.find((event) => event.type === 'descent-error').detail);
      assert.equal(error.setting, 'f');
      assert.equal(error.column, 3);
      assert.match(error.message, /\S/);
      // A setting out of range names its attribute.
      await page.evaluate(() => { document.querySelector('#figure').experiment = { f: 'x^2', steps: '-3' }; });
      await page.waitForFunction(() => window.heard.some((event) => event.type === 'descent-error' && event.detail.setting === 'steps'));

      // A reader's edit in the form is the experiment the event reports, not the attributes.
      await page.evaluate(() => { document.querySelector('#figure').experiment = { f: '(x-1)^2', eta: 0.1, steps: 10 }; });
      await page.waitForFunction(() => document.querySelector('#figure').result?.experiment.f === '(x-1)^2');
      await page.evaluate(() => document.querySelector('#figure').setAttribute('controls', 'compact'));
      const field = page.locator('#figure').locator('#f');
      await field.fill('(x-3)^2');
      await page.waitForFunction(() => document.querySelector('#figure').result.experiment.f === '(x-3)^2');
      const edited = await page.evaluate(() => document.querySelector('#figure').result);
      assert.ok(Math.abs(edited.runs[0].x - (3 - 5.5 * 0.8 ** 10)) < 1e-12, `the edited f ran from -2.5: ${edited.runs[0].x}`);
      assert.equal(await page.evaluate(() => document.querySelector('#figure').getAttribute('f')), '(x-1)^2', 'the attribute stays');

      const thrown = await page.evaluate(() => {
        try { document.querySelector('#figure').experiment = { speed: 3 }; return null; } catch (error) { return `${error.name}: ${error.message}`; }
      });
      assert.match(thrown, /^TypeError: .*"speed"/);
    }, { before });
  });

  test('el.experiment set by the post\'s own script before the element is defined is kept', async () => {
    const body = `<descent-explorer id="early" controls="none"></descent-explorer>
      <script>document.querySelector('#early').experiment = { f: '(x-2)^2', x0: -1, eta: 0.1, steps: 20 };</script>`;
    await withPost(post({ body }), async (page) => {
      const result = await page.evaluate(() => document.querySelector('#early').result);
      assert.equal(result.experiment.f, '(x-2)^2');
      assert.ok(Math.abs(result.runs[0].x - (2 - 3 * 0.8 ** 20)) < 1e-12);
    });
  });

  test('explorers removed from a page (as a site that swaps its content does) are let go; moved ones stay', async () => {
    await withPost(post({ body: '<div id="slot"></div>' }), async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      // One explorer in, answered, out again at once.
      const cycle = () => page.evaluate(() => new Promise((resolve) => {
        const element = document.createElement('descent-explorer');
        element.setAttribute('f', 'x^4-3x^2+2');
        element.setAttribute('controls', 'full');
        element.addEventListener('descent-run', () => { element.remove(); resolve(); }, { once: true });
        document.querySelector('#slot').append(element);
      }));
      // Kept, each would hold some 0.3-0.7 MB (its shadow tree, charts, listeners); caches settle first.
      for (let i = 0; i < 5; i++) await cycle();
      const warm = await heap();
      for (let i = 0; i < 20; i++) await cycle();
      const after = await heap();
      assert.ok(after - warm < 1.5e6, `20 explorers added and removed kept ${((after - warm) / 1e6).toFixed(2)} MB`);

      // Moved within the page, an explorer keeps what it shows and does not run again; removed and added back
      // later, it builds itself anew and answers.
      const runs = await page.evaluate(async () => {
        const element = document.createElement('descent-explorer');
        element.setAttribute('f', '(x-2)^2');
        let heard = 0;
        element.addEventListener('descent-run', () => { heard++; });
        document.querySelector('#slot').append(element);
        const until = (test) => new Promise((resolve) => { const poll = () => (test() ? resolve() : setTimeout(poll, 20)); poll(); });
        await until(() => heard === 1);
        document.body.append(element);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const afterMove = [heard, element.shadowRoot.querySelectorAll('#results-body tr').length];
        element.remove();
        await new Promise((resolve) => setTimeout(resolve, 50));
        document.querySelector('#slot').append(element);
        await until(() => heard === 2);
        const rows = element.shadowRoot.querySelectorAll('#results-body tr').length;
        // An attribute set just after removal finds no explorer to run in, and says nothing.
        element.remove();
        element.setAttribute('eta', '0.3');
        await new Promise((resolve) => setTimeout(resolve, 100));
        return [...afterMove, rows];
      });
      assert.deepEqual(runs, [1, 3, 3]);
    }, { count: 0 });
  });

  test('an explorer far down the post loads when it comes near, and no sooner', async () => {
    const body = `<div style="height: 4000px">Long text.</div><descent-explorer ${SEED} controls="none" style="display:block;min-height:600px"></descent-explorer>`;
    const countWorkers = () => {
      window.workersStarted = 0;
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args) { super(...args); window.workersStarted++; }
      };
    };
    await withPost(post({ body }), async (page) => {
      await page.waitForTimeout(800);
      assert.deepEqual(await page.evaluate(() => [window.workersStarted, Boolean(document.querySelector('descent-explorer').shadowRoot)]), [0, false],
        'nothing started while it is far away');
      await answered(page, 1);
      assert.equal(await page.evaluate(() => window.workersStarted), 1);
    }, { count: 0, before: countWorkers });
  });

  test('the iframe page fits its parent\'s iframe, and axe finds nothing in it', async () => {
    const { frameSnippet } = await import('../../web/src/state/embed-snippet.js');
    const { DEFAULT_STATE } = await import('../../web/src/state/state.js');
    const { FRAME_PARENT_SCRIPT } = await import('../../web/src/state/frame-message.js');
    assert.equal(FRAME_PARENT_SCRIPT.split('\n').length, 3, 'three lines for the parent');
    const state = { ...DEFAULT_STATE, f: 'x^4-3x^2+2', x0: '-2.5', eta: '0.01,0.1,0.5', steps: '40' };
    const snippet = frameSnippet(state, `${shared.server.url}embed.html`, { controls: 'compact', height: 300 });
    assert.ok(snippet.endsWith(FRAME_PARENT_SCRIPT));
    const src = /src="([^"]*)"/.exec(snippet)[1].replaceAll('&amp;', '&');
    const html = post({ body: snippet });
    await withPost(html, async (page) => {
      const frame = page.frameLocator('iframe.descent');
      await frame.locator('descent-explorer').waitFor();
      await page.waitForFunction(() => {
        const iframe = document.querySelector('iframe.descent');
        const inner = iframe.contentDocument?.documentElement;
        const root = iframe.contentDocument?.querySelector('descent-explorer')?.shadowRoot;
        return root?.querySelectorAll('#results-body tr').length === 3 && Math.abs(iframe.clientHeight - inner.scrollHeight) <= 1;
      });
      const [outer, inner] = await page.evaluate(() => {
        const iframe = document.querySelector('iframe.descent');
        return [iframe.clientHeight, iframe.contentDocument.documentElement.scrollHeight];
      });
      assert.ok(outer > 600, `the iframe grew to ${outer} px for ${inner} px of explorer`);
      await screenshot(page, 'embed-iframe-in-post.png');
    }, { count: 0 });
    const opened = await openPage(shared.browser, src, { width: 700, height: 900 });
    try {
      await answered(opened.page, 1);
      // The query is read as the page reads links: f=x^2+1 keeps its plus.
      await opened.page.goto(`${shared.server.url}embed.html?f=x^2+1&eta=0.1&log=1`);
      await answered(opened.page, 1);
      assert.deepEqual(await opened.page.evaluate(() => {
        const element = document.querySelector('descent-explorer');
        return [element.getAttribute('f'), element.getAttribute('log')];
      }), ['x^2+1', '']);
      await expectNoViolations(opened.page);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('axe finds nothing on the embed demo', async () => {
    const opened = await openPage(shared.browser, `${shared.server.url}embed-demo.html`, { width: 1000, height: 900 });
    try {
      await answered(opened.page, 3);
      await expectNoViolations(opened.page);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
