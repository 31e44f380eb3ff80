// What a reader downloads for one <descent-explorer>: dist/descent-explorer.js as a host serves it, gzipped
// (zlib at level 9, as gzip -9). A size, not a time, so the check is deterministic. The target (issue #14)
// is 170 KB; until what leaves the element is decided (docs/performance.md lists what the file holds) it is
// a todo, and a ceiling at the size after the wasm was packed catches a return of what that removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const TARGET = 170 * 1024;
const CEILING = 230 * 1024;
const file = new URL('../../dist/descent-explorer.js', import.meta.url);
const bytes = readFileSync(file);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test(`descent-explorer.js gzipped stays under its ceiling of ${kb(CEILING)}`, (t) => {
  t.diagnostic(`descent-explorer.js: ${bytes.length} bytes, ${gzipped} gzipped (${kb(gzipped)})`);
  assert.ok(gzipped <= CEILING, `${gzipped} bytes gzipped (${kb(gzipped)}), over ${CEILING} (${kb(CEILING)})`);
});

test(`descent-explorer.js gzipped is at most ${kb(TARGET)}`, { todo: 'issue #14: what leaves the element is to be decided' }, () => {
  assert.ok(gzipped <= TARGET, `${gzipped} bytes gzipped (${kb(gzipped)}), over ${TARGET} (${kb(TARGET)})`);
});
