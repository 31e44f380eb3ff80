// The settings table walked end to end: every bound of every setting of a run in engine.settings, the value
// on it and the nearest value on each side, is accepted or refused alike by the engine, the CLI and the
// page (its typed state checked, then the experiment run as the worker runs it). A refusal names the
// setting everywhere: the engine's error.setting, the page's field, the CLI's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engine } from './built-engine.mjs';
import { checkState, DEFAULT_STATE, fieldOf } from '../../web/src/state/state.js';
import { runExperiment } from '../../web/src/engine/experiment.js';

const cli = fileURLToPath(new URL('../../build/descent', import.meta.url));
const table = engine.settings;

// The next double from x towards `direction` (+1 or -1).
function nextDouble(x, direction) {
  if (x === 0) return direction * Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += (x > 0) === (direction > 0) ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

// A short run; tolerance 1e300 stops it at once where many steps are asked for.
const BASE = { expression: 'x^2', x0: 1, eta: 0.1, steps: 3, method: 'gd' };

// A run whose method or schedule reads the setting.
function settingsFor(setting, value) {
  const reader = table.methods.find((m) => m.hyperparameters.some((h) => h.name === setting.name));
  const schedule = table.schedules.find((s) => s.parameters.some((p) => p.name === setting.name));
  const settings = { ...BASE, method: reader?.name ?? 'gd', schedule: schedule?.name ?? 'constant', [setting.name]: value };
  if (setting.name === 'steps' && value > 100) settings.tolerance = 1e300;
  return settings;
}

// What each of the three says: null when it ran, else the setting it named.
function engineSays(settings) {
  try {
    engine.run(settings);
    return null;
  } catch (error) {
    assert.equal(error.name, 'SettingsError', error.message);
    return error.setting;
  }
}

function cliSays(settings) {
  const args = ['run', settings.expression];
  // The CLI spells each setting in kebab case: stepSize is --step-size.
  const option = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const [name, value] of Object.entries(settings)) if (name !== 'expression') args.push(`--${option(name)}`, String(value));
  const result = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status === 0) return null;
  const named = /^descent: error: (\w+) = /.exec(result.stderr);
  assert.ok(named, `the CLI names the setting: ${result.stderr}`);
  return named[1];
}

function pageSays(settings) {
  const state = { ...DEFAULT_STATE, f: settings.expression, method: settings.method, schedule: settings.schedule };
  for (const [name, value] of Object.entries(settings)) {
    if (!['expression', 'method', 'schedule'].includes(name)) state[fieldOf(name)] = String(value);
  }
  const { request, errors } = checkState(state);
  assert.deepEqual(errors, {}, 'the page leaves ranges to the engine');
  try {
    runExperiment(engine, request);
    return null;
  } catch (error) {
    assert.ok(state[fieldOf(error.setting)] !== undefined, `the refusal names a field: ${error.setting}`);
    return error.setting;
  }
}

const rows = [];
for (const setting of table.run) {
  for (const [bound, open, outward] of [[setting.min, setting.minOpen, -1], [setting.max, setting.maxOpen, 1]]) {
    if (bound === null) continue;
    const step = (direction) => (setting.whole ? bound + direction : nextDouble(bound, direction));
    rows.push([setting, bound, !open], [setting, step(-outward), true], [setting, step(outward), false]);
  }
}

test('the walk covers every bounded setting of a run on both sides of each bound', () => {
  const bounded = table.run.filter((s) => s.min !== null || s.max !== null).map((s) => s.name);
  assert.deepEqual([...new Set(rows.map(([s]) => s.name))], bounded);
  assert.ok(rows.length >= 3 * bounded.length);
});

for (const [setting, value, accepted] of rows) {
  test(`${setting.name} = ${value} is ${accepted ? 'accepted' : 'refused'} (${setting.rule}) by the engine, the CLI and the page`, () => {
    const settings = settingsFor(setting, value);
    const expected = accepted ? null : setting.name;
    assert.equal(engineSays(settings), expected, 'engine');
    assert.equal(cliSays(settings), expected, 'CLI');
    assert.equal(pageSays(settings), expected, 'page');
  });
}
