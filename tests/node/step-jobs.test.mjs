// What the worker says about single steps, run as the worker runs it against the built engine: why a run
// stopped (the engine's words for leaving the domain, the overshoot that made one diverge), a start outside
// the domain refused on x0, and the 'steps' job with the curve along a line search's ray.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { runExperiment } from '../../web/src/engine/experiment.js';
import { describedSteps } from '../../web/src/engine/described-steps.js';
import { divergenceCause, stepCause } from '../../web/src/engine/step-causes.js';

const REQUEST = {
  expression: 'x^4 - 3x^2 + 2', x0: -2.5, etas: [0.01, 0.1, 0.5], steps: 40, method: 'gd', methods: ['gd'],
  parameters: {}, parametersByMethod: { gd: {} }, training: { schedule: 'constant' }, xRange: [null, null],
};

describe('why a run stopped', () => {
  test('η = 0.5 diverges because |1 − η·f″| > 1 from step 0; the others have no cause', () => {
    const runs = runExperiment(engine, REQUEST).runs;
    assert.deepEqual(runs.map((run) => run.cause), [null, null, { k: 0, kind: 'overshoot', factor: Math.abs(1 - 0.5 * 69) }]);
    assert.ok(runs.every((run) => run.why === null));
  });

  test('a run that leaves the domain carries the engine\'s words', () => {
    const [run] = runExperiment(engine, { ...REQUEST, expression: 'x - 2log(x)', x0: 5, etas: [10], steps: 20 }).runs;
    assert.equal(run.status, 'undefined');
    assert.equal(run.why, 'log(x) is undefined at x = -1: its domain is x > 0');
  });

  test('a start outside the domain is refused on x0', () => {
    assert.throws(() => runExperiment(engine, { ...REQUEST, expression: 'log(x)', x0: -1 }),
      (error) => error.setting === 'x0' && error.message === 'log(x) is undefined at x = -1: its domain is x > 0');
  });

  test('the causes of a step: overshoot for gd only, unclipped; uphill for Newton where f″ < 0', () => {
    const step = { lr: 0.5, d2f: 69, g: -47.5, seen: -47.5 };
    assert.deepEqual(stepCause('gd', step), { kind: 'overshoot', factor: 33.5 });
    assert.equal(stepCause('gd', { ...step, g: -1 }), null, 'a clipped step');
    assert.equal(stepCause('momentum', step), null);
    assert.equal(stepCause('gd', { ...step, lr: 0.01 }), null);
    assert.deepEqual(stepCause('newton', { ...step, d2f: -6 }), { kind: 'uphill', d2f: -6 });
    const calm = { ...step, lr: 0.01, k: 0 };
    assert.deepEqual(divergenceCause('gd', [calm, { ...step, k: 1 }, { ...calm, k: 2 }, { ...step, k: 3 }, { ...step, k: 4 }]),
      { k: 3, kind: 'overshoot', factor: 33.5 });
  });
});

describe("the worker's 'steps' job", () => {
  test('a window of steps as engine.describeSteps gives them', () => {
    const request = { ...REQUEST, kind: 'steps', path: { method: 'momentum', eta: 0.01 }, from: 3, count: 4,
      parametersByMethod: { momentum: { beta: 0.9 } } };
    const { steps } = describedSteps(engine, request);
    const direct = engine.describeSteps({ expression: REQUEST.expression, x0: -2.5, eta: 0.01, steps: 40, method: 'momentum', beta: 0.9, from: 3, count: 4 });
    assert.deepEqual(steps.map((s) => [s.k, s.next, s.values.velocity]), direct.map((s) => [s.k, s.next, s.values.velocity]));
  });

  test('a line search\'s steps carry the curve along the ray and the trial points on it', () => {
    const request = { ...REQUEST, kind: 'steps', path: { method: 'armijo', eta: 1 }, from: 0, count: 2,
      parametersByMethod: { armijo: { c: 1e-4, shrink: 0.5 } } };
    const [step] = describedSteps(engine, request).steps;
    const t = step.values['accepted t'];
    const ends = [step.x, step.x - 2 * t * step.g].sort((a, b) => a - b);
    assert.deepEqual([step.ray.x[0], step.ray.x.at(-1)], ends);
    assert.deepEqual(step.ray.trials.map((p) => p.t), Array.from(step.trials));
    const accepted = step.ray.trials.at(-1);
    assert.equal(accepted.x, step.next);
    const fn = engine.compile(REQUEST.expression);
    assert.equal(accepted.f, fn.at(step.next).f);
    fn.dispose();
  });
});
