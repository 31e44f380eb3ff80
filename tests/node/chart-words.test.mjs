// What a screen reader hears for the charts and the x0 slider, from web/src's modules: each chart's
// summary for the runs it draws, the slider's round steps and its value as typed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lossSummary, pathSummary } from '../../web/src/ui/chart-summaries.js';
import { groupWords } from '../../web/src/ui/views/multistart-groups.js';
import { sweepWords } from '../../web/src/ui/views/sweep-summary.js';
import { roundStep, valueText } from '../../web/src/ui/x0-slider.js';

// A run as the worker sends it, with the fields the summaries read.
function run(eta, xs, fs, status = 'max-steps', extra = {}) {
  const stoppedAt = status === 'max-steps' ? xs.length - 1 : extra.stoppedAt;
  return {
    eta, status, stoppedAt, k: xs.map((_, i) => i), x: Float64Array.from(xs), f: Float64Array.from(fs),
    final: { x: xs[Math.min(stoppedAt, xs.length - 1)], f: fs[Math.min(stoppedAt, fs.length - 1)] }, ...extra,
  };
}
const answer = (...runs) => ({ start: { x: runs[0].x[0] }, runs });

const SETTLES = run(0.1, [-2.5, -1.5, -1.25, -1.2247, -1.2247, -1.2247], [22.3, 0.3, -0.2, -0.25, -0.25, -0.25]);
const CRAWLS = run(0.01, [-2.5, -2.0, -1.7, -1.5, -1.4, -1.33], [22.3, 6, 1.7, 0.3, -0.04, -0.18]);
// Within reach of its end only for its last two points: still on its way, not settled.
const LATE = run(0.02, [-2.5, -2.2, -2, -1.8, -1.6, -1.5, -1.4, -1.3, -1.26, -1.2248, -1.2247],
  [22.3, 12, 6, 2, 0.7, 0.3, 0.04, -0.1, -0.2, -0.2499, -0.25]);
const DIVERGES = run(0.5, [-2.5, 21.25, -19110, Infinity], [22.3, 2.03e5, 1.3e17, Infinity], 'diverged', { stoppedAt: 3 });
const LEAVES = run(10, [3, -1, NaN], [0.8, NaN, NaN], 'undefined', { stoppedAt: 1, why: 'log(x) is undefined at x = -1: its domain is x > 0' });
const CONVERGES = run(0.5, [3, 2, 2], [1, 0, 0], 'converged', { stoppedAt: 2 });
const FLAT = run(0.1, [1, 1, 1], [4, 4, 4]);

describe('the charts in words', () => {
  const cases = [
    // [runs, path summary, loss summary]
    [[SETTLES], 'From x₀ = −2.5: η = 0.1 settles at x = −1.225 by step 3.', 'η = 0.1: f falls from 22.3 to −0.25 by step 3.'],
    [[CRAWLS], 'From x₀ = −2.5: η = 0.01 ends at x = −1.33 after 5 steps, still moving.',
      'η = 0.01: f falls from 22.3 to −0.18 over 5 steps, still changing.'],
    [[LATE], 'From x₀ = −2.5: η = 0.02 ends at x = −1.225 after 10 steps, still moving.',
      'η = 0.02: f falls from 22.3 to −0.25 over 10 steps, still changing.'],
    [[DIVERGES], 'From x₀ = −2.5: η = 0.5 diverges at step 3.',
      'η = 0.5: f climbs from 22.3 to 1.3e+17, then the run diverges at step 3.'],
    [[LEAVES], 'From x₀ = 3: η = 10 leaves the domain at step 1 (log(x) is undefined at x = -1: its domain is x > 0).',
      'η = 10: f starts at 0.8, then is undefined at step 1.'],
    [[CONVERGES], 'From x₀ = 3: η = 0.5 converges to x = 2 at step 2.', 'η = 0.5: f falls from 1 to 0 and converges at step 2.'],
    [[FLAT], 'From x₀ = 1: η = 0.1 settles at x = 1 by step 0.', 'η = 0.1: f stays at 4.'],
    [[{ ...SETTLES, label: 'momentum, η = 0.1' }, DIVERGES],
      'From x₀ = −2.5: momentum, η = 0.1 settles at x = −1.225 by step 3; η = 0.5 diverges at step 3.',
      'momentum, η = 0.1: f falls from 22.3 to −0.25 by step 3; η = 0.5: f climbs from 22.3 to 1.3e+17, then the run diverges at step 3.'],
  ];
  for (const [runs, path, loss] of cases) {
    test(path, () => {
      assert.equal(pathSummary(answer(...runs)), path);
      assert.equal(lossSummary(answer(...runs)), loss);
    });
  }
});

describe('the x0 slider', () => {
  const steps = [
    // [span of the range, step, decimals]
    [6, 0.01, 2],
    [6.37, 0.02, 2],
    [2.9, 0.005, 3],
    [40, 0.1, 1],
    [123456, 500, 0],
    [0.003, 0.000005, 6],
  ];
  for (const [span, step, decimals] of steps) {
    test(`a range ${span} wide steps by ${step}`, () => {
      const round = roundStep(span);
      assert.ok(Math.abs(round.step - step) <= 1e-12 * step, `${round.step}`);
      assert.equal(round.decimals, decimals);
    });
  }
  for (const [typed, heard] of [['-2.5', 'x0 = −2.5'], [' 1e-3 ', 'x0 = 1e−3'], ['3', 'x0 = 3']]) {
    test(`x0 typed as ${typed} is heard as ${heard}`, () => assert.equal(valueText(typed), heard));
  }
});

describe('the histograms and the sweep in words', () => {
  test('a histogram names every group with its count', () => {
    const groups = [
      { kind: 'min', label: 'min x = -1.225', count: 25 }, { kind: 'max', label: 'max x = 0', count: 0 },
      { kind: 'elsewhere', label: 'elsewhere', count: 1 }, { kind: 'diverged', label: 'diverged', count: 3 },
      { kind: 'undefined', label: 'left the domain', count: 2 },
    ];
    assert.equal(groupWords(groups, 31), 'of 31 starts, 25 end at min x = −1.225, 0 end at max x = 0, 1 elsewhere, 3 diverged, 2 left the domain');
  });

  // Columns of kept iterates per η, keep = 4: what each column shows, and the stretches they make.
  const column = {
    one: [1, 1, 1, 1], two: [0.5, 1.5, 0.5, 1.5], few: [0, 0.5, 1, 1.5], none: [NaN, NaN, NaN, NaN],
  };
  const sweep = (columns, status = columns.map(() => 'max-steps')) => ({
    eta: Float64Array.from(columns, (_, i) => 0.1 * (i + 1)), keep: 4, x: Float64Array.from(columns.flat()), status,
  });
  const cases = [
    [[column.one, column.one, column.two, column.none], null,
      'one point for η from 0.1 to 0.2; two points at η = 0.3; diverges at η = 0.4'],
    [[column.one, column.few], ['max-steps', 'undefined'], 'one point at η = 0.1; leaves the domain at η = 0.2'],
    [[column.one, column.two, column.one, column.two, column.one, column.two, column.few, column.none], null,
      'one point at η = 0.1; two points at η = 0.2; one point at η = 0.3; two points at η = 0.4; one point at η = 0.5; '
        + '2 more stretches; then diverges at η = 0.8'],
  ];
  for (const [columns, status, words] of cases) {
    test(words, () => assert.equal(sweepWords(sweep(columns, status ?? undefined), [0, 2]), words));
  }
});
