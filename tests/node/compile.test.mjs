// engine.compile(): a function with its exact derivatives, printed as text, LaTeX and MathML,
// evaluated at a point and sampled over an interval.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// [typed, f' by hand, f'' by hand]: derivatives are symbolic, so they must match these to rounding.
const derivatives = [
  ['x^4 - 3x^2 + 2', (x) => 4 * x ** 3 - 6 * x, (x) => 12 * x ** 2 - 6],
  ['(x-2)^2', (x) => 2 * (x - 2), () => 2],
  ['3x + 1', () => 3, () => 0],
  ['1/x', (x) => -1 / x ** 2, (x) => 2 / x ** 3],
  ['x^x', (x) => x ** x * (Math.log(x) + 1), (x) => x ** x * ((Math.log(x) + 1) ** 2 + 1 / x)],
  ['2^x', (x) => 2 ** x * Math.LN2, (x) => 2 ** x * Math.LN2 ** 2],
  ['sin(x)', Math.cos, (x) => -Math.sin(x)],
  ['cos(x)', (x) => -Math.sin(x), (x) => -Math.cos(x)],
  ['tan(x)', (x) => 1 / Math.cos(x) ** 2, (x) => (2 * Math.tan(x)) / Math.cos(x) ** 2],
  ['asin(x)', (x) => 1 / Math.sqrt(1 - x * x), (x) => x / (1 - x * x) ** 1.5],
  ['acos(x)', (x) => -1 / Math.sqrt(1 - x * x), (x) => -x / (1 - x * x) ** 1.5],
  ['atan(x)', (x) => 1 / (1 + x * x), (x) => (-2 * x) / (1 + x * x) ** 2],
  ['sinh(x)', Math.cosh, Math.sinh],
  ['cosh(x)', Math.sinh, Math.cosh],
  ['tanh(x)', (x) => 1 - Math.tanh(x) ** 2, (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)],
  ['exp(2x)', (x) => 2 * Math.exp(2 * x), (x) => 4 * Math.exp(2 * x)],
  ['log(x)', (x) => 1 / x, (x) => -1 / x ** 2],
  ['ln(x)', (x) => 1 / x, (x) => -1 / x ** 2],
  ['log2(x)', (x) => 1 / (x * Math.LN2), (x) => -1 / (x * x * Math.LN2)],
  ['log10(x)', (x) => 1 / (x * Math.LN10), (x) => -1 / (x * x * Math.LN10)],
  ['sqrt(x)', (x) => 0.5 / Math.sqrt(x), (x) => -0.25 * x ** -1.5],
  ['cbrt(x)', (x) => 1 / (3 * Math.cbrt(x) ** 2), (x) => -2 / (9 * Math.cbrt(x) ** 5)],
  ['abs(x)', Math.sign, () => 0],
  ['sign(x)', () => 0, () => 0],
  ['sigmoid(x)', (x) => sigmoid(x) * (1 - sigmoid(x)), (x) => sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x))],
  ['softplus(x)', sigmoid, (x) => sigmoid(x) * (1 - sigmoid(x))],
  ['relu(x)', (x) => (x > 0 ? 1 : 0), () => 0],
  ['sin(x^2)', (x) => 2 * x * Math.cos(x * x), (x) => 2 * Math.cos(x * x) - 4 * x * x * Math.sin(x * x)],
  ['0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', (x) => 1.5 * (0.75 * x - 1.2) ** 3 - 3 * (0.75 * x - 1),
    (x) => 3.375 * (0.75 * x - 1.2) ** 2 - 2.25],
];

// [typed, x, f'(x), f''(x)]: kinks take SymPy's convention.
const kinks = [
  ['abs(x)', 0, 0, 0],
  ['relu(x)', 0, 0, 0],
  ['sign(x)', 0, 0, 0],
  ['sign(x)', 2, 0, 0],
];

function near(actual, expected, what) {
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= 1e-12 * scale, `${what}: ${actual} != ${expected}`);
}

function withFunction(typed, use) {
  const fn = engine.compile(typed);
  try {
    return use(fn);
  } finally {
    fn.dispose();
  }
}

