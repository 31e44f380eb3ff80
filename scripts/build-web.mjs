// Builds the static page into dist/ from web/ and the WASM core in build-wasm/.
//
// web/src/engine/engine.js imports './engine-core.mjs', which only exists after the WASM build, so the
// sources and the core are staged side by side in a temporary directory and bundled from there. web/src is
// in layers (engine/, state/, ui/, embed/); the entry points are engine/engine.js (dist/engine.js),
// engine/worker.js, ui/app.js (with ui/page.js split off) and embed/descent-explorer.js.
import { build } from 'esbuild';
import { cp, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = path.join(root, 'build-wasm', 'engine-core.mjs');
// The page's own worker loads the engine with its wasm as a separate file (smaller, compiled while it
// downloads); engine.js for Node and the embeddable descent-explorer.js keep the single-file core.
const webCore = path.join(root, 'build-wasm', 'engine-core-web.mjs');
const webWasm = path.join(root, 'build-wasm', 'engine-core-web.wasm');
const dist = path.join(root, 'dist');

async function exists(file) {
  try { await stat(file); return true; } catch { return false; }
}

async function stageSources() {
  const stage = await mkdtemp(path.join(tmpdir(), 'descent-web-'));
  await cp(path.join(root, 'web', 'src'), stage, { recursive: true, dereference: true });
  await copyFile(core, path.join(stage, 'engine', 'engine-core.mjs'));
  await copyFile(webCore, path.join(stage, 'engine', 'engine-core-web.mjs'));
  return stage;
}

// For the page's worker bundle: engine.js's './engine-core.mjs' becomes the core that fetches its wasm.
function webEngineCore(stage) {
  return {
    name: 'descent-web-engine-core',
    setup(bundle) {
      bundle.onResolve({ filter: /^\.\/engine-core\.mjs$/ }, () => ({ path: path.join(stage, 'engine', 'engine-core-web.mjs') }));
    },
  };
}

// The explorer's markup as web/index.html has it, between its "explorer: start" and "explorer: end" marks.
async function explorerMarkup() {
  const page = await readFile(path.join(root, 'web', 'index.html'), 'utf8');
  const found = /<!-- explorer: start[^>]*-->([\s\S]*)<!-- explorer: end -->/.exec(page);
  if (!found) throw new Error('web/index.html lacks the "explorer: start" and "explorer: end" marks');
  return found[1].trim();
}

// The worker bundle as a classic script, wrapped in a function of its `self`: descent-explorer.js turns
// that function's text into a blob: worker, or calls it on the page's thread where no worker may start.
async function workerMain(stage) {
  const result = await build({
    entryPoints: [path.join(stage, 'engine', 'worker.js')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    define: { 'import.meta.url': '""' },
    nodePaths: [path.join(root, 'node_modules')],
    logLevel: 'warning',
  });
  return `export default function workerMain(self) {\n${result.outputFiles[0].text}\n}\n`;
}

// descent:markup, descent:page-css and descent:worker-main exist only while bundling descent-explorer.js.
function explorerModules(stage) {
  const sources = {
    markup: async () => ({ contents: `export default ${JSON.stringify(await explorerMarkup())};`, loader: 'js' }),
    'page-css': async () => ({ contents: await readFile(path.join(root, 'web', 'style.css'), 'utf8'), loader: 'text' }),
    'worker-main': async () => ({ contents: await workerMain(stage), loader: 'js' }),
  };
  return {
    name: 'descent-explorer-modules',
    setup(bundle) {
      bundle.onResolve({ filter: /^descent:/ }, (args) => ({ path: args.path.slice('descent:'.length), namespace: 'descent' }));
      bundle.onLoad({ filter: /.*/, namespace: 'descent' }, (args) => sources[args.path]());
    },
  };
}

// The chunks app.js needs before the first chart: those it imports, and page.js (which it imports once
// started) with those that imports. Named in index.html, they download alongside app.js instead of after it.
function pageChunks(metafile, pageEntry) {
  const outputs = Object.entries(metafile.outputs);
  const byPath = new Map(outputs);
  const pageSource = path.relative(process.cwd(), pageEntry);
  const start = outputs.filter(([, output]) => output.entryPoint === pageSource || path.resolve(output.entryPoint ?? '') === pageEntry);
  const chosen = new Set();
  const visit = (file) => {
    if (chosen.has(file)) return;
    chosen.add(file);
    for (const { path: imported, kind } of byPath.get(file)?.imports ?? []) if (kind === 'import-statement') visit(imported);
  };
  for (const [file] of outputs) if (path.basename(file) === 'app.js') visit(file);
  for (const [file] of start) visit(file);
  return [...chosen].map((file) => path.basename(file)).filter((name) => name.endsWith('.js') && name !== 'app.js');
}

function withPreloads(html, chunks) {
  const links = chunks.map((name) => `<link rel="modulepreload" href="${name}">`).join('\n  ');
  const script = '<script type="module" src="app.js" async></script>';
  if (!html.includes(script)) throw new Error('web/index.html does not load app.js as expected');
  return html.replace(script, `${script}\n  ${links}`);
}

async function main() {
  for (const file of [core, webCore, webWasm]) {
    if (!(await exists(file))) {
      console.error(`build-web: ${path.relative(root, file)} is missing. Build the WASM engine first (npm run build).`);
      process.exit(1);
    }
  }
  const stage = await stageSources();
  try {
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    const pageBuild = {
      outdir: dist,
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      // The staged sources live outside the repository, so packages are looked up in its node_modules.
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'warning',
    };
    await build({ ...pageBuild, entryPoints: { engine: path.join(stage, 'engine', 'engine.js') } });
    // app.js stays small and starts the worker before the rest of the page (page.js and Chart.js, split
    // into a chunk of its own) is even fetched.
    const app = await build({
      ...pageBuild, entryPoints: { app: path.join(stage, 'ui', 'app.js') }, splitting: true, chunkNames: 'page-[hash]', metafile: true,
    });
    await build({ ...pageBuild, entryPoints: { worker: path.join(stage, 'engine', 'worker.js') }, plugins: [webEngineCore(stage)] });
    await copyFile(webWasm, path.join(dist, 'engine-core-web.wasm'));
    await build({
      entryPoints: { 'descent-explorer': path.join(stage, 'embed', 'descent-explorer.js') },
      outdir: dist,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      loader: { '.css': 'text' },
      plugins: [explorerModules(stage)],
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'warning',
    });
    await writeFile(path.join(dist, 'index.html'), withPreloads(await readFile(path.join(root, 'web', 'index.html'), 'utf8'),
      pageChunks(app.metafile, path.join(stage, 'ui', 'page.js'))));
    await copyFile(path.join(root, 'web', 'embed-demo.html'), path.join(dist, 'embed-demo.html'));
    await copyFile(path.join(root, 'web', 'embed-demo.css'), path.join(dist, 'embed-demo.css'));
    await copyFile(path.join(root, 'web', 'style.css'), path.join(dist, 'style.css'));
    console.log(`build-web: wrote ${path.relative(process.cwd(), dist) || '.'}/ (index.html, style.css, app.js, worker.js, engine-core-web.wasm, engine.js, descent-explorer.js, embed-demo.html)`);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`build-web: ${error.message}`);
  process.exit(1);
});
