// Every rejected input throws an ExpressionError: a message a student understands and the 1-based
// column it points at. Limits are errors too, never a crashed engine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, engineModule, skipUnlessBuilt } from './built-engine.mjs';

// [typed, column, message contains]
const rejected = [
  ['', 1, /empty|expected/i],
  ['   ', 4, /empty|expected/i],
  ['x^^2', 3, /\^/],
  ['x +', 4, /expected/i],
  ['* x', 1, /\*/],
  ['2 ** ** 3', 6, /expected/i],
  ['sin x', 1, /\(/],
  ['sinx', 1, /sin/],
  ['y', 1, /unknown name 'y': the variable is x/],
  ['2*y + 1', 3, /unknown name 'y'/],
  ['sine(x)', 1, /unknown function 'sine': did you mean sin\?/],
  ['Sin(x)', 1, /did you mean sin\?/],
  ['foo(x)', 1, /unknown function 'foo'/],
  ['(x+1', 5, /'\)' expected to close '\(' at column 1/],
  ['sin(x', 6, /'\)' expected to close '\(' at column 4/],
  ['x + 1)', 6, /\)/],
  ['()', 2, /expected/i],
  ['sin()', 5, /expected/i],
  ['x $ 2', 3, /\$/],
  ['1.2.3', 4, /\./],
  ['2x!', 3, /!/],
];

function thrown(typed) {
  try {
    engine.compile(typed).dispose();
  } catch (error) {
    return error;
  }
  assert.fail(`'${typed}' was accepted`);
}

describe('hostile input: message and column', { skip: skipUnlessBuilt }, () => {
  for (const [typed, column, message] of rejected) {
    test(`${JSON.stringify(typed).padEnd(12)} column ${String(column).padStart(2)}  ${message.source}`, () => {
      const error = thrown(typed);
      assert.ok(error instanceof Error, 'an Error');
      assert.equal(error.name, 'ExpressionError');
      if (engineModule.ExpressionError) assert.ok(error instanceof engineModule.ExpressionError);
      assert.match(error.message, message);
      assert.equal(error.column, column, `column of ${error.message}`);
    });
  }

  test('an unclosed bracket also says where it opened', () => {
    assert.equal(thrown('3*(x+1').openedAt, 3);
  });
});

describe('limits are errors, not crashes', { skip: skipUnlessBuilt }, () => {
  // [what, typed]
  const oversized = [
    ['a very long input', `${'x+'.repeat(60_000)}x`],
    ['deep brackets', `${'('.repeat(50_000)}x${')'.repeat(50_000)}`],
    ['deep function calls', `${'sin('.repeat(20_000)}x${')'.repeat(20_000)}`],
    ['a long chain of signs', `${'-'.repeat(50_000)}x`],
    ['a tower of powers', `${'x^'.repeat(5_000)}x`],
  ];
  for (const [what, typed] of oversized) {
    test(what, () => {
      const error = thrown(typed);
      assert.equal(error.name, 'ExpressionError');
      assert.equal(typeof error.column, 'number');
    });
  }

  test('a derivative that would explode is refused or bounded', () => {
    const typed = Array.from({ length: 12 }, () => 'x^x').join('*') + '^x^x^x';
    try {
      engine.compile(typed).dispose();
    } catch (error) {
      assert.equal(error.name, 'ExpressionError');
    }
  });

  test('the engine still works afterwards', () => {
    const fn = engine.compile('x^2');
    assert.equal(fn.at(3).f, 9);
    fn.dispose();
  });
});