describe('seed 001: x^4 - 3x^2 + 2, as design.md prints it', () => {
  test('text, derivative and second derivative', () =>
    withFunction('x^4 - 3x^2 + 2', (fn) => {
      assert.equal(fn.text, 'x^4 - 3*x^2 + 2');
      assert.equal(fn.derivative.text, '4*x^3 - 6*x');
      assert.equal(fn.second.text, '12*x^2 - 6');
    }));
  test('LaTeX', () =>
    withFunction('x^4 - 3x^2 + 2', (fn) => {
      assert.equal(fn.derivative.latex, '4x^{3} - 6x');
      assert.match(fn.latex, /x\^\{4\}/);
    }));
  test('MathML is one <math> element', () =>
    withFunction('x^4 - 3x^2 + 2', (fn) => {
      for (const mathml of [fn.mathml, fn.derivative.mathml, fn.second.mathml]) {
        assert.match(mathml, /^<math[\s>][\s\S]*<\/math>$/);
      }
      assert.match(fn.mathml, /<msup>/);
    }));
  test('at(2) = { f: 6, df: 20, d2f: 42 }', () =>
    withFunction('x^4 - 3x^2 + 2', (fn) => {
      assert.deepEqual({ ...fn.at(2) }, { f: 6, df: 20, d2f: 42 });
    }));
});

describe('derivatives are exact', () => {
  const xs = [0.3, 0.7, 1.3, 2.1];
  for (const [typed, df, d2f] of derivatives) {
    test(`d/dx ${typed}`, () =>
      withFunction(typed, (fn) => {
        for (const x of xs) {
          if (/a(sin|cos)/.test(typed) && x >= 1) continue;
          const at = fn.at(x);
          near(at.df, df(x), `f'(${x})`);
          near(at.d2f, d2f(x), `f''(${x})`);
        }
      }));
  }
});

describe('kinks', () => {
  for (const [typed, x, df, d2f] of kinks) {
    test(`${typed} at ${x}: f' = ${df}, f'' = ${d2f}`, () =>
      withFunction(typed, (fn) => {
        const at = fn.at(x);
        assert.equal(at.df, df);
        assert.equal(at.d2f, d2f);
      }));
  }
});

describe('printed derivatives read as a person writes them', () => {
  // [typed, f' as text]
  const printed = [
    ['x^2', '2*x'],
    ['3x + 1', '3'],
    ['0.5*x^2', 'x'],
    ['0.1*x^2', '0.2*x'],
    ['sin(x)', 'cos(x)'],
    ['exp(x)', 'exp(x)'],
  ];
  for (const [typed, text] of printed) {
    test(`d/dx ${typed} = ${text}`, () => withFunction(typed, (fn) => assert.equal(fn.derivative.text, text)));
  }
});

describe('sample()', () => {
  test('n evenly spaced points from a to b, as Float64Arrays', () =>
    withFunction('x^4 - 3x^2 + 2', (fn) => {
      const { x, f } = fn.sample(-3, 3, 1000);
      assert.ok(x instanceof Float64Array && f instanceof Float64Array);
      assert.equal(x.length, 1000);
      assert.equal(f.length, 1000);
      assert.equal(x[0], -3);
      assert.equal(x[999], 3);
      for (let i = 1; i < 1000; i++) assert.ok(x[i] > x[i - 1]);
      for (let i = 0; i < 1000; i += 37) assert.equal(f[i], fn.at(x[i]).f);
    }));
  test('outside the domain gives NaN, not an error', () =>
    withFunction('log(x)', (fn) => {
      const { f } = fn.sample(-1, 1, 5);
      assert.ok(Number.isNaN(f[0]));
      assert.equal(f[4], 0);
    }));
  test('the arrays are copies that survive dispose()', () => {
    const fn = engine.compile('x^2');
    const { x, f } = fn.sample(0, 1, 3);
    fn.dispose();
    assert.deepEqual([...x], [0, 0.5, 1]);
    assert.deepEqual([...f], [0, 0.25, 1]);
  });
});
