// Builds the static page into dist/ from web/ and the WASM core in build-wasm/.
//
// web/src/engine.js imports './engine-core.mjs', which only exists after the WASM build, so the sources
// and the core are staged side by side in a temporary directory and bundled from there.
import { build } from 'esbuild';
import { cp, copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = path.join(root, 'build-wasm', 'engine-core.mjs');
const dist = path.join(root, 'dist');

async function exists(file) {
  try { await stat(file); return true; } catch { return false; }
}

async function stageSources() {
  const stage = await mkdtemp(path.join(tmpdir(), 'descent-web-'));
  await cp(path.join(root, 'web', 'src'), stage, { recursive: true, dereference: true });
  await copyFile(core, path.join(stage, 'engine-core.mjs'));
  return stage;
}

async function main() {
  if (!(await exists(core))) {
    console.error(`build-web: ${path.relative(root, core)} is missing. Build the WASM engine first (npm run build).`);
    process.exit(1);
  }
  const stage = await stageSources();
  try {
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    await build({
      entryPoints: {
        engine: path.join(stage, 'engine.js'),
        app: path.join(stage, 'app.js'),
        worker: path.join(stage, 'worker.js'),
      },
      outdir: dist,
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      // The staged sources live outside the repository, so packages are looked up in its node_modules.
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'warning',
    });
    await copyFile(path.join(root, 'web', 'index.html'), path.join(dist, 'index.html'));
    await copyFile(path.join(root, 'web', 'style.css'), path.join(dist, 'style.css'));
    console.log(`build-web: wrote ${path.relative(process.cwd(), dist) || '.'}/ (index.html, style.css, app.js, worker.js, engine.js)`);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`build-web: ${error.message}`);
  process.exit(1);
});
