// Every number a preset's notice quotes, held to the engine: each preset is run the way the page runs it
// (checkState, then runExperiment against the built engine), and each of its checks (web/src/ui/presets.js says
// what they mean) is measured on the answer and compared at the decimals the notice shows it to. A notice may
// quote no number that is neither checked nor one of the preset's own settings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { checkState, DEFAULT_STATE } from '../../web/src/state/state.js';
import { runExperiment } from '../../web/src/engine/experiment.js';
import { PRESETS } from '../../web/src/ui/presets.js';

// Notation shared by every notice: its digits are not results.
const NOTATION = ['2/f″'];
const NUMBER = /[−+-]?\d+(?:\.\d+)?/g;

const toNumber = (text) => Number(text.replace('−', '-'));
const decimalsOf = (text) => (text.split('.')[1] ?? '').length;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The one number in a check's shown words, as text.
function numberIn(shown) {
  const found = shown.match(NUMBER) ?? [];
  assert.equal(found.length, 1, `'${shown}' should hold exactly one number`);
  return found[0];
}

function experiment(state) {
  const { request, errors } = checkState(state);
  assert.deepEqual(errors, {}, `the preset's state is valid: ${JSON.stringify(state)}`);
  return { request, answer: runExperiment(engine, request) };
}

// A run's whole path: presets are short enough that the experiment keeps every step (no thinning).
function wholePath(run) {
  run.k.forEach((k, i) => assert.equal(k, i, 'the path is not thinned'));
  return Array.from(run.x.slice(0, run.stoppedAt + 1));
}

function nearest(answer, run, kind) {
  const points = answer.landmarks.filter((p) => p.kind === kind);
  assert.ok(points.length > 0, `a ${kind} is in view`);
  const end = run.final.x;
  return points.reduce((best, p) => (Math.abs(p.x - end) < Math.abs(best.x - end) ? p : best));
}

function stepsToSettle(x, within = 1e-4) {
  const end = x[x.length - 1];
  let k = x.length - 1;
  while (k > 0 && Math.abs(x[k - 1] - end) <= within) k--;
  return k;
}

const QUANTITIES = {
  'final x': (run) => run.final.x,
  'x at step': (run, answer, check) => wholePath(run)[check.step],
  'lowest x over the last steps': (run, answer, check) => Math.min(...wholePath(run).slice(-check.last)),
  'highest x over the last steps': (run, answer, check) => Math.max(...wholePath(run).slice(-check.last)),
  'largest step': (run) => {
    const x = wholePath(run);
    return Math.max(...x.slice(1).map((xk, k) => Math.abs(xk - x[k])));
  },
  'steps to settle': (run) => stepsToSettle(wholePath(run)),
  'diverged at step': (run) => {
    assert.equal(run.status, 'diverged');
    return run.stoppedAt;
  },
  'distance ratio each step': (run, answer) => {
    const { x: minimum } = nearest(answer, run, 'min');
    const x = wholePath(run);
    return x.slice(1).map((xk, k) => Math.abs(xk - minimum) / Math.abs(x[k] - minimum));
  },
  'minimum x': (run, answer) => nearest(answer, run, 'min').x,
  'maximum x': (run, answer) => nearest(answer, run, 'max').x,
  '2/f″ at the minimum': (run, answer) => nearest(answer, run, 'min').etaMax,
  'distance to the minimum': (run, answer) => Math.abs(run.final.x - nearest(answer, run, 'min').x),
};

// What the engine says for one check: a number, a list of numbers, or a status.
function measure(preset, check, experiments) {
  const state = { ...DEFAULT_STATE, ...preset.state, ...check.run };
  const key = JSON.stringify(state);
  if (!experiments.has(key)) experiments.set(key, experiment(state));
  const { request, answer } = experiments.get(key);
  if (check.setting) return request.parameters[check.setting];
  const run = answer.runs[(check.path ?? 1) - 1];
  assert.ok(run, `path ${check.path} exists`);
  if (check.status) return run.status;
  const quantity = QUANTITIES[check.quantity];
  assert.ok(quantity, `known quantity '${check.quantity}'`);
  return quantity(run, answer, check);
}

// Whether the engine's value reads as the notice shows it (or keeps within the notice's bound).
function agrees(value, check) {
  if (check.status) return value === check.status;
  const values = [value].flat();
  assert.ok(values.length > 0 && values.every(Number.isFinite), `a finite value, got ${value}`);
  if (check.atMost !== undefined) return values.every((v) => v <= check.atMost);
  const shown = numberIn(check.shown);
  const decimals = check.decimals ?? decimalsOf(shown);
  return values.every((v) => Number(v.toFixed(decimals)) === Number(toNumber(shown).toFixed(decimals)));
}

// The notice with every checked phrase and every formula taken out: what is left may quote only settings.
function uncheckedNumbers(preset) {
  let rest = preset.notice;
  for (const phrase of [...NOTATION, ...(preset.notation ?? []), ...preset.checks.map((c) => c.shown)]) {
    rest = rest.replaceAll(phrase, ' ');
  }
  const given = new Set([
    ...Object.values(preset.state).flatMap((value) => value.split(',')).map(toNumber),
    ...preset.checks.flatMap((c) => [c.step, c.last]).filter((n) => n !== undefined),
  ]);
  return (rest.match(NUMBER) ?? []).filter((token) => !given.has(toNumber(token)));
}

describe('every preset\'s notice, held to the engine', () => {
  for (const preset of PRESETS) {
    describe(preset.title, () => {
      const experiments = new Map();
      test('has checks, and quotes no number that is not checked or one of its settings', () => {
        assert.ok(preset.checks?.length > 0, 'the preset lists its checks');
        assert.deepEqual(uncheckedNumbers(preset), [], preset.notice);
        assert.ok(preset.notice.split(/[.!?](?:\s|$)/).filter(Boolean).length <= 2, 'two sentences at most');
      });
      for (const check of preset.checks) {
        const about = check.setting ?? check.status ?? check.quantity;
        const other = check.run ? ` (with ${JSON.stringify(check.run)})` : '';
        test(`'${check.shown}': ${about} of path ${check.path ?? 1}${other}`, () => {
          const number = /\d/.test(check.shown) ? numberIn(check.shown) : null;
          const inText = number
            ? new RegExp(`${escape(check.shown.replace(number, '\u0000')).replace('\u0000', `(?<![\\d.])${escape(number)}(?![\\d]|\\.\\d)`)}`)
            : new RegExp(escape(check.shown));
          assert.match(preset.notice, inText, 'the notice says it');
          const value = measure(preset, check, experiments);
          assert.ok(agrees(value, check), `the engine says ${JSON.stringify(value)}, the notice '${check.shown}'`);
        });
      }
    });
  }
});
