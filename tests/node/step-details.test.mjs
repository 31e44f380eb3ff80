// The arithmetic of each step, as the engine reports it for the step-through, against the same steps
// computed by hand: every method family, the training settings, and the limits of the request.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';

const quartic = { expression: 'x^4 - 3x^2 + 2', x0: -2.5, eta: 0.1, steps: 40 };
const f = (x) => (x * x) * (x * x) - 3 * (x * x) + 2;
const df = (x) => 4 * ((x * x) * x) - 6 * x;
const d2f = (x) => 12 * (x * x) - 6;
const steps = (settings, from = 0, count = 3) => engine.describeSteps({ ...settings, from, count });

describe('the arithmetic of a step, as the engine reports it', () => {
  test('gd: x_{k+1} = x_k − η·f\'(x_k) = −2.5 − 0.1·(−47.5) = 2.25, with f and f\'\' at x_k', () => {
    const [first, second] = steps({ ...quartic, method: 'gd' });
    assert.deepEqual([first.k, first.x, first.f, first.df, first.d2f], [0, -2.5, f(-2.5), df(-2.5), d2f(-2.5)]);
    assert.equal(first.df, -47.5);
    assert.equal(first.next, -2.5 - 0.1 * -47.5);
    assert.equal(first.next, 2.25);
    assert.deepEqual([first.g, first.lr, first.noise], [-47.5, 0.1, 0]);
    assert.equal(second.x, first.next);
  });

  test('momentum: the velocity v = β·v + g, and x_{k+1} = x_k − η·v', () => {
    const [a, b] = steps({ ...quartic, eta: 0.01, method: 'momentum' });
    assert.equal(a.values.velocity, a.g);
    assert.equal(b.values.velocity, 0.9 * a.values.velocity + b.g);
    assert.equal(b.next, b.x - 0.01 * b.values.velocity);
  });

  test('nesterov: the direction g + β·v', () => {
    const [, b] = steps({ ...quartic, eta: 0.01, method: 'nesterov' });
    assert.equal(b.values.direction, b.g + 0.9 * b.values.velocity);
    assert.equal(b.next, b.x + (-0.01) * b.values.direction);
  });

  test('adam: the moments, the bias corrections and the effective step', () => {
    const [a, b] = steps({ ...quartic, method: 'adam' });
    assert.equal(a.values['first moment'], (1 - 0.9) * a.g);
    assert.equal(a.values['second moment'], ((1 - 0.999) * a.g) * a.g);
    assert.equal(b.values['first moment'], a.values['first moment'] * 0.9 + (1 - 0.9) * b.g);
    assert.ok(Math.abs(b.values['bias correction 1'] - (1 - 0.9 ** 2)) < 1e-15);
    const { 'step size': stepSize, denominator } = b.values;
    assert.equal(b.next, b.x + (-stepSize * b.values['first moment']) / denominator);
    assert.equal(b.values['effective step'], stepSize / denominator);
  });

  test('adagrad and rmsprop: the accumulator and the denominator', () => {
    const [a] = steps({ ...quartic, method: 'adagrad' });
    assert.equal(a.values['sum of squares'], a.g * a.g);
    assert.equal(a.values.denominator, Math.sqrt(a.g * a.g) + 1e-10);
    const [r] = steps({ ...quartic, method: 'rmsprop' });
    assert.equal(r.values['square average'], ((1 - 0.99) * r.g) * r.g);
  });

  test('armijo: the trial steps, halving from η, the accepted t and the backtracks', () => {
    const [a] = steps({ ...quartic, eta: 1, method: 'armijo' });
    assert.ok(a.trials.length >= 2);
    a.trials.forEach((t, i) => assert.equal(t, 0.5 ** i));
    assert.equal(a.values['accepted t'], a.trials[a.trials.length - 1]);
    assert.equal(a.values.backtracks, a.trials.length - 1);
    assert.equal(a.next, a.x - a.values['accepted t'] * a.g);
  });

  test('newton: f\'\' and the ratio g/f\'\'', () => {
    const [a] = steps({ ...quartic, method: 'newton' });
    assert.equal(a.values["f''"], d2f(-2.5));
    assert.equal(a.values.ratio, -47.5 / 69);
    assert.equal(a.next, -2.5 - -47.5 / 69);
  });

  test('the training settings: the scheduled η_k, the noise drawn and the clipped gradient', () => {
    const described = steps({ ...quartic, method: 'gd', schedule: 'step', stepSize: 2, gamma: 0.5, clip: 1, noise: 0.3, seed: 5 }, 0, 4);
    const run = engine.run({ ...quartic, method: 'gd', schedule: 'step', stepSize: 2, gamma: 0.5, clip: 1, noise: 0.3, seed: 5 });
    assert.deepEqual(described.map((s) => s.lr), [0.1, 0.1, 0.05, 0.05]);
    described.forEach((s) => {
      assert.equal(s.seen, s.df + s.noise);
      assert.ok(Math.abs(s.g) <= 1);
      assert.notEqual(s.noise, 0);
      assert.equal(s.g, run.g[s.k]);
      assert.equal(s.next, run.x[s.k + 1]);
    });
  });

  test('a window of steps deep in the run is the run\'s own', () => {
    const run = engine.run({ ...quartic, eta: 0.01, method: 'momentum' });
    const window = steps({ ...quartic, eta: 0.01, method: 'momentum' }, 30, 5);
    assert.deepEqual(window.map((s) => s.k), [30, 31, 32, 33, 34]);
    window.forEach((s) => assert.equal(s.x, run.x[s.k]));
  });

  test('a run that stops first describes only the steps it took; bad windows name their setting', () => {
    const short = steps({ expression: 'x - 2log(x)', x0: 5, eta: 10, steps: 20, method: 'gd' }, 0, 10);
    assert.equal(short.length, 1);
    assert.throws(() => steps(quartic, 40, 1), (e) => e.setting === 'from');
    assert.throws(() => steps(quartic, 0, 5000), (e) => e.setting === 'count');
    assert.throws(() => steps(quartic, Infinity, 1), (e) => e.setting === 'from');
    assert.throws(() => steps(quartic, 1.5, 1), (e) => e.setting === 'from');
    assert.throws(() => steps(quartic, 0, 2.5), (e) => e.setting === 'count');
  });
});
