// The native CLI and the WASM engine are the same C++ core: their trajectories agree bit for bit wherever
// the arithmetic is IEEE's own (+ - * /, sqrt, integer powers), which covers the seed experiments.
// Transcendental functions (sin, exp, log, x^x, ...) come from two different C libraries, glibc natively
// and musl in WebAssembly, which may round the last bit differently; runs that use them agree to 1e-12.
// `descent run` prints CSV (eta,k,x,f,df) with 17 significant digits, enough to carry every double exactly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engine } from './built-engine.mjs';

const cli = fileURLToPath(new URL('../../build/descent', import.meta.url));

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

// [expression, x0, eta, steps, method, hyperparameters, agreement]
const runs = [
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 40, 'gd', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.1, 40, 'gd', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.5, 40, 'gd', {}, 'bit for bit'],
  ['(x-2)^2', -1, 0.1, 20, 'gd', {}, 'bit for bit'],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.1, 20, 'gd', {}, 'bit for bit'],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', -1, 0.4, 20, 'gd', {}, 'bit for bit'],
  ['sin(3x) + 0.1x^2', 1.3, 0.05, 500, 'gd', {}, 'to 1e-12'],
  ['softplus(x - 1) + sigmoid(x)^2', 4, 0.3, 300, 'gd', {}, 'to 1e-12'],
  ['x^x + log(x)^2', 2, 0.05, 300, 'gd', {}, 'to 1e-12'],
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 200, 'momentum', { beta: 0.9 }, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.01, 200, 'nesterov', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'adagrad', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'rmsprop', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.05, 200, 'adam', {}, 'to 1e-12'], // bias correction: pow(beta, t)
  ['x^4 - 3x^2 + 2', -2.5, 0.5, 40, 'armijo', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 0.1, 20, 'exact', {}, 'bit for bit'],
  ['x^4 - 3x^2 + 2', -2.5, 1, 20, 'newton', {}, 'bit for bit'],
  ['sqrt(x)', 1, 4, 10, 'gd', {}, 'bit for bit'],
];

describe('native CLI and WASM engine walk the same paths', () => {
  test('build/descent is built', () => assert.ok(existsSync(cli), `${cli} is missing: npm run build`));

  for (const [expression, x0, eta, steps, method, hyper, agreement] of runs) {
    const options = Object.entries(hyper).map(([name, value]) => ` --${name} ${value}`).join('');
    test(`descent run '${expression}' --x0 ${x0} --eta ${eta} --steps ${steps} --method ${method}${options}: ${agreement}`, () => {
      const native = runCli(expression, x0, eta, steps, method, hyper);
      const wasm = engine.run({ expression, x0, eta, steps, method, ...hyper });
      assert.equal(native.x.length, wasm.x.length, 'same number of points');
      for (const key of ['x', 'f', 'df']) {
        for (let k = 0; k < wasm[key].length; k++) {
          const [a, b] = [native[key][k], wasm[key][k]];
          const same = agreement === 'bit for bit' ? Object.is(a, b) : Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
          assert.ok(same, `${key}[${k}]: native ${a}, wasm ${b}`);
        }
      }
    });
  }
});
