// web/src is in layers, each importing only from itself and the layers below it:
//   engine/ (the WASM engine's JS face, the worker and its jobs, the page's client of the worker)
//   < state/ (the settings' JS side and the URL) < ui/ (form, charts, results, views) < embed/ (the element).
// Every module sits in one of them, so data flows one way: a lower layer never reaches up for something of a
// higher one. This reads the sources (no build needed) and fails on the first import that goes up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYERS = ['engine', 'state', 'ui', 'embed'];
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');
// Imports of files that scripts/build-web.mjs makes: the Embind core, staged beside engine.js while it
// bundles; the settings table it reads from the built engine (state/settings-table.js, not committed); and
// the descent: modules it defines for the element (its markup, the page's CSS, the worker).
const STAGED = { 'engine/engine.js': ['./engine-core.mjs'], 'state/settings.js': ['./settings-table.js'] };
const VIRTUAL_LAYER = 'embed';

function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(full) : [full];
  });
}

// The specifiers a module imports: static imports and re-exports (over several lines too), bare imports
// and import(). Whole-line comments are dropped first so that an example in a comment is not read as one.
function importsOf(text) {
  const code = text.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
  const patterns = [
    /\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

const layerOf = (relative) => relative.split('/')[0];
const files = sourcesUnder(src).map((file) => path.relative(src, file).split(path.sep).join('/'));
const modules = files.filter((file) => file.endsWith('.js'));

test('every module of web/src sits in a layer folder', () => {
  const outside = files.filter((file) => !LAYERS.includes(layerOf(file)) || !file.includes('/'));
  assert.deepEqual(outside, [], `not in ${LAYERS.join('/, ')}/`);
});

test('no module imports from a layer above its own', () => {
  const upward = [];
  let edges = 0;
  for (const file of modules) {
    const from = layerOf(file);
    for (const specifier of importsOf(readFileSync(path.join(src, file), 'utf8'))) {
      if (STAGED[file]?.includes(specifier)) continue;
      if (specifier.startsWith('descent:')) {
        if (from !== VIRTUAL_LAYER) upward.push(`${file} imports ${specifier}, which only ${VIRTUAL_LAYER}/ may`);
        continue;
      }
      if (!specifier.startsWith('.')) continue; // a package, such as chart.js
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      assert.ok(existsSync(path.join(src, target)), `${file} imports ${specifier}, which does not exist`);
      edges += 1;
      const to = layerOf(target);
      if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${file} (${from}) imports ${target} (${to})`);
    }
  }
  // The sources import each other dozens of times; finding few means the patterns above stopped matching.
  assert.ok(edges >= 50, `only ${edges} imports between modules were found`);
  assert.deepEqual(upward, [], 'imports that go up a layer');
});

test('the import reader finds what the sources use', () => {
  const text = [
    "import { a } from './a.js';",
    'import {\n  b,\n  c,\n} from "../state/b.js";',
    "export { d } from './d.js';",
    "import './side-effect.css';",
    "const later = import('./later.js');",
    "// import { e } from './in-a-comment.js';",
  ].join('\n');
  assert.deepEqual(importsOf(text).sort(), ['../state/b.js', './a.js', './d.js', './later.js', './side-effect.css']);
});
