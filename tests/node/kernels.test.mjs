// Functions with enough work run as machine code (web/src/kernels.js: WebAssembly modules written by
// cpp/expr/wasm_code.cpp). The modules must change nothing but the speed: every table row runs the same
// work through an engine that always compiles and one that never does, and compares the bits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineModule } from './built-engine.mjs';

const always = await engineModule.loadEngine({ kernels: 'always' });
const never = await engineModule.loadEngine({ kernels: 'never' });
const auto = await engineModule.loadEngine();

const EXPRESSIONS = [
  'x^4 - 3x^2 + 2',
  '(x-2)^2',
  '0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2',
  'sin(x)*exp(-x^2/4)',
  'sigmoid(x) + softplus(x - 1) - 0.5*x',
  '1 - 0.5x + 0.25x^2 + 2x^3 - 1.5x^4 + 0.3x^5 - 0.2x^6 + 0.1x^7 + 0.05x^8 - 0.04x^9',
  '-x^3 + x',
  '1/x + 2/x^3 - x^-5',
  'x^0.5 + x^(2/3) + 2^x + x^x',
  'x^65 + x^64',
  'e^x + pi*x + e',
  'tan(x) + asin(x/4) + acos(x/4) + atan(x)',
  'sinh(x) + cosh(x) + tanh(x)',
  'log(x) + log2(x) + log10(x) + ln(1 + x^2)',
  'sqrt(x) + cbrt(x) + abs(x)',
  'sign(x)*x^2 + step(x) + relu(x - 1)',
  'cos(sin(cos(x)))*x - x*cos(x)',
  'exp(exp(x))',
  'x/(x - 1)',
  '7',
];
const METHODS = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'armijo', 'exact', 'newton'];

// Float64Arrays (or numbers) equal bit for bit, NaN payloads aside.
function sameBits(a, b, what) {
  const x = Float64Array.from(a.length === undefined ? [a] : a);
  const y = Float64Array.from(b.length === undefined ? [b] : b);
  assert.equal(x.length, y.length, `${what}: lengths`);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) && Number.isNaN(y[i])) continue;
    assert.ok(Object.is(x[i], y[i]), `${what}[${i}]: ${x[i]} (machine code) vs ${y[i]} (program)`);
  }
}

describe('machine code gives the same bits as the program', () => {
  for (const expression of EXPRESSIONS) {
    test(expression, () => {
      const fast = always.compile(expression);
      const slow = never.compile(expression);
      try {
        fast.sample(-4, 4, 101); // the first work compiles the kernels
        assert.equal(fast.machineCode, 3, 'all three evaluations compiled');
        assert.equal(slow.machineCode, 0);
        sameBits(fast.sample(-4, 4, 1001).f, slow.sample(-4, 4, 1001).f, 'sample');
        for (const x of [-2.5, -0.5, 0, 1.5, 3, Infinity, NaN]) {
          const [a, b] = [fast.at(x), slow.at(x)];
          sameBits([a.f, a.df, a.d2f], [b.f, b.df, b.d2f], `at(${x})`);
        }
        for (const method of METHODS) {
          const settings = { x0: 1.3, eta: 0.05, steps: 200, method };
          const [a, b] = [fast.run(settings), slow.run(settings)];
          assert.equal(a.status, b.status, `${method}: status`);
          for (const column of ['x', 'f', 'df']) sameBits(a[column], b[column], `${method} ${column}`);
        }
        sameBits(fast.stationaryPoints(-3, 3).map((p) => p.x), slow.stationaryPoints(-3, 3).map((p) => p.x), 'stationary points');
        const multi = { a: -3, b: 3, count: 20, seed: 7, eta: 0.02, steps: 100, method: 'adam' };
        sameBits(fast.multiStart(multi).final, slow.multiStart(multi).final, 'multi-start');
        const sweep = { x0: 0.7, etaMin: 0.001, etaMax: 1, count: 16, burnIn: 50, keep: 5 };
        const [s, t] = [fast.openSweep(sweep), slow.openSweep(sweep)];
        while (!s.next(5));
        while (!t.next(5));
        sameBits(s.result().x, t.result().x, 'sweep');
      } finally {
        fast.dispose();
        slow.dispose();
      }
    });
  }
});

describe('when functions are compiled to machine code', () => {
  test('automatically, once the work on a function repays compiling it', () => {
    const fn = auto.compile('x^4 - 3x^2 + 2');
    fn.run({ x0: 1, eta: 0.01, steps: 100, method: 'gd' });
    assert.equal(fn.machineCode, 0, 'a short run stays interpreted');
    fn.run({ x0: 1, eta: 0.01, steps: 100_000, method: 'gd' });
    assert.equal(fn.machineCode, 3, 'a long run compiles first');
    fn.dispose();
  });

  test('never for code too large to repay it: the program runs it', () => {
    let big = '0';
    for (let k = 1; k <= 900; k++) big += `+sin(${k}x)`;
    const fast = always.compile(big);
    const slow = never.compile(big);
    const [a, b] = [fast.run({ x0: 0.1, eta: 1e-6, steps: 50, method: 'newton' }), slow.run({ x0: 0.1, eta: 1e-6, steps: 50, method: 'newton' })];
    assert.ok(fast.machineCode < 3, 'f, f\' and f\'\' together are past the size limit');
    sameBits(a.x, b.x, 'newton path');
    fast.dispose();
    slow.dispose();
  });

  test('a sweep keeps its machine code after its function is disposed', () => {
    const fn = always.compile('x^4 - 3x^2 + 2');
    const sweep = fn.openSweep({ x0: 0.5, etaMin: 0.01, etaMax: 0.3, count: 40, burnIn: 100, keep: 10 });
    sweep.next(10);
    fn.dispose();
    always.compile('sin(x) + x^2').sample(-1, 1, 10); // may take the freed table slots, if they were freed
    while (!sweep.next(10));
    const reference = never.sweep({ expression: 'x^4 - 3x^2 + 2', x0: 0.5, etaMin: 0.01, etaMax: 0.3, count: 40, burnIn: 100, keep: 10 });
    sameBits(sweep.result().x, reference.x, 'sweep');
  });

  test('compiled functions given back keep the heap and the function table from growing', () => {
    const before = always.heapInUse();
    for (let i = 0; i < 300; i++) {
      const fn = always.compile(`x^4 - ${i}*x^2 + 2`);
      fn.sample(-1, 1, 10);
      assert.equal(fn.machineCode, 3);
      fn.dispose();
    }
    assert.ok(always.heapInUse() <= before + 4096, `heap in use ${before} -> ${always.heapInUse()}`);
    assert.ok(always.kernelSlots() <= 12, `function table slots held for machine code: ${always.kernelSlots()}`);
  });
});
