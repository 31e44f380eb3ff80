// What the exported files are called and titled (web/src/ui/export-names.js), and which steps an animation
// of the paths shows for how long (web/src/ui/step-frames.js). The files themselves are read back in
// tests/browser/export.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { experimentOf, exportFileName, exportTitle, safeSlug } from '../../web/src/ui/export-names.js';
import { answerAtStep, frameDelays, frameSteps, HOLD_MS, MAX_FRAMES } from '../../web/src/ui/step-frames.js';

const experiment = (expression, methods, etas) => ({ expression, methods, etas });

// experiment | what | file name | title
const NAMES = [
  [experiment('x^4 - 3x^2 + 2', ['gd'], [0.01, 0.1, 0.5]), 'path.png',
    'descent-x4-3x2+2-gd-eta0.01,0.1,0.5-path.png', 'x^4 − 3x^2 + 2 · gd · η = 0.01, 0.1, 0.5'],
  // Python's spelling and the engine's printed form name the same file as the typed one.
  [experiment('x**4 - 3*x**2 + 2', ['gd'], [0.01, 0.1, 0.5]), 'path.gif',
    'descent-x4-3x2+2-gd-eta0.01,0.1,0.5-path.gif', 'x^4 − 3x^2 + 2 · gd · η = 0.01, 0.1, 0.5'],
  [experiment('x^4 - 3*x^2 + 2', ['gd', 'adam'], [0.1]), 'trajectories.csv',
    'descent-x4-3x2+2-gd,adam-eta0.1-trajectories.csv', 'x^4 − 3x^2 + 2 · gd, adam · η = 0.1'],
  // Newton picks its own step: no η to name. Brackets and slashes become underscores; an exponent keeps its minus.
  [experiment('sin(x)/x + 1e-3*x^2', ['newton'], [0.1]), 'path.webm',
    'descent-sin_x_x+1e-3x2-newton-path.webm', 'sin(x)/x + 1e-3*x^2 · newton'],
  // A step size is written as a person reads it.
  [experiment('x^2', ['gd'], [0.30000000000000004, 1e-7]), 'loss.png', 'descent-x2-gd-eta0.3,1e-7-loss.png',
    'x^2 · gd · η = 0.3, 1e-7'],
  // Nothing but punctuation in f still leaves a name.
  [experiment('(((x)))', ['gd'], [1]), 'path.png', 'descent-x-gd-eta1-path.png', '(((x))) · gd · η = 1'],
];

describe('export names', () => {
  for (const [request, what, name, title] of NAMES) {
    test(`${request.expression} ${what}`, () => {
      assert.equal(exportFileName(request, what), name);
      assert.equal(exportTitle(request), title);
    });
  }

  test('a name keeps to safe characters and a bounded length, and still ends with what it holds', () => {
    const long = experiment(`${'sin(cos(x))*exp(-x^2)/'.repeat(20)}1`, ['gd', 'momentum', 'nesterov', 'adam'],
      [0.123456789, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    const name = exportFileName(long, 'trajectories.csv');
    assert.match(name, /^[A-Za-z0-9.,+_-]+$/);
    assert.ok(name.length <= 120, `${name.length} characters`);
    assert.ok(name.endsWith('-trajectories.csv'), name);
    assert.match(exportTitle(long), /^.{59}… · gd, momentum, nesterov, adam · η = 0\.123457, 0\.2,/u, 'a long f is cut in the title');
    for (const hostile of ['../../etc/passwd', 'x; rm -rf ~', 'x\u0000\n\t"<>|?*:\\', 'π·x²']) {
      assert.match(safeSlug(hostile, 40), /^[A-Za-z0-9+-][A-Za-z0-9.,+_-]*$|^$/, hostile);
    }
  });

  test('an image is named from the answer it draws', () => {
    const answer = {
      formulas: { f: { text: 'x^4 - 3*x^2 + 2' } },
      runs: [{ method: 'gd', eta: 0.1 }, { method: 'gd', eta: 0.5 }, { method: 'adam', eta: 0.1 }, { method: 'adam', eta: 0.5 }],
    };
    assert.deepEqual(experimentOf(answer), experiment('x^4 - 3*x^2 + 2', ['gd', 'adam'], [0.1, 0.5]));
  });
});

const run = (ks) => ({ k: Uint32Array.from(ks), x: Float64Array.from(ks), f: Float64Array.from(ks), df: Float64Array.from(ks),
  status: 'diverged', stoppedAt: ks.at(-1) });

describe('step frames', () => {
  test('one frame per step up to the cap, then evenly spaced steps from the first to the last', () => {
    assert.deepEqual(frameSteps([run([0, 1, 2, 3])]), [0, 1, 2, 3]);
    const long = frameSteps([run([0, 5, 3000]), run([0, 1, 2])]);
    assert.equal(long.length, MAX_FRAMES);
    assert.equal(long[0], 0);
    assert.equal(long.at(-1), 3000);
    assert.ok(long.every((k, i) => i === 0 || k > long[i - 1]), 'increasing');
    assert.deepEqual(frameSteps([run([0])]), [0]);
  });

  test('frames share the time; the last is held', () => {
    assert.deepEqual(frameDelays(41), [...Array(40).fill(146), HOLD_MS]);
    assert.ok(frameDelays(MAX_FRAMES).slice(0, -1).every((ms) => ms >= 60), 'no frame is too quick to see');
    assert.equal(frameDelays(2)[0], 400, 'nor too slow');
  });

  test('at step k each path is cut after k, and a path that ends later is not yet said to have diverged', () => {
    const answer = { runs: [run([0, 1, 2, 6, 9]), run([0, 1])], bands: { some: 'bands' } };
    const at2 = answerAtStep(answer, 2);
    assert.deepEqual([...at2.runs[0].k], [0, 1, 2]);
    assert.deepEqual([...at2.runs[0].x], [0, 1, 2]);
    assert.equal(at2.runs[0].status, 'max-steps');
    assert.equal(at2.runs[1], answer.runs[1], 'a path that has ended is drawn whole, with how it ended');
    assert.equal(at2.bands, null);
    assert.equal(answerAtStep(answer, 9).runs[0].status, 'diverged');
    assert.deepEqual([...answerAtStep(answer, 5).runs[0].k], [0, 1, 2], 'a thinned path shows the points kept up to k');
  });
});
