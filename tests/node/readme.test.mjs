// README.md's limits table states the bounds the C++ core enforces; each row is checked against the
// constant that sets it, so the table cannot drift from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

// [constant, header or source that defines it, README row]
const limits = [
  ['kMaxInputLength', 'cpp/expr/limits.hpp', 'length of one expression'],
  ['kMaxNesting', 'cpp/expr/limits.hpp', 'nesting (brackets, calls, signs and powers inside each other)'],
  ['kMaxTreeSize', 'cpp/expr/limits.hpp', "size of f, f' or f'' after simplification"],
  ['kMaxRawDerivative', 'cpp/expr/limits.hpp', 'size of a derivative before simplification'],
  ['kMaxSteps', 'cpp/optim/settings.hpp', 'steps of one run'],
  ['kMaxStarts', 'cpp/optim/settings.hpp', 'starts of a multi-start experiment'],
  ['kMaxMultiStartSteps', 'cpp/optim/settings.hpp', 'steps of a multi-start experiment, all starts together'],
  ['kMaxSweepColumns', 'cpp/optim/settings.hpp', 'step sizes in a sweep'],
  ['kMaxSweepSteps', 'cpp/optim/settings.hpp', 'steps of a sweep, all step sizes together'],
  ['kMaxAnalysisCells', 'cpp/optim/settings.hpp', 'cells when searching for stationary points'],
  ['kMaxArmijoShrinks', 'cpp/optim/line_search_steppers.cpp', 'Armijo shrinks in one step'],
];

function constant(name, file) {
  const match = read(file).match(new RegExp(`constexpr [\\w:]+(?: [\\w:]+)? ${name} = ([0-9']+);`));
  assert.ok(match, `${name} is not defined in ${file}`);
  return Number(match[1].replaceAll("'", ''));
}

function row(label) {
  const line = readme.split('\n').find((l) => l.startsWith(`| ${label} |`));
  assert.ok(line, `README.md has no limits row '${label}'`);
  return line.split('|')[2].trim();
}

for (const [name, file, label] of limits) {
  test(`README: ${label} = ${name} in ${file}`, () => {
    const value = constant(name, file).toLocaleString('en-US');
    assert.match(row(label), new RegExp(`^${value}( |$)`));
  });
}

test('README: the EBNF block is the grammar cpp/expr/parser.cpp carries rule by rule', () => {
  const rules = [...read('cpp/expr/parser.cpp').matchAll(/^\s*\/\/ (\w+) = (.*;)$/gm)].map(([, name, body]) => [name, body]);
  assert.ok(rules.length >= 5, 'the parser states its rules');
  for (const [name, body] of rules) {
    const line = readme.split('\n').find((l) => l.startsWith(`${name} `) && l.includes(' = '));
    assert.ok(line, `README.md lacks the rule ${name}`);
    assert.equal(line.replace(/^\w+\s*=\s*/, ''), body, `rule ${name}`);
  }
});
