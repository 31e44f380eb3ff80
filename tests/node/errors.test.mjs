// Every rejected input throws an ExpressionError: a message a student understands and the 1-based
// column it points at. Limits are errors too, never a crashed engine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, engineModule } from './built-engine.mjs';

// [typed, column, what the message says]
const rejected = [
  ['', 1, /^type a function of x, for example x\^2 - 2\*x$/],
  ['   ', 1, /^type a function of x/],
  ['x^^2', 3, /^unexpected '\^' after '\^': expected a number, x, a function or '\('$/],
  ['2 ** ** 3', 6, /^unexpected '\*\*' after '\*\*'/],
  ['* x', 1, /^unexpected '\*'/],
  ['x +', 4, /^the expression ends too early: something is missing after '\+'$/],
  ['x^2^', 5, /missing after '\^'/],
  ['sin x', 5, /^sin needs parentheses: write sin\(x\)$/],
  ['sqrt x', 6, /^sqrt needs parentheses: write sqrt\(x\)$/],
  ['exp', 4, /^exp needs parentheses/],
  ['sinx', 1, /^unknown name 'sinx': functions need parentheses, like sin\(x\)$/],
  ['xx', 1, /^unknown name 'xx': write a product with \*, like x\*x$/],
  ['x y', 3, /^an operator is missing before 'y'/],
  ['pi x', 4, /^an operator is missing before 'x': write pi\*x$/],
  ['y', 1, /^unknown name 'y': the variable is x$/],
  ['2*y + 1', 3, /^unknown name 'y': the variable is x$/],
  ['sine(x)', 1, /^unknown function 'sine': did you mean sin\?$/],
  ['Sin(x)', 1, /^unknown function 'Sin': did you mean sin\?$/],
  ['foo(x)', 1, /^unknown function 'foo'/],
  ['(x+1', 5, /^'\)' expected to close '\(' at column 1$/],
  ['sin(x', 6, /^'\)' expected to close '\(' at column 4$/],
  ['((x)', 5, /^'\)' expected to close '\(' at column 1$/],
  ['x + 1)', 6, /^'\)' has no matching '\('$/],
  ['()', 2, /^empty brackets '\(\)'$/],
  ['sin()', 5, /^sin\(\) needs an argument, like sin\(x\)$/],
  ['log(x, 2)', 6, /^log takes one argument$/],
  ['x $ 2', 3, /^unexpected character '\$'$/],
  ['x = 2', 3, /^unexpected character '='$/],
  ['2x!', 3, /^unexpected character '!'$/],
  ['1.2.3', 4, /^a number has at most one decimal point$/],
  ['\u0455in(x)', 1, /plain ASCII/], // a Cyrillic letter that looks like s
];

function thrown(typed) {
  try {
    engine.compile(typed).dispose();
  } catch (error) {
    return error;
  }
  assert.fail(`'${typed}' was accepted`);
}

describe('hostile input: message and column', () => {
  for (const [typed, column, message] of rejected) {
    test(`${JSON.stringify(typed).padEnd(12)} column ${String(column).padStart(2)}  ${message.source}`, () => {
      const error = thrown(typed);
      assert.ok(error instanceof Error, 'an Error');
      assert.equal(error.name, 'ExpressionError');
      assert.ok(error instanceof engineModule.ExpressionError);
      assert.match(error.message, message);
      assert.equal(error.column, column, `column of ${error.message}`);
    });
  }

  // [typed, column of the error, column of the '(' left open]
  const unclosed = [
    ['(x+1', 5, 1],
    ['3*(x+1', 7, 3],
    ['sin(x', 6, 4],
    ['((x)', 5, 1],
  ];
  for (const [typed, column, openedAt] of unclosed) {
    test(`${JSON.stringify(typed)}: error at column ${column}, bracket opened at column ${openedAt}`, () => {
      const error = thrown(typed);
      assert.equal(error.column, column);
      assert.equal(error.openedAt, openedAt);
    });
  }

  test('errors that are not about a bracket have openedAt 0', () => {
    assert.equal(thrown('x^^2').openedAt, 0);
  });
});

describe('limits are errors, not crashes', () => {
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
