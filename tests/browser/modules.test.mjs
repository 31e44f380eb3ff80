// The page's plain modules, without a browser: URL state, thinning, framing, and one whole experiment
// run the way the worker runs it, against the built engine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkState, DEFAULT_STATE, fieldOf, queryFromState, stateFromQuery } from '../../web/src/state/state.js';
import { thinIndices } from '../../web/src/engine/thin.js';
import { chooseXRange, chooseYRange } from '../../web/src/engine/viewport.js';
import { runExperiment } from '../../web/src/engine/experiment.js';
import { DIST } from './harness.mjs';

describe('URL state', () => {
  test('the seed-001 link reads back as typed', () => {
    const { state, problems } = stateFromQuery('?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd');
    assert.deepEqual(problems, []);
    assert.equal(state.f, 'x^4-3x^2+2');
    assert.equal(state.eta, '0.01,0.1,0.5');
    assert.equal(queryFromState(state), '?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd');
  });

  test('a hand-typed plus stays a plus', () => {
    assert.equal(stateFromQuery('?f=x^2+1').state.f, 'x^2+1');
  });

  // [state changes, query contains, query lacks]
  const rows = [
    [{ method: 'momentum', beta: '0.9' }, '&method=momentum', '&beta='],
    [{ method: 'momentum', beta: '0.5' }, '&beta=0.5', '&eps='],
    [{ method: 'gd', beta: '0.5' }, '&method=gd', '&beta='],
    [{ method: 'adam', eps: '1e-6' }, '&eps=1e-6', '&beta1='],
    [{ tol: '1e-9', xmin: '-3', xmax: '3', log: true }, '&tol=1e-9&xmin=-3&xmax=3&log=1', '&beta'],
  ];
  for (const [changes, has, lacks] of rows) {
    test(`${JSON.stringify(changes)} -> has ${has}, lacks ${lacks}`, () => {
      const query = queryFromState({ ...DEFAULT_STATE, ...changes });
      assert.ok(query.includes(has), query);
      assert.ok(!query.includes(lacks), query);
      const back = stateFromQuery(query).state;
      for (const [key, value] of Object.entries(changes)) {
        if (query.includes(`&${key}=`) || key === 'log') assert.equal(back[key], value);
      }
    });
  }

  test('bad links are reported, not thrown', () => {
    const { state, problems } = stateFromQuery('?f=%E0%A4%A&method=sgd&who=me');
    assert.equal(state.method, 'gd');
    assert.equal(problems.length, 3);
  });
});

describe('checking the typed state', () => {
  // [field, typed, message]: text that is no number, or the page's own settings (paths, chart range).
  // Whether a number is in range is the engine's to say: see "refused by the engine" below.
  const rejected = [
    ['x0', 'abc', /not a number/],
    ['x0', '', /starting point/],
    ['eta', '0.1, x', /not a number/],
    ['eta', '', /at least one/],
    ['eta', '1,2,3,4,5,6,7,8,9', /At most 8/],
    ['steps', 'many', /not a number/],
    ['tol', 'tight', /not a number/],
    ['xmax', '-5', /larger/],
  ];
  for (const [field, typed, message] of rejected) {
    test(`${field} = ${JSON.stringify(typed)}: ${message.source}`, () => {
      const state = { ...DEFAULT_STATE, xmin: field === 'xmax' ? '0' : '', [field]: typed };
      const { request, errors } = checkState(state);
      assert.equal(request, undefined);
      assert.match(errors[field], message);
    });
  }

  test('a good state becomes an engine request with the method defaults filled in', () => {
    const { request } = checkState({ ...DEFAULT_STATE, method: 'adam', beta2: '0.99', x0: '−1' });
    assert.deepEqual(request.etas, [0.01, 0.1, 0.5]);
    assert.equal(request.x0, -1);
    assert.deepEqual(request.parameters, { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0 });
    assert.deepEqual(request.training, { schedule: 'constant' });
    assert.deepEqual(request.xRange, [null, null]);
  });
});

describe('thinning a long path', () => {
  test('keeps first, last and the extremes, and at most the limit', () => {
    const n = 1_000_001;
    const x = new Float64Array(n).map((_, i) => Math.sin(i / 1000) * Math.exp(-i / 300_000));
    const f = x.map((v) => v * v);
    x[123_457] = 5;
    const kept = thinIndices(x, f, 2000);
    assert.ok(kept.length <= 2000, `${kept.length} kept`);
    assert.equal(kept[0], 0);
    assert.equal(kept[kept.length - 1], n - 1);
    assert.ok(kept.includes(123_457), 'the largest x is kept');
    for (let i = 1; i < kept.length; i++) assert.ok(kept[i] > kept[i - 1], 'in step order');
  });

  test('short paths are kept whole', () => {
    assert.deepEqual([...thinIndices(new Float64Array(5), new Float64Array(5))], [0, 1, 2, 3, 4]);
  });
});

