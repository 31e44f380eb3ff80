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

function runCli(expression, x0, eta, steps, method, hyper) {
  const args = ['run', expression, '--x0', String(x0), '--eta', String(eta), '--steps', String(steps), '--method', method];
  for (const [name, value] of Object.entries(hyper)) args.push(`--${name}`, String(value));
  const csv = execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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

// [expression, x0, eta, steps, method, hyperparameters]
const runs = [
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 40, 'gd', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.1, 40, 'gd', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.5, 40, 'gd', {}],
  ['(x-2)^2', -1, 0.1, 20, 'gd', {}],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.1, 20, 'gd', {}],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.4, 20, 'gd', {}],
  ['sin(3x) + 0.1x^2', 1.3, 0.05, 500, 'gd', {}],
  ['softplus(x - 1) + sigmoid(x)^2', 4, 0.3, 300, 'gd', {}],
  ['x^x + log(x)^2', 2, 0.05, 300, 'gd', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 200, 'momentum', { beta: 0.9 }],
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 200, 'nesterov', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'adagrad', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'rmsprop', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'adam', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.5, 40, 'armijo', {}],
  ['x^4 - 3x^2 + 2', -2.5, 0.1, 20, 'exact', {}],
  ['x^4 - 3x^2 + 2', -2.5, 1, 20, 'newton', {}],
  ['sqrt(x)', 1, 4, 10, 'gd', {}],
];

describe('native CLI and WASM engine agree bit for bit', { skip }, () => {
  for (const [expression, x0, eta, steps, method, hyper] of runs) {
    const options = Object.entries(hyper).map(([name, value]) => ` --${name} ${value}`).join('');
    test(`descent run '${expression}' --x0 ${x0} --eta ${eta} --steps ${steps} --method ${method}${options}`, () => {
      const native = runCli(expression, x0, eta, steps, method, hyper);
      const wasm = engine.run({ expression, x0, eta, steps, method, ...hyper });
      assert.equal(native.x.length, wasm.x.length, 'same number of points');
      for (const key of ['x', 'f', 'df']) {
        for (let k = 0; k < wasm[key].length; k++) {
          assert.ok(Object.is(native[key][k], wasm[key][k]), `${key}[${k}]: native ${native[key][k]}, wasm ${wasm[key][k]}`);
        }
      }
    });
  }
});
