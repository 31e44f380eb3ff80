// npm pack's prepack (scripts/check-dist.mjs) refuses a dist/ that is missing or older than its sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distProblems, PACKED } from '../../scripts/check-dist.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'check-dist.mjs');

async function withTree(files, body) {
  const dir = await mkdtemp(path.join(tmpdir(), 'descent-check-dist-'));
  try {
    for (const [file, secondsAgo] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), '');
      const when = new Date(Date.now() - secondsAgo * 1000);
      await utimes(path.join(dir, file), when, when);
    }
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const check = (dir, env = {}) => spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
const built = (secondsAgo) => Object.fromEntries(PACKED.map((file) => [file, secondsAgo]));

test('a dist/ built after its sources packs', async () => {
  await withTree({ 'web/src/ui/page.js': 60, 'cpp/optim/run.cpp': 60, ...built(10) }, async (dir) => {
    assert.deepEqual(await distProblems(dir), { missing: [], stale: null });
    assert.equal(check(dir).status, 0);
  });
});

test('a missing dist/ stops npm pack with what to run', async () => {
  await withTree({ 'web/src/ui/page.js': 60 }, async (dir) => {
    const result = check(dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /dist\/descent-explorer\.js, dist\/engine\.js, dist\/custom-elements\.json missing: run `npm run build`/);
  });
});

test('a source newer than dist/ stops npm pack unless told to go on', async () => {
  // The build writes settings-table.js itself, so it never makes dist/ stale.
  await withTree({ ...built(30), 'web/src/state/settings-table.js': 5, 'cpp/expr/parser.cpp': 10 }, async (dir) => {
    const result = check(dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is older than cpp\/expr\/parser\.cpp: run `npm run build` before `npm pack`/);
    const allowed = check(dir, { DESCENT_ALLOW_STALE_DIST: '1' });
    assert.equal(allowed.status, 0);
    assert.match(allowed.stderr, /warning: .* is older than cpp\/expr\/parser\.cpp/);
  });
});
