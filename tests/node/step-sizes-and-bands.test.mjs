// What the worker adds for the training lessons, run as the worker runs it against the built engine: the
// step sizes along each path (η_k, 2/f″(x_k), the step taken), the noise bands over many seeds, and the
// CSV with the training settings in it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { runExperiment } from '../../web/src/engine/experiment.js';
import { BAND_SEEDS, noiseBands } from '../../web/src/engine/noise-bands.js';
import { trajectoryCsv } from '../../web/src/engine/trajectories.js';

const REQUEST = {
  expression: 'x^2', x0: 2, etas: [0.1, 0.3], steps: 200, method: 'gd', methods: ['gd'], parameters: {},
  parametersByMethod: { gd: {} }, training: { schedule: 'constant' }, xRange: [null, null],
};
const JOB = { cancelled: false, progress() {} };

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
const tail = (values, count = 50) => mean(Array.from(values.subarray(values.length - count)));

describe('step sizes along a path', () => {
  test('η_k is the schedule\'s, 2/f″ is 1 on x², and gradient descent\'s step taken is η_k', () => {
    const request = { ...REQUEST, etas: [0.4], steps: 40, training: { schedule: 'step', stepSize: 10, gamma: 0.5 } };
    const [run] = runExperiment(engine, request).runs;
    assert.deepEqual(Array.from(run.k), Array.from({ length: 41 }, (_, k) => k));
    for (let k = 0; k < 40; k++) {
      assert.equal(run.lr[k], 0.4 * 0.5 ** Math.floor(k / 10), `η_${k}`);
      assert.equal(run.etaMax[k], 1);
      assert.ok(Math.abs(run.taken[k] - run.lr[k]) <= 1e-12, `step ${k} taken ${run.taken[k]}`);
    }
    assert.ok(Number.isNaN(run.taken[40]), 'the last point takes no step');
  });

  test('where f″ <= 0 there is no limit; momentum\'s and Newton\'s steps are not η', () => {
    const request = { ...REQUEST, expression: 'x^4 - 3x^2 + 2', x0: 0.3, etas: [0.01], steps: 30, methods: ['momentum', 'newton'],
      parametersByMethod: { momentum: { beta: 0.9 }, newton: {} } };
    const [momentum, newton] = runExperiment(engine, request).runs;
    assert.ok(Number.isNaN(momentum.etaMax[0]), 'f″(0.3) < 0');
    assert.ok(Math.abs(momentum.taken[5] - 0.01) > 1e-3, `momentum's step 5 is ${momentum.taken[5]}`);
    // Newton's step is 1/f″: half the limit wherever that exists.
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(newton.taken[i] - 1 / (12 * newton.x[i] ** 2 - 6)) < 1e-9);
  });
});

describe('noise bands', () => {
  const noisy = (schedule) => ({ ...REQUEST, training: { schedule, noise: 1, seed: 7 } });

  test(`${BAND_SEEDS} seeds from the given one; the band brackets its median at every kept step`, async () => {
    const bands = await noiseBands(engine, noisy('constant'), JOB);
    assert.deepEqual(bands.seeds, [7, 7 + BAND_SEEDS - 1]);
    const answer = runExperiment(engine, noisy('constant'));
    bands.runs.forEach((band, i) => {
      assert.deepEqual(Array.from(band.k), Array.from(answer.runs[i].k), 'the experiment\'s kept steps');
      for (let j = 0; j < band.k.length; j++) {
        assert.ok(band.fLow[j] <= band.fMedian[j] && band.fMedian[j] <= band.fHigh[j], `step ${band.k[j]}`);
      }
      assert.equal(band.fLow[0], 4, 'every seed starts at f(x0)');
      assert.equal(band.fHigh[0], 4);
      // The median path's points on the curve: f at each median x.
      assert.equal(band.fAtMedian.length, band.xMedian.length);
      band.xMedian.forEach((x, j) => assert.ok(Object.is(band.fAtMedian[j], x * x), `f(${x}) = ${band.fAtMedian[j]}`));
    });
  });

  test('a constant η hovers in a noise ball that grows with η; cosine annealing settles below it', async () => {
    const [slow, fast] = (await noiseBands(engine, noisy('constant'), JOB)).runs;
    const [slowCosine, fastCosine] = (await noiseBands(engine, noisy('cosine'), JOB)).runs;
    assert.ok(tail(fast.fMedian) > 2 * tail(slow.fMedian), `median f: ${tail(fast.fMedian)} (η = 0.3) vs ${tail(slow.fMedian)} (η = 0.1)`);
    assert.ok(tail(slowCosine.fHigh, 10) < tail(slow.fHigh, 10) / 3, 'η = 0.1 decayed ends in a smaller band');
    assert.ok(tail(fastCosine.fHigh, 10) < tail(fast.fHigh, 10) / 3, 'η = 0.3 decayed ends in a smaller band');
  });

  test('a cancelled job stops at its next yield', async () => {
    const long = { ...noisy('constant'), steps: 200_000 };
    assert.deepEqual(await noiseBands(engine, long, { cancelled: true, progress() {} }), { cancelled: true });
  });
});

test('the CSV is the runs the charts show, noise and schedule included, in the CLI\'s columns', () => {
  const request = { ...REQUEST, etas: [0.1], steps: 20, training: { schedule: 'exponential', gamma: 0.9, noise: 0.5, seed: 3 } };
  const [header, ...rows] = trajectoryCsv(engine, request).csv.trim().split('\n');
  assert.equal(header, 'eta,k,x,f,df,g,lr');
  const run = engine.run({ expression: 'x^2', x0: 2, eta: 0.1, steps: 20, method: 'gd', ...request.training });
  rows.map((row) => row.split(',').map(Number)).forEach(([, k, x, , , g, lr]) => {
    assert.equal(x, run.x[k]);
    assert.equal(g, run.g[k]);
    assert.equal(lr, run.lr[k]);
  });
});
