// engine.run(): the seed posts' experiments in true float64, every optimizer against its PyTorch update
// written out in reference.mjs, and the four ways a run can stop.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { functions, descend } from './reference.mjs';

// Bit for bit: the same value, including the sign of zero and NaN.
function assertSamePath(actual, expected, upTo) {
  for (const key of ['x', 'f', 'df']) {
    for (let k = 0; k <= upTo; k++) {
      assert.ok(Object.is(actual[key][k], expected[key][k]), `${key}[${k}]: engine ${actual[key][k]}, reference ${expected[key][k]}`);
    }
  }
}

function assertClosePath(actual, expected, relative) {
  for (const key of ['x', 'f', 'df']) {
    for (let k = 0; k < expected[key].length; k++) {
      const e = expected[key][k];
      const bound = relative * Math.max(1, Math.abs(e));
      assert.ok(Math.abs(actual[key][k] - e) <= bound, `${key}[${k}]: engine ${actual[key][k]}, reference ${e}`);
    }
  }
}

// [seed, function, x0, eta, steps, status, what a reader sees]
const seeds = [
  ['001', 'quartic', -2.5, 0.01, 40, 'max-steps', 'slow crawl into the left well'],
  ['001', 'quartic', -2.5, 0.1, 40, 'max-steps', 'overshoots to the right, settles at x = -1.22474487, f = -0.25'],
  ['001', 'quartic', -2.5, 0.5, 40, 'diverged', 'overflows within six steps'],
  ['000', 'parabola', -1, 0.1, 20, 'max-steps', 'walks to the minimum at 2'],
  ['000', 'tiltedWell', -1, 0.1, 20, 'max-steps', 'caught in the shallow well'],
  ['000', 'tiltedWell', -1, 0.4, 20, 'max-steps', 'jumps into the deep well'],
];

describe('seed experiments, bit for bit against a plain float64 loop', () => {
  for (const { expression, text, derivative } of Object.values(functions)) {
    test(`the reference evaluates ${expression} in the form the engine prints: ${text}, f' = ${derivative}`, () => {
      const fn = engine.compile(expression);
      try {
        assert.equal(fn.text, text);
        assert.equal(fn.derivative.text, derivative);
      } finally {
        fn.dispose();
      }
    });
  }

  for (const [seed, name, x0, eta, steps, status, story] of seeds) {
    const fn = functions[name];
    test(`seed ${seed}: ${fn.expression}, x0=${x0}, eta=${eta}, ${steps} steps: ${status} (${story})`, () => {
      const run = engine.run({ expression: fn.expression, x0, eta, steps, method: 'gd' });
      const reference = descend(fn, { x0, eta, steps });
      assert.equal(run.status, status);
      for (const key of ['x', 'f', 'df']) {
        assert.ok(run[key] instanceof Float64Array, `${key} is a Float64Array`);
        assert.equal(run[key].length, run.stoppedAt + 1, `${key} holds x_0..x_stoppedAt`);
      }
      if (status === 'max-steps') assert.equal(run.stoppedAt, steps);
      assertSamePath(run, reference, run.stoppedAt);
    });
  }

  test('seed 001, eta = 0.1 ends at x = -1.22474487, f = -0.25 (not the post\'s "typical output")', () => {
    const run = engine.run({ expression: 'x^4-3*x^2+2', x0: -2.5, eta: 0.1, steps: 40, method: 'gd' });
    assert.equal(run.x[40].toFixed(8), '-1.22474487');
    assert.equal(run.f[40].toFixed(8), '-0.25000000');
  });

  test('seed 001, eta = 0.5 stops within six steps with x or f(x) no longer finite', () => {
    const run = engine.run({ expression: 'x^4-3*x^2+2', x0: -2.5, eta: 0.5, steps: 40, method: 'gd' });
    assert.equal(run.status, 'diverged');
    assert.ok(run.stoppedAt <= 6, `stopped at ${run.stoppedAt}`);
    const last = run.stoppedAt;
    assert.ok(!Number.isFinite(run.x[last]) || !Number.isFinite(run.f[last]));
    for (let k = 0; k < last; k++) assert.ok(Number.isFinite(run.x[k]) && Number.isFinite(run.f[k]));
  });
});

// [method, hyperparameters, bit for bit?]: Adam's bias correction raises beta to the power t, and V8's pow
// may round that last bit differently from the C library's, so Adam is held to 1e-12 instead.
const methods = [
  ['gd', {}, true],
  ['momentum', {}, true],
  ['momentum', { beta: 0.5 }, true],
  ['nesterov', {}, true],
  ['nesterov', { beta: 0.8 }, true],
  ['adagrad', {}, true],
  ['adagrad', { eps: 1e-6 }, true],
  ['rmsprop', {}, true],
  ['rmsprop', { alpha: 0.9, eps: 1e-6 }, true],
  ['adam', {}, false],
  ['adam', { beta1: 0.8, beta2: 0.99, eps: 1e-6 }, false],
];

