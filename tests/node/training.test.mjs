// The training settings through the WASM engine: torch's own runs (tests/reference) reproduced, seeded
// noise the same bits as the native CLI's, and what a run reports of each step (g, lr).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engine } from './built-engine.mjs';

const cli = fileURLToPath(new URL('../../build/descent', import.meta.url));
const fixture = JSON.parse(readFileSync(new URL('../reference/torch_trajectories.json', import.meta.url), 'utf8'));
const number = (v) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);

describe('torch 1.13\'s runs, with descent\'s own f\'', () => {
  for (const c of fixture.cases) {
    test(c.name, () => {
      const run = engine.run({ expression: c.expression, x0: c.x0, steps: c.steps, ...c.settings });
      assert.equal(run.x.length, c.x.length);
      for (let k = 0; k < c.x.length; k++) {
        const [ours, torch] = [run.x[k], number(c.x[k])];
        assert.ok(Math.abs(ours - torch) <= 1e-12 * Math.max(1, Math.abs(torch)), `x_${k}: ${ours} vs torch ${torch}`);
        // The rates come from +, *, / and, for cosine, cos: musl's may differ from glibc's in the last bit.
        const [rate, torchRate] = [run.lr[k], number(c.lr[k])];
        assert.ok(Math.abs(rate - torchRate) <= 1e-15 * Math.abs(torchRate), `lr_${k}: ${rate} vs torch ${torchRate}`);
      }
    });
  }
});

function cliRun(args) {
  const csv = execFileSync(cli, ['run', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [header, ...rows] = csv.trim().split('\n');
  assert.equal(header, 'eta,k,x,f,df,g,lr');
  const columns = { x: [], g: [], lr: [] };
  for (const row of rows) {
    const cells = row.split(',').map(Number);
    columns.x.push(cells[2]);
    columns.g.push(cells[5]);
    columns.lr.push(cells[6]);
  }
  return columns;
}

describe('seeded noise', () => {
  const base = { expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.01, steps: 300, method: 'momentum' };
  const args = (noise, seed) => ['x^4 - 3x^2 + 2', '--x0', '-2.5', '--eta', '0.01', '--steps', '300', '--method', 'momentum',
    '--noise', String(noise), '--seed', String(seed)];

  test('one seed gives the same path, bit for bit, in the engine and in the native CLI', () => {
    const run = engine.run({ ...base, noise: 0.5, seed: 42 });
    const native = cliRun(args(0.5, 42));
    assert.deepEqual(Array.from(run.x), native.x);
    assert.deepEqual(Array.from(run.g), native.g);
  });

  test('another seed gives another path; the same seed the same one again', () => {
    const first = engine.run({ ...base, noise: 0.5, seed: 42 });
    assert.deepEqual(engine.run({ ...base, noise: 0.5, seed: 42 }).x, first.x);
    assert.notDeepEqual(engine.run({ ...base, noise: 0.5, seed: 43 }).x, first.x);
  });

  test('σ = 0 is the noiseless path to the bit, whatever the seed', () => {
    const plain = engine.run(base);
    assert.deepEqual(engine.run({ ...base, noise: 0, seed: 7 }).x, plain.x);
  });

  test('the loss and f\' are the true ones; g is the gradient the optimizer saw', () => {
    const run = engine.run({ ...base, noise: 0.5, seed: 1 });
    const fn = engine.compile(base.expression);
    try {
      for (let k = 0; k < run.x.length; k += 37) {
        const at = fn.at(run.x[k]);
        assert.equal(run.f[k], at.f);
        assert.equal(run.df[k], at.df);
        assert.notEqual(run.g[k], run.df[k]);
      }
    } finally {
      fn.dispose();
    }
  });
});

describe('what a run reports of each step', () => {
  test('lr has N + 1 entries, the last the rate after the last step; g is f\' without noise or clipping', () => {
    const run = engine.run({ expression: 'x^2', x0: 1, eta: 0.1, steps: 12, schedule: 'step', stepSize: 5, gamma: 0.5 });
    assert.equal(run.lr.length, 13);
    assert.deepEqual(Array.from(run.lr), [0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025]);
    assert.deepEqual(Array.from(run.g), Array.from(run.df));
  });

  test('clipping caps the gradient the optimizer uses at the max norm, and the η = 0.5 blow-up is tamed', () => {
    const wild = engine.run({ expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.5, steps: 40 });
    const clipped = engine.run({ expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.5, steps: 40, clip: 1 });
    assert.equal(wild.status, 'diverged');
    assert.equal(clipped.status, 'max-steps');
    assert.ok(Array.from(clipped.g).every((g) => Math.abs(g) <= 1), 'every gradient within the max norm');
  });

  test('a schedule or training setting out of range names itself', () => {
    const refused = [[{ schedule: 'cosine', tMax: 0 }, 'tMax'], [{ clip: 0 }, 'clip'], [{ noise: -1 }, 'noise'],
      [{ schedule: 'linear', startFactor: 0 }, 'startFactor'], [{ method: 'adamw', weightDecay: -0.1 }, 'weightDecay']];
    for (const [changes, setting] of refused) {
      assert.throws(() => engine.run({ expression: 'x^2', x0: 1, eta: 0.1, steps: 3, ...changes }),
        (error) => error.setting === setting, JSON.stringify(changes));
    }
    assert.throws(() => engine.run({ expression: 'x^2', x0: 1, eta: 0.1, steps: 3, schedule: 'cyclic' }),
      (error) => error.setting === 'schedule' && /unknown schedule 'cyclic'/.test(error.message));
  });
});
