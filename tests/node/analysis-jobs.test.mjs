// The worker's "Many starts" job as the worker runs it against the built engine: every chosen method at
// every step size from the same seeded starts, each with its own hyperparameters and the shared training
// settings, reporting progress and stopping at its next yield once cancelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { multiStart } from '../../web/src/engine/analysis-jobs.js';

const REQUEST = {
  kind: 'multistart', expression: 'x^4 - 3x^2 + 2', etas: [0.01, 0.1], steps: 40, methods: ['gd', 'momentum', 'newton'],
  parametersByMethod: { gd: {}, momentum: { beta: 0.5 }, newton: {} }, training: { schedule: 'constant' },
  a: -3, b: 3, count: 20, seed: 7,
};
const listening = () => { const heard = []; return { heard, job: { cancelled: false, progress: (f) => heard.push(f) } }; };

test('many starts: each method at each η from the same starts, with its own hyperparameters; Newton once', async () => {
  const { heard, job } = listening();
  const answer = await multiStart(engine, REQUEST, job);
  assert.deepEqual(answer.methods, ['gd', 'momentum', 'newton']);
  assert.deepEqual(answer.runs.map((r) => `${r.method} ${r.eta}`), ['gd 0.01', 'gd 0.1', 'momentum 0.01', 'momentum 0.1', 'newton 0.01']);
  for (const run of answer.runs) assert.deepEqual(Array.from(run.x0), Array.from(answer.runs[0].x0), `${run.method} starts`);
  const momentum = engine.multiStart({ expression: REQUEST.expression, a: -3, b: 3, count: 20, seed: 7, eta: 0.1, steps: 40, method: 'momentum', beta: 0.5 });
  assert.deepEqual(Array.from(answer.runs[3].final), Array.from(momentum.final));
  assert.deepEqual(heard, [1 / 5, 2 / 5, 3 / 5, 4 / 5]);
});

test('many starts: the training settings reach every method', async () => {
  const clipped = await multiStart(engine, { ...REQUEST, etas: [0.1], training: { schedule: 'constant', clip: 0.5 } }, listening().job);
  const plain = await multiStart(engine, { ...REQUEST, etas: [0.1] }, listening().job);
  for (const i of [0, 1]) assert.notDeepEqual(Array.from(clipped.runs[i].final), Array.from(plain.runs[i].final), clipped.runs[i].method);
});

test('many starts: a cancelled job stops at its next yield', async () => {
  const { job } = listening();
  const pending = multiStart(engine, REQUEST, job);
  job.cancelled = true;
  assert.deepEqual(await pending, { kind: 'multistart', cancelled: true });
});
