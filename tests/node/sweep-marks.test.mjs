// The sweep's diagrams: the stretches of η with nothing to draw are found and named, and a log η axis
// labels only as many ticks as fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankStretches, logTickLabel } from '../../web/src/ui/views/sweep-marks.js';

const keep = 2;
// Six step sizes: two settle, one diverges, one settles, two leave the domain.
const answer = {
  eta: Float64Array.from([0.01, 0.04, 0.16, 0.64, 2.56, 10.24]),
  x: Float64Array.from([1, 1, 1, 1, NaN, Infinity, 1, 1, NaN, NaN, NaN, NaN]),
  keep,
  status: ['max-steps', 'max-steps', 'diverged', 'max-steps', 'undefined', 'undefined'],
  scale: 'log',
};

test('blank step sizes make stretches reaching half way to their neighbours', () => {
  assert.deepEqual(blankStretches(answer), [
    { from: 0.08, to: 0.32, words: 'diverged' },
    { from: 1.28, to: 10.24, words: 'left the domain' },
  ]);
  assert.deepEqual(blankStretches({ ...answer, scale: 'linear' })[0], { from: 0.1, to: 0.4, words: 'diverged' });
  assert.deepEqual(blankStretches({ ...answer, x: answer.x.map(() => 1) }), []);
});

test('a log axis labels 1, 2, 5 per decade where there is room, else the powers of ten', () => {
  const ticks = [0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.07, 0.1, 0.6, 0.8, 1];
  const labels = (width) => ticks.map((value) => logTickLabel(value, 0.001, 1, width)).filter(Boolean);
  assert.deepEqual(labels(900), ['0.001', '0.002', '0.005', '0.01', '0.02', '0.1', '1']);
  assert.deepEqual(labels(300), ['0.001', '0.01', '0.1', '1']);
});
