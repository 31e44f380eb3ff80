// The Hugo shortcode (integrations/hugo/layouts/shortcodes/descent.html) in a real Hugo site: a page using
// it twice loads descent-explorer.js once, passes every parameter as an attribute and both explorers answer;
// with the package's custom-elements.json as the site's data, a parameter the element lacks stops the build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../../scripts/serve.mjs';
import { DIST, launchBrowser, openPage } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HUGO = process.env.HUGO ?? 'hugo';

const CONFIG = `baseURL = "http://example.org/"
title = "A blog"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`;
const LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}</main></body></html>
`;
const POST = `---
title: Step sizes
---
Three step sizes on a double well:

{{< descent f="x^4-3x^2+2" x0="-2.5" eta="0.01,0.1,0.5" steps="40" controls="none" >}}

And the plainest bowl, with weight decay:

{{< descent f="2 x^2 + 1" x0="1" eta="0.1, 0.4" steps="10" weightDecay="0.5" log="" controls="none" >}}
`;

function hugo(site) {
  const result = spawnSync(HUGO, ['--source', site], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') throw new Error('hugo is missing: scripts/setup.sh installs it (apt-get install -y hugo)');
  return { status: result.status, output: result.stdout + result.stderr };
}

async function makeSite(post) {
  const site = await mkdtemp(path.join(tmpdir(), 'descent-hugo-'));
  await mkdir(path.join(site, 'content'), { recursive: true });
  await mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(site, 'static'), { recursive: true });
  await mkdir(path.join(site, 'data'), { recursive: true });
  await writeFile(path.join(site, 'config.toml'), CONFIG);
  await writeFile(path.join(site, 'layouts', '_default', 'single.html'), LAYOUT);
  await cp(path.join(root, 'integrations', 'hugo', 'layouts'), path.join(site, 'layouts'), { recursive: true });
  await copyFile(path.join(DIST, 'descent-explorer.js'), path.join(site, 'static', 'descent-explorer.js'));
  await copyFile(path.join(DIST, 'custom-elements.json'), path.join(site, 'data', 'descent.json'));
  await writeFile(path.join(site, 'content', 'post.md'), post);
  return site;
}

describe('the Hugo shortcode', () => {
  const sites = [];
  let server = null;
  let browser = null;
  before(async () => { browser = await launchBrowser(); });
  after(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    for (const site of sites) await rm(site, { recursive: true, force: true });
  });

  test('a post with two explorers loads the script once and both answer', async () => {
    const site = await makeSite(POST);
    sites.push(site);
    const built = hugo(site);
    assert.equal(built.status, 0, built.output);
    const html = await readFile(path.join(site, 'public', 'post', 'index.html'), 'utf8');
    assert.equal(html.match(/<script\b/g).length, 1, 'one script tag');
    assert.match(html, /<script src="\/descent-explorer\.js" defer><\/script>/);
    assert.equal(html.match(/<descent-explorer\b/g).length, 2);
    // Inside each, the link to the same experiment on embed.html (what a feed reader shows).
    // Read as embed.html reads its query (web/src/embed/frame.js): a + is a plus.
    const links = [...html.matchAll(/<descent-explorer[^>]*><a href="([^"]*)">([^<]*)<\/a><\/descent-explorer>/g)]
      .map(([, href, text]) => [new URL(href.replaceAll('&amp;', '&').replace(/\+/g, '%2B'), 'http://example.org/'), text]);
    assert.equal(links.length, 2, html);
    assert.equal(links[0][0].pathname, '/embed.html');
    assert.equal(links[0][0].searchParams.get('f'), 'x^4-3x^2+2');
    assert.equal(links[0][0].searchParams.get('eta'), '0.01,0.1,0.5');
    assert.equal(links[1][0].searchParams.get('weightDecay'), '0.5', 'the page\'s URL key, case kept');
    assert.equal(links[1][0].searchParams.get('f'), '2 x^2 + 1', 'spaces kept as spaces, the plus as a plus');
    assert.equal(links[1][0].searchParams.get('eta'), '0.1, 0.4');
    assert.equal(links[1][0].searchParams.get('log'), '1', 'the element\'s log is log=1 in a link');
    assert.match(links[0][1], /^Gradient descent on f\(x\) = x\^4-3x\^2(\+|&#43;)2: open the interactive explorer$/);

    server = createStaticServer(path.join(site, 'public'));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const opened = await openPage(browser, `http://127.0.0.1:${server.address().port}/post/`);
    try {
      const { page } = opened;
      await page.waitForFunction(() => {
        const all = [...document.querySelectorAll('descent-explorer')];
        return all.length === 2 && all.every((element) => element.shadowRoot?.querySelector('#output')?.getAttribute('aria-busy') === 'false'
          && element.shadowRoot.querySelectorAll('#results-body tr').length > 0);
      }, null, { timeout: 15000 });
      const explorers = await page.$$eval('descent-explorer', (all) => all.map((element) => ({
        f: element.getAttribute('f'),
        eta: element.getAttribute('eta'),
        weightDecay: element.getAttribute('weightDecay'),
        rows: element.shadowRoot.querySelectorAll('#results-body tr').length,
      })));
      // Hugo writes + as &#43; in an attribute; the element reads the function as typed.
      assert.deepEqual(explorers, [
        { f: 'x^4-3x^2+2', eta: '0.01,0.1,0.5', weightDecay: null, rows: 3 },
        { f: '2 x^2 + 1', eta: '0.1, 0.4', weightDecay: '0.5', rows: 2 },
      ]);
      assert.deepEqual(opened.problems, [], 'no console errors or failed requests');
    } finally {
      await opened.close();
    }
  });

  test('a parameter the element does not have stops the build, named', async () => {
    const site = await makeSite('---\ntitle: A typo\n---\n{{< descent f="x^2" ate="0.1" >}}\n');
    sites.push(site);
    const built = hugo(site);
    assert.notEqual(built.status, 0);
    assert.match(built.output, /descent shortcode: <descent-explorer> has no attribute "ate" \(".*post\.md:4:1"\); it has f, x0, eta, /);
  });
});
