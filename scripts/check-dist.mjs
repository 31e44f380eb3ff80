// npm pack's prepack: refuses to pack a package whose dist/ is missing or older than its sources.
//
// It does not build: building needs Emscripten, CMake and a C++ compiler (scripts/setup.sh installs them
// from apt), takes minutes and replaces dist/ while it runs, which a `npm pack` inside `npm test` must not
// do under the browser tests reading it. `npm run build` first, then `npm pack` or `npm publish`.
// DESCENT_ALLOW_STALE_DIST=1 turns the age check into a warning (tests/browser/package.test.mjs packs what
// the build it runs after just wrote, while the sources may still be edited around it).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// What the package's exports and its manifest point at (package.json "exports", "customElements").
export const PACKED = ['dist/descent-explorer.js', 'dist/engine.js', 'dist/custom-elements.json'];
// What dist/ is built from. settings-table.js is itself written by the build.
const SOURCES = ['web/src', 'web/index.html', 'web/style.css', 'cpp', 'CMakeLists.txt', 'scripts/build-web.mjs'];
const BUILT_BY_THE_BUILD = new Set(['web/src/state/settings-table.js']);

async function mtime(file) {
  try { return (await stat(file)).mtimeMs; } catch { return null; }
}

// The newest source file under root as [relative path, mtime], or null when there are none.
async function newestSource(root) {
  let newest = null;
  const visit = async (relative) => {
    const full = path.join(root, relative);
    let info;
    try { info = await stat(full); } catch { return; }
    if (info.isDirectory()) {
      for (const entry of await readdir(full)) await visit(path.posix.join(relative, entry));
    } else if (!BUILT_BY_THE_BUILD.has(relative) && (!newest || info.mtimeMs > newest[1])) {
      newest = [relative, info.mtimeMs];
    }
  };
  for (const source of SOURCES) await visit(source);
  return newest;
}

// What is wrong with root's dist/ for packing: the packed files that are missing, and a message when one
// is older than a source it is built from (null when none is).
export async function distProblems(root) {
  const times = await Promise.all(PACKED.map((file) => mtime(path.join(root, file))));
  const missing = PACKED.filter((file, i) => times[i] === null);
  if (missing.length) return { missing, stale: null };
  const newest = await newestSource(root);
  const oldest = Math.min(...times);
  const stale = newest && newest[1] > oldest ? `${PACKED[times.indexOf(oldest)]} is older than ${newest[0]}` : null;
  return { missing, stale };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { missing, stale } = await distProblems(process.cwd());
  const advice = 'run `npm run build` before `npm pack`';
  if (missing.length) {
    console.error(`descent pack: ${missing.join(', ')} missing: ${advice}`);
    process.exit(1);
  }
  if (stale && process.env.DESCENT_ALLOW_STALE_DIST === '1') console.warn(`descent pack: warning: ${stale}`);
  else if (stale) {
    console.error(`descent pack: ${stale}: ${advice} (or DESCENT_ALLOW_STALE_DIST=1 to pack it as it is)`);
    process.exit(1);
  }
}