describe('optimizers follow PyTorch\'s updates (seed 001 function, x0 = -2.5, 200 steps)', () => {
  for (const [method, hyper, exact] of methods) {
    const eta = method === 'gd' || method.startsWith('m') || method === 'nesterov' ? 0.01 : 0.05;
    test(`${method} ${JSON.stringify(hyper)} eta=${eta}${exact ? ' (bit for bit)' : ' (to 1e-12)'}`, () => {
      const run = engine.run({ expression: functions.quartic.expression, x0: -2.5, eta, steps: 200, method, ...hyper });
      const reference = descend(functions.quartic, { x0: -2.5, eta, steps: 200, method, ...hyper });
      assert.equal(run.status, 'max-steps');
      if (exact) assertSamePath(run, reference, 200);
      else assertClosePath(run, reference, 1e-12);
    });
  }

  test('newton: x -= f\'/f\'\' finds the minimum of a parabola in one step', () => {
    const run = engine.run({ expression: '3(x-2)^2 + 1', x0: -7, eta: 1, steps: 3, method: 'newton' });
    assert.equal(run.x[1], 2);
    assert.equal(run.f[1], 1);
  });

  test('newton on seed 001 converges quadratically to the nearest stationary point', () => {
    const run = engine.run({ expression: functions.quartic.expression, x0: -2.5, eta: 1, steps: 8, method: 'newton' });
    const last = run.x[run.stoppedAt];
    assert.ok(Math.abs(last + Math.sqrt(1.5)) < 1e-12, `ended at ${last}`);
  });

  test('exact line search lands on the minimum of a parabola in one step', () => {
    const run = engine.run({ expression: '(x-2)^2', x0: -1, eta: 0.1, steps: 3, method: 'exact' });
    assert.ok(Math.abs(run.x[1] - 2) < 1e-6, `x_1 = ${run.x[1]}`);
  });

  test('armijo backtracking never lets f go up, even from a too-large eta', () => {
    const run = engine.run({ expression: functions.quartic.expression, x0: -2.5, eta: 0.5, steps: 40, method: 'armijo' });
    assert.notEqual(run.status, 'diverged');
    for (let k = 1; k <= run.stoppedAt; k++) assert.ok(run.f[k] <= run.f[k - 1], `f went up at step ${k}`);
    assert.ok(Math.abs(Math.abs(run.x[run.stoppedAt]) - Math.sqrt(1.5)) < 1e-6);
  });
});

describe('how a run stops', () => {
  // [status, run settings, why]
  const stops = [
    ['max-steps', { expression: '(x-2)^2', x0: -1, eta: 0.1, steps: 20 }, 'all steps taken'],
    ['converged', { expression: '(x-2)^2', x0: -1, eta: 0.1, steps: 1000, tolerance: 1e-9 }, 'a tolerance was asked for and met'],
    ['diverged', { expression: 'x^4-3*x^2+2', x0: -2.5, eta: 0.5, steps: 40 }, 'x or f(x) no longer finite'],
    ['undefined', { expression: 'sqrt(x)', x0: 1, eta: 4, steps: 10 }, 'stepped outside the domain: f is NaN at a finite x'],
    ['undefined', { expression: 'log(x)', x0: 0.5, eta: 1, steps: 10 }, 'log of a negative number'],
  ];
  for (const [status, settings, why] of stops) {
    test(`${status.padEnd(9)} ${JSON.stringify(settings)}  (${why})`, () => {
      const run = engine.run({ method: 'gd', ...settings });
      assert.equal(run.status, status);
      assert.equal(run.x.length, run.stoppedAt + 1);
      if (status === 'converged') assert.ok(run.stoppedAt < settings.steps);
      if (status === 'undefined') {
        const k = run.stoppedAt;
        assert.ok(Number.isFinite(run.x[k]));
        assert.ok(Number.isNaN(run.f[k]) || Number.isNaN(run.df[k]));
      }
    });
  }

  test('without a tolerance a run never reports converged', () => {
    const run = engine.run({ expression: '(x-2)^2', x0: 2, eta: 0.1, steps: 50, method: 'gd' });
    assert.equal(run.status, 'max-steps');
    assert.equal(run.stoppedAt, 50);
  });

  test('zero steps returns the start alone', () => {
    const run = engine.run({ expression: '(x-2)^2', x0: -1, eta: 0.1, steps: 0, method: 'gd' });
    assert.deepEqual([...run.x], [-1]);
    assert.deepEqual([...run.f], [9]);
    assert.deepEqual([...run.df], [-6]);
    assert.equal(run.stoppedAt, 0);
  });

  test('a bad expression in run() throws an ExpressionError', () => {
    assert.throws(() => engine.run({ expression: 'x^^2', x0: 0, eta: 0.1, steps: 5, method: 'gd' }),
      (error) => error.name === 'ExpressionError' && error.column === 3);
  });

  test('an unknown method is an error that names it', () => {
    assert.throws(() => engine.run({ expression: 'x^2', x0: 0, eta: 0.1, steps: 5, method: 'sgd2' }), /sgd2/);
  });
});

describe('long paths arrive whole (the engine hands them over 8,192 points at a time)', () => {
  // [expression's reference, settings]: lengths on both sides of a piece's end, and a run that stops
  // early in a later piece.
  const runs = [
    ['quartic', { x0: -2.5, eta: 0.001, steps: 8191 }],
    ['quartic', { x0: -2.5, eta: 0.001, steps: 8192 }],
    ['quartic', { x0: -2.5, eta: 0.001, steps: 8193 }],
    ['quartic', { x0: 0.3, eta: 0.0005, steps: 50_000 }],
    ['parabola', { x0: -1, eta: 0.0001, steps: 200_000, tolerance: 1e-9 }],
  ];
  for (const [name, settings] of runs) {
    test(`${functions[name].expression} ${JSON.stringify(settings)}`, () => {
      const run = engine.run({ expression: functions[name].expression, method: 'gd', ...settings });
      const expected = descend(functions[name], { ...settings, steps: run.stoppedAt });
      assert.equal(run.x.length, run.stoppedAt + 1);
      assert.equal(run.f.length, run.x.length);
      assert.equal(run.df.length, run.x.length);
      if (settings.tolerance) {
        assert.equal(run.status, 'converged');
        assert.ok(run.stoppedAt > 8192 && run.stoppedAt < settings.steps, `stopped at ${run.stoppedAt}`);
      } else {
        assert.equal(run.stoppedAt, settings.steps);
      }
      assertSamePath(run, expected, run.stoppedAt);
    });
  }
});
