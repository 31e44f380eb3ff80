// The native CLI and the WASM engine are the same C++ core: their trajectories agree bit for bit.
// `descent run` prints CSV (eta,k,x,f,df) with 17 significant digits, enough to carry every double exactly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engine, skipUnlessBuilt } from './built-engine.mjs';

const cli = fileURLToPath(new URL('../../build/descent', import.meta.url));
const skip = skipUnlessBuilt || (existsSync(cli) ? false : 'build/descent is not built');

function parseNumber(text) {
  const t = text.trim().toLowerCase();
  if (t === 'nan' || t === '-nan') return NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return Number(t);
}

function runCli(expression, x0, eta, steps) {
  const csv = execFileSync(cli, ['run', expression, '--x0', String(x0), '--eta', String(eta), '--steps', String(steps)], {
    encoding: 'utf8',
  });
  const rows = csv.trim().split('\n').filter((line) => /^[-+0-9.]/.test(line));
  const path = { x: [], f: [], df: [] };
  for (const [k, row] of rows.entries()) {
    const [rowEta, rowK, x, f, df] = row.split(',');
    assert.equal(parseNumber(rowEta), eta);
    assert.equal(Number(rowK), k);
    path.x.push(parseNumber(x));
    path.f.push(parseNumber(f));
    path.df.push(parseNumber(df));
  }
  return path;
}

// [expression, x0, eta, steps]
const runs = [
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 40],
  ['x^4 - 3x^2 + 2', -2.5, 0.1, 40],
  ['x^4 - 3x^2 + 2', -2.5, 0.5, 40],
  ['(x-2)^2', -1, 0.1, 20],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.1, 20],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.4, 20],
  ['sin(3x) + 0.1x^2', 1.3, 0.05, 500],
  ['softplus(x - 1) + sigmoid(x)^2', 4, 0.3, 300],
];

describe('native CLI and WASM engine agree bit for bit', { skip }, () => {
  for (const [expression, x0, eta, steps] of runs) {
    test(`descent run '${expression}' --x0 ${x0} --eta ${eta} --steps ${steps}`, () => {
      const native = runCli(expression, x0, eta, steps);
      const wasm = engine.run({ expression, x0, eta, steps, method: 'gd' });
      assert.equal(native.x.length, wasm.x.length, 'same number of points');
      for (const key of ['x', 'f', 'df']) {
        for (let k = 0; k < wasm[key].length; k++) {
          assert.ok(Object.is(native[key][k], wasm[key][k]), `${key}[${k}]: native ${native[key][k]}, wasm ${wasm[key][k]}`);
        }
      }
    });
  }
});