describe('framing the chart', () => {
  const run = (status, xs) => ({ status, x: Float64Array.from(xs), f: Float64Array.from(xs, (v) => v * v) });

  test('a diverged path does not stretch the x range', () => {
    const [low, high] = chooseXRange([run('max-steps', [-2, -1, -1.2]), run('diverged', [-2, 20, -2e4, 1e60])], -2, [null, null]);
    assert.ok(low < -2 && low > -3 && high > -1 && high < 0, `${low}..${high}`);
  });

  test('a manual range wins, one side at a time', () => {
    assert.deepEqual(chooseXRange([run('max-steps', [0, 1])], 0, [-5, 5]), [-5, 5]);
    assert.equal(chooseXRange([run('max-steps', [0, 1])], 0, [-5, null])[0], -5);
  });

  test('a pole does not squash the y range', () => {
    const f = Float64Array.from({ length: 601 }, (_, i) => 1 / (i - 300.5));
    const [low, high] = chooseYRange(f, [], [-1, 1]);
    assert.ok(high < 1 && low > -1, `${low}..${high}`);
  });
});

const engineFile = path.join(DIST, 'engine.js');
describe('one experiment as the worker runs it', { skip: !existsSync(engineFile) && 'dist/engine.js is not built' }, () => {
  test('seed 001: three paths, the curve, the formulas and the minima', async () => {
    const { loadEngine } = await import(pathToFileURL(engineFile).href);
    const engine = await loadEngine();
    const { request } = checkState({ ...DEFAULT_STATE });
    const answer = runExperiment(engine, request);
    assert.equal(answer.formulas.df.text, '4*x^3 - 6*x');
    assert.deepEqual(answer.runs.map((r) => r.status), ['max-steps', 'max-steps', 'diverged']);
    assert.ok(Math.abs(answer.runs[1].final.x - -1.22474487) < 1e-8);
    assert.ok(answer.xRange[0] < -2.5 && answer.xRange[1] > 2.25 && answer.xRange[1] < 4);
    assert.equal(answer.curve.x.length, answer.curve.f.length);
    assert.deepEqual(answer.landmarks.map((p) => p.kind), ['min', 'max', 'min']);
  });

  // [changes to the default state, the field the refusal lands on, its message]: the engine's settings
  // table decides, and its error names the setting, which the page shows on that field.
  const refused = [
    [{ eta: '0.1, -1' }, 'eta', /^eta = -1 is out of range: the step size must satisfy 0 < eta$/],
    [{ steps: '2.5' }, 'steps', /^steps = 2.5 is out of range: the number of steps must be a whole number/],
    [{ steps: '2000000' }, 'steps', /steps <= 1000000$/],
    [{ tol: '-1' }, 'tol', /^tolerance = -1 is out of range: the tolerance must satisfy 0 <= tolerance$/],
    [{ method: 'adam', beta2: '1' }, 'beta2', /^beta2 = 1 is out of range for adam: .* 0 <= beta2 < 1$/],
    [{ method: 'rmsprop', alpha: '0' }, 'alpha', /0 < alpha < 1$/],
  ];
  for (const [changes, field, message] of refused) {
    test(`refused by the engine: ${JSON.stringify(changes)} on ${field}`, async () => {
      const { loadEngine } = await import(pathToFileURL(engineFile).href);
      const engine = await loadEngine();
      const { request, errors } = checkState({ ...DEFAULT_STATE, ...changes });
      assert.deepEqual(errors, {}, 'the page leaves the range to the engine');
      assert.throws(() => runExperiment(engine, request), (error) => {
        assert.equal(fieldOf(error.setting), field);
        assert.match(error.message, message);
        return true;
      });
    });
  }

  // Bounds the engine allows, which the page once refused on its own.
  for (const changes of [{ steps: '0' }, { method: 'adam', beta2: '0' }, { tol: '0' }, { method: 'momentum', beta: '0' }]) {
    test(`accepted: ${JSON.stringify(changes)}`, async () => {
      const { loadEngine } = await import(pathToFileURL(engineFile).href);
      const answer = runExperiment(await loadEngine(), checkState({ ...DEFAULT_STATE, ...changes }).request);
      assert.equal(answer.runs.length, 3);
    });
  }
});
