// The expression language as README.md states it, one row per rule: what a person types, and the value
// it must have. Values are compared with JavaScript's own float64 arithmetic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';

const { E, PI } = Math;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// [typed, x, expected f(x), what the row shows]
const grammar = [
  ['3', 0, 3, 'an integer'],
  ['0.5', 0, 0.5, 'a decimal'],
  ['.5', 0, 0.5, 'a leading point'],
  ['1e-3', 0, 1e-3, 'an exponent'],
  ['2.5E+4', 0, 2.5e4, 'a capital exponent with a sign'],
  ['x', 7, 7, 'the variable'],
  ['pi', 0, PI, 'the constant pi'],
  ['e', 0, E, 'the constant e'],
  ['2e', 0, 2 * E, '2e is 2*e'],
  ['2e-1', 0, 0.2, '2e-1 is a number: the longest number wins'],
  ['1 + 2 - 4', 0, -1, 'sums'],
  ['6 / 3 * 2', 0, 4, '* and / associate to the left'],
  ['x ** 2', 3, 9, '** means ^'],
  ['x**4 - 3*x**2 + 2', 2, 6, 'Python code pastes in'],
  ['2^3^2', 0, 512, '^ associates to the right'],
  ['x^-2', 2, 0.25, 'an exponent may carry a sign'],
  ['2^-x^2', 1, 0.5, '2^-x^2 is 2^(-(x^2))'],
  ['-x^2', 3, -9, '-x^2 is -(x^2)'],
  ['-2^2', 0, -4, '^ binds tighter than unary minus'],
  ['2*-x', 3, -6, 'a sign after an operator'],
  ['--x', 3, 3, 'signs repeat'],
  ['2x', 3, 6, 'implicit product: number then name'],
  ['3(x+1)', 1, 6, 'implicit product: number then bracket'],
  ['2pi', 0, 2 * PI, 'implicit product with a constant'],
  ['(x+1)(x-1)', 3, 8, 'implicit product of brackets'],
  ['2 sin(x)', 1, 2 * Math.sin(1), 'implicit product with a function'],
  ['1/2x', 4, 2, 'implicit product has the precedence of *: (1/2)*x'],
  ['x^4 - 3x^2 + 2', 2, 6, "seed 001's function"],
];

// [function, x, expected]
const functions = [
  ['sin', 0.5, Math.sin(0.5)],
  ['cos', 0.5, Math.cos(0.5)],
  ['tan', 0.5, Math.tan(0.5)],
  ['asin', 0.5, Math.asin(0.5)],
  ['acos', 0.5, Math.acos(0.5)],
  ['atan', 0.5, Math.atan(0.5)],
  ['sinh', 0.5, Math.sinh(0.5)],
  ['cosh', 0.5, Math.cosh(0.5)],
  ['tanh', 0.5, Math.tanh(0.5)],
  ['exp', 0.5, Math.exp(0.5)],
  ['log', 0.5, Math.log(0.5)],
  ['ln', 0.5, Math.log(0.5)],
  ['log2', 0.5, -1],
  ['log10', 1000, 3],
  ['sqrt', 2.25, 1.5],
  ['cbrt', -27, -3],
  ['abs', -0.5, 0.5],
  ['sign', -0.5, -1],
  ['sign', 0, 0],
  ['sigmoid', 0.5, sigmoid(0.5)],
  ['softplus', 0.5, Math.log1p(Math.exp(0.5))],
  ['relu', -0.5, 0],
  ['relu', 0.5, 0.5],
];

// Relative agreement to a few ulps: the engine's libm and V8's may round the last bit differently.
function close(actual, expected, what) {
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= 4 * Number.EPSILON * scale, `${what}: ${actual} != ${expected}`);
}

describe('grammar: what a person types and what it means', () => {
  for (const [typed, x, expected, meaning] of grammar) {
    test(`${typed.padEnd(20)} at x=${x} is ${expected}  (${meaning})`, () => {
      const fn = engine.compile(typed);
      try {
        close(fn.at(x).f, expected, typed);
      } finally {
        fn.dispose();
      }
    });
  }
});

describe('functions', () => {
  for (const [name, x, expected] of functions) {
    test(`${name}(${x}) = ${expected}`, () => {
      const fn = engine.compile(`${name}(x)`);
      try {
        close(fn.at(x).f, expected, name);
      } finally {
        fn.dispose();
      }
    });
  }
});

describe('printed text parses back to the same function', () => {
  const xs = [-2.5, -1, -0.3, 0.7, 1.9, 3];
  for (const [typed] of grammar) {
    test(typed, () => {
      const fn = engine.compile(typed);
      const again = engine.compile(fn.text);
      try {
        assert.equal(again.text, fn.text);
        for (const x of xs) {
          const a = fn.at(x);
          const b = again.at(x);
          assert.ok(Object.is(a.f, b.f) || Math.abs(a.f - b.f) <= 1e-12 * Math.max(1, Math.abs(a.f)), `${typed} at ${x}`);
        }
      } finally {
        fn.dispose();
        again.dispose();
      }
    });
  }
});
