// Hostile settings through the engine: each is refused with a SettingsError whose message names the
// setting, or runs and reports honestly what happened. None crashes the engine or hangs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, engineModule } from './built-engine.mjs';

const base = { expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.1, steps: 40, method: 'gd' };

// [what, settings changed from base, what the message says, the setting it names]
const refusedRuns = [
  ['steps negative', { steps: -1 }, /steps/, 'steps'],
  ['steps far beyond the cap', { steps: 1e12 }, /steps/, 'steps'],
  ['steps not a whole number', { steps: 2.5 }, /steps/, 'steps'],
  ['steps not a number', { steps: 'many' }, /steps must be a number/, 'steps'],
  ['steps missing', { steps: undefined }, /steps is required/, 'steps'],
  ['eta zero', { eta: 0 }, /^eta = 0 is out of range: the step size must satisfy 0 < eta$/, 'eta'],
  ['eta negative', { eta: -0.1 }, /^eta = -0.1 is out of range: the step size must satisfy 0 < eta$/, 'eta'],
  ['eta NaN', { eta: NaN }, /eta must be a number/, 'eta'],
  ['eta infinite', { eta: Infinity }, /^eta = inf is out of range: the step size must satisfy 0 < eta$/, 'eta'],
  ['eta a javascript: URL', { eta: 'javascript:alert(1)' }, /eta must be a number/, 'eta'],
  ['x0 infinite', { x0: -Infinity }, /start must be a finite number/, 'x0'],
  ['x0 not a number', { x0: 'left' }, /x0 must be a number/, 'x0'],
  ['tolerance negative', { tolerance: -1 }, /tolerance/, 'tolerance'],
  ['tolerance infinite', { tolerance: Infinity }, /tolerance/, 'tolerance'],
  ['tolerance not a number', { tolerance: 'tight' }, /tolerance must be a number/, 'tolerance'],
  ['method unknown', { method: 'sgd' }, /unknown method 'sgd'/, 'method'],
  ['beta of 1 for momentum', { method: 'momentum', beta: 1 }, /beta/, 'beta'],
  ['beta2 negative for adam', { method: 'adam', beta2: -0.5 }, /beta2/, 'beta2'],
  ['shrink above 1 for armijo', { method: 'armijo', shrink: 2 }, /shrink/, 'shrink'],
  ['eps zero for adagrad', { method: 'adagrad', eps: 0 }, /eps/, 'eps'],
];

// [what, settings changed from base, status, stoppedAt]
const honestRuns = [
  ['no steps at all', { steps: 0 }, 'max-steps', 0],
  ['eta 1e300 overflows at once', { eta: 1e300 }, 'diverged', 1],
  ['a start outside the domain', { expression: 'log(x)', x0: -1 }, 'undefined', 0],
  ['a start where f overflows', { expression: 'exp(x)', x0: 1000 }, 'diverged', 0],
  ['underflow keeps going', { expression: 'exp(-x)', x0: 800, eta: 1 }, 'max-steps', 40],
];

describe('hostile settings', () => {
  for (const [what, changes, message, setting] of refusedRuns) {
    test(`run refuses ${what}`, () => {
      assert.throws(() => engine.run({ ...base, ...changes }), (error) => {
        assert.ok(error instanceof engineModule.SettingsError, `${error.name}: ${error.message}`);
        assert.match(error.message, message);
        assert.equal(error.setting, setting, 'the error names the setting, so the page shows it on that field');
        return true;
      });
    });
  }

  for (const [what, changes, status, stoppedAt] of honestRuns) {
    test(`run reports ${what} as ${status}`, () => {
      const path = engine.run({ ...base, ...changes });
      assert.equal(path.status, status);
      assert.equal(path.stoppedAt, stoppedAt);
      assert.equal(path.x.length, stoppedAt + 1);
    });
  }

  test('sweeps and multi-starts beyond their caps are refused before any work', () => {
    const sweep = { expression: base.expression, x0: 1, etaMin: 0.01, etaMax: 0.5, burnIn: 500, keep: 50 };
    assert.throws(() => engine.sweep({ ...sweep, count: 1e6 }), engineModule.SettingsError);
    assert.throws(() => engine.sweep({ ...sweep, count: 400, burnIn: 1e9 }), engineModule.SettingsError);
    assert.throws(() => engine.sweep({ ...sweep, etaMin: 0 }), engineModule.SettingsError);
    assert.throws(() => engine.sweep({ ...sweep, etaMin: 1, etaMax: 0.5 }), engineModule.SettingsError);
    assert.throws(() => engine.sweep({ ...sweep, count: 2.5 }), engineModule.SettingsError);
    const starts = { expression: base.expression, a: -3, b: 3, seed: 1, eta: 0.1, steps: 40, method: 'gd' };
    assert.throws(() => engine.multiStart({ ...starts, count: 1e6 }), engineModule.SettingsError);
    assert.throws(() => engine.multiStart({ ...starts, count: 1000, steps: 1e7 }), engineModule.SettingsError);
    assert.throws(() => engine.multiStart({ ...starts, count: 50, a: 3, b: -3 }), engineModule.SettingsError);
    assert.throws(() => engine.multiStart({ ...starts, count: 50, seed: -1 }), engineModule.SettingsError);
  });

  test('sampling and stationary points refuse nonsense ranges', () => {
    const fn = engine.compile('x^2');
    try {
      assert.throws(() => fn.sample(1, -1, 10), engineModule.SettingsError);
      assert.throws(() => fn.sample(0, 1, 1e9), engineModule.SettingsError);
      assert.throws(() => fn.sample(0, Infinity, 10), engineModule.SettingsError);
      assert.throws(() => fn.stationaryPoints(NaN, 1), engineModule.SettingsError);
    } finally {
      fn.dispose();
    }
  });
});
