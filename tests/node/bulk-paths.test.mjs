// The engine's bulk paths give what the one-at-a-time paths give, to the bit: a path handed over in pieces
// through the engine's memory, whether it fits in one piece, spans several or stops inside one; the curve's
// samples and the stationary points' grid, evaluated a block of points at a time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';

const COLUMNS = ['x', 'f', 'df', 'g', 'lr'];
// A piece of a path: kRunPiece in cpp/wasm/bindings.cpp.
const PIECE = 8192;

function assertSameColumns(actual, expected, length) {
  for (const key of COLUMNS) {
    assert.equal(actual[key].length, length, `${key} has ${length} points`);
    for (let k = 0; k < length; k++) {
      assert.ok(Object.is(actual[key][k], expected[key][k]), `${key}[${k}]: ${actual[key][k]}, expected ${expected[key][k]}`);
    }
  }
}

describe('a path in pieces', () => {
  const base = { expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.001, method: 'momentum', schedule: 'cosine', noise: 0.5, seed: 7 };

  test('a run over several pieces starts as the shorter runs that fit in one, column by column', () => {
    const long = engine.run({ ...base, steps: 3 * PIECE + 5 });
    assert.equal(long.stoppedAt, 3 * PIECE + 5);
    for (const steps of [0, 1, 1000, PIECE - 1]) {
      const short = engine.run({ ...base, steps, tMax: 3 * PIECE + 5 });
      assertSameColumns(short, long, steps + 1);
    }
    // Each piece's boundary: steps that end one piece and start the next.
    const exact = engine.run({ ...base, steps: 2 * PIECE - 1, tMax: 3 * PIECE + 5 });
    assertSameColumns(exact, long, 2 * PIECE);
  });

  test('a run that stops early is cut to its points, inside the first piece or a later one', () => {
    for (const [eta, steps] of [[0.01, 1000], [0.0001, 3 * PIECE]]) {
      const settings = { expression: 'x^2', x0: -2.5, eta, steps, tolerance: 0.45 };
      const run = engine.run(settings);
      assert.equal(run.status, 'converged');
      assert.ok(run.stoppedAt < steps && (steps < PIECE) === (run.stoppedAt < PIECE));
      const full = engine.run({ ...settings, tolerance: undefined, steps: run.stoppedAt });
      assertSameColumns(run, full, run.stoppedAt + 1);
      assert.ok(Math.abs(run.df[run.stoppedAt]) <= 0.45 && Math.abs(run.df[run.stoppedAt - 1]) > 0.45);
    }
  });

  test('a run that diverges or leaves the domain says so, with why', () => {
    const away = engine.run({ expression: 'x^4', x0: 3, eta: 1, steps: 2 * PIECE });
    assert.equal(away.status, 'diverged');
    assert.equal(away.x.length, away.stoppedAt + 1);
    const outside = engine.run({ expression: 'log(x)', x0: 0.5, eta: 1, steps: 10 });
    assert.equal(outside.status, 'undefined');
    assert.match(outside.why, /log\(x\) is undefined at x = -1.5/);
    assert.equal(outside.stoppedAt, 1);
  });

  test('the five columns of a path of one piece are views of one buffer, one after another; a longer path\'s are arrays of their own', () => {
    for (const [steps, tolerance] of [[40, undefined], [PIECE - 1, undefined], [1000, 0.45]]) {
      const run = engine.run({ ...base, steps, tolerance });
      const points = run.stoppedAt + 1;
      assert.equal(run.x.buffer.byteLength, 5 * points * 8);
      COLUMNS.forEach((key, c) => {
        assert.ok(run[key] instanceof Float64Array);
        assert.equal(run[key].buffer, run.x.buffer);
        assert.equal(run[key].byteOffset, c * points * 8);
      });
    }
    const long = engine.run({ ...base, steps: PIECE });
    for (const key of COLUMNS) assert.equal(long[key].buffer.byteLength, (PIECE + 1) * 8);
  });

  test('runs in turn on two functions keep apart', () => {
    const a = engine.compile('x^2'), b = engine.compile('sin(x)');
    try {
      const first = a.run({ x0: 1, eta: 0.1, steps: 50 });
      b.run({ x0: 1, eta: 0.1, steps: 70 });
      assertSameColumns(a.run({ x0: 1, eta: 0.1, steps: 50 }), first, 51);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});

describe('many points at once', () => {
  const expressions = ['x^4 - 3x^2 + 2', 'sin(x)*exp(-x^2/4)', 'sigmoid(x) + softplus(x - 1) - 0.5*x', 'log(x)', '1/x', 'sqrt(1 - x^2)', 'x^x', '2'];

  test('the curve, sampled a block at a time, is f at each point to the bit', () => {
    for (const expression of expressions) {
      const fn = engine.compile(expression);
      try {
        for (const count of [2, 3, 33, 1000, PIECE + 3]) {
          const curve = fn.sample(-3, 3, count);
          assert.equal(curve.x.length, count);
          assert.equal(curve.x[count - 1], 3);
          for (let i = 0; i < count; i += count > 1000 ? 7 : 1) {
            assert.ok(Object.is(curve.f[i], fn.at(curve.x[i]).f), `${expression} at ${curve.x[i]}: ${curve.f[i]}`);
          }
        }
      } finally {
        fn.dispose();
      }
    }
  });

  test('f, f′ and f″ at many points, a block at a time, are at(x) at each point to the bit', () => {
    const odd = [NaN, Infinity, -Infinity, 0, -0, 1e300, -1e-300, 5e-324];
    for (const expression of expressions) {
      const fn = engine.compile(expression);
      try {
        for (const count of [0, 1, 33, PIECE, PIECE + 3]) {
          const xs = Float64Array.from({ length: count }, (_, i) => odd[i] ?? -3 + (6 * i) / count);
          const many = fn.atMany(xs);
          for (const column of ['f', 'df', 'd2f']) assert.equal(many[column].length, count);
          // Every seventh point of a long list, and every point of the last piece's first and last eight.
          const checked = new Set();
          for (let i = 0; i < count; i += count > 1000 ? 7 : 1) checked.add(i);
          for (const from of [Math.floor((count - 1) / PIECE) * PIECE, count - 8]) {
            for (let i = Math.max(from, 0); i < Math.min(from + 8, count); i++) checked.add(i);
          }
          for (const i of checked) {
            const one = fn.at(xs[i]);
            for (const column of ['f', 'df', 'd2f']) {
              assert.ok(Object.is(many[column][i], one[column]), `${expression}: ${column} at ${xs[i]} is ${many[column][i]}, not ${one[column]}`);
            }
          }
        }
      } finally {
        fn.dispose();
      }
    }
  });

  test('a refused range or count is refused as before', () => {
    const fn = engine.compile('x^2');
    try {
      assert.throws(() => fn.sample(3, -3, 10), { name: 'SettingsError', message: /a < b/ });
      assert.throws(() => fn.sample(-3, 3, 1), { name: 'SettingsError', message: /from 2 to 1000000/ });
    } finally {
      fn.dispose();
    }
  });

  test('stationary points found on the grid are where f′ is zero or changes sign', () => {
    const fn = engine.compile('x^4 - 3x^2 + 2');
    try {
      const points = fn.stationaryPoints(-3, 3);
      assert.deepEqual(points.map((p) => p.kind), ['min', 'max', 'min']);
      assert.equal(points[1].x, 0);
      for (const p of points) assert.ok(Math.abs(fn.at(p.x).df) < 1e-12);
    } finally {
      fn.dispose();
    }
  });
});
