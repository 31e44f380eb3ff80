// The package as npm publishes it: `npm pack` of the built repository, installed into an empty folder with
// no network (it has no dependencies), then used as its users would: the engine from Node through the
// package's exports, and the element bundled by esbuild from `import 'descent/element'` into a page that
// headless Chromium opens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { createStaticServer } from '../../scripts/serve.mjs';
import { launchBrowser, openPage } from './harness.mjs';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// What the package must hold, and nothing of the sources, the tests or the build directories.
const PACKED = ['package.json', 'README.md', 'dist/descent-explorer.js', 'dist/engine.js', 'dist/custom-elements.json',
  'integrations/hugo/layouts/shortcodes/descent.html'];
const NOT_PACKED = /^(cpp|web|tests|scripts|bench|build[^/]*|node_modules|docs)\//;

// Run inside the installed folder by Node: the exports resolve, and the engine runs x^2 from 1 with η = 0.1.
const NODE_CHECK = `
import { loadEngine } from 'descent/engine';
const engine = await loadEngine();
const run = engine.run({ expression: 'x^2', x0: 1, eta: 0.1, steps: 10, method: 'gd' });
const resolved = ['descent', 'descent/element', 'descent/engine', 'descent/custom-elements.json']
  .map((name) => import.meta.resolve(name).replace(/^.*node_modules\\/descent\\//, ''));
console.log(JSON.stringify({ status: run.status, stoppedAt: run.stoppedAt, x: [...run.x], resolved }));
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title>
<script type="module" src="page.js"></script></head>
<body><main><descent-explorer f="x^2" eta="0.1" steps="10" controls="none"></descent-explorer></main></body></html>
`;

describe('the npm package', () => {
  let folder = null;
  let app = null;
  let packed = null;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'descent-package-'));
    app = path.join(folder, 'app');
    await mkdir(app);
    // The tests run right after the build; sources edited since must not stop the pack (scripts/check-dist.mjs).
    const env = { ...process.env, DESCENT_ALLOW_STALE_DIST: '1' };
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: root, env });
    [packed] = JSON.parse(stdout);
    await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'a-blog', private: true }));
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(folder, packed.filename)], { cwd: app });
  });
  after(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('the tarball holds the built files and none of the sources', () => {
    assert.equal(packed.name, 'descent');
    assert.equal(packed.version, pkg.version);
    const files = packed.files.map((file) => file.path);
    for (const file of PACKED) assert.ok(files.includes(file), `${file} is packed`);
    assert.deepEqual(files.filter((file) => NOT_PACKED.test(file)), []);
  });

  test('installed alone, the package needs nothing else', async () => {
    const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8'));
    assert.deepEqual(Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/')), ['node_modules/descent']);
  });

  test('Node imports the engine through the exports and runs an experiment', async () => {
    await writeFile(path.join(app, 'check.mjs'), NODE_CHECK);
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app });
    const result = JSON.parse(stdout);
    let x = 1;
    const expected = [x];
    for (let k = 0; k < 10; k++) expected.push(x -= 0.1 * (2 * x));
    assert.deepEqual(result, {
      status: 'max-steps', stoppedAt: 10, x: expected,
      resolved: ['dist/descent-explorer.js', 'dist/descent-explorer.js', 'dist/engine.js', 'dist/custom-elements.json'],
    });
  });

  test('a bundler\'s `import \'descent/element\'` defines an explorer that answers', async () => {
    await writeFile(path.join(app, 'entry.js'), "import 'descent/element';\n");
    await writeFile(path.join(app, 'index.html'), PAGE);
    const bundled = await build({
      entryPoints: [path.join(app, 'entry.js')], outfile: path.join(app, 'page.js'), absWorkingDir: app,
      bundle: true, format: 'esm', target: 'es2022', logLevel: 'silent',
    });
    // A side-effect import of a module marked free of side effects would be dropped, with a warning.
    assert.deepEqual(bundled.warnings, []);
    const server = createStaticServer(app);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchBrowser();
    try {
      const opened = await openPage(browser, `http://127.0.0.1:${server.address().port}/`);
      await opened.page.waitForFunction(() => {
        const root = document.querySelector('descent-explorer')?.shadowRoot;
        return root?.querySelector('#output')?.getAttribute('aria-busy') === 'false'
          && root.querySelectorAll('#results-body tr').length > 0;
      }, null, { timeout: 15000 });
      const rows = await opened.page.$eval('descent-explorer', (element) => element.shadowRoot.querySelectorAll('#results-body tr').length);
      assert.equal(rows, 1);
      assert.deepEqual(opened.problems, [], 'no console errors or failed requests');
      await opened.close();
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
