// engine.compile(): a function with its exact derivatives, printed as text, LaTeX and MathML,
// evaluated at a point and sampled over an interval. The functions and their printed derivatives are the
// rows of tests/tables/expressions.tsv, which the native suite reads too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './built-engine.mjs';
import { readExpressions, readTable } from './tables.mjs';

const expressions = readExpressions();
const row = (typed) => expressions.find(({ input }) => input === typed);

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// [typed, f' by hand, f'' by hand], each a row of the expression table and checked at its points: derivatives
// are symbolic, so they must match these to rounding.
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

// [typed, x, f'(x), f''(x)] from tests/tables/kinks.tsv: kinks take SymPy's convention.
const kinks = readTable('kinks.tsv', 4).map(({ cells: [typed, ...numbers] }) => [typed, ...numbers.map(Number)]);

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

describe('the expression table through the WASM engine', () => {
  test('has at least 100 rows', () => assert.ok(expressions.length >= 100, `${expressions.length} rows`));

  for (const { line, input, printed, points } of expressions) {
    describe(`expressions.tsv line ${line}: ${input.slice(0, 40)}`, () => {
      test("f, f' and f'' print as the table says", () =>
        withFunction(input, (fn) => {
          const texts = [fn.text, fn.derivative.text, fn.second.text];
          for (let order = 0; order < 3; order++) {
            if (printed[order] !== '-') assert.equal(texts[order], printed[order], `derivative ${order}`);
          }
        }));

      test("f' and f'' agree with central finite differences of f and f'", () =>
        withFunction(input, (fn) => {
          for (const x of points) {
            const h = 1e-5 * Math.max(1, Math.abs(x));
            const { f, df, d2f } = fn.at(x);
            const slopeOfF = (fn.at(x + h).f - fn.at(x - h).f) / (2 * h);
            const slopeOfDf = (fn.at(x + h).df - fn.at(x - h).df) / (2 * h);
            const slack = 1e-7 * (1 + Math.abs(f) + Math.abs(df) + Math.abs(d2f));
            assert.ok(Math.abs(df - slopeOfF) <= 1e-6 * Math.abs(slopeOfF) + slack, `f'(${x}) = ${df}, not ${slopeOfF}`);
            assert.ok(Math.abs(d2f - slopeOfDf) <= 1e-6 * Math.abs(slopeOfDf) + slack, `f''(${x}) = ${d2f}, not ${slopeOfDf}`);
          }
        }));

      test('the printed text parses back to the same function, which prints the same', () =>
        withFunction(input, (fn) => {
          for (let order = 0; order < 3; order++) {
            if (printed[order] === '-') continue;
            withFunction(printed[order], (again) => {
              assert.equal(again.text, printed[order]);
              for (const x of points) {
                const at = fn.at(x);
                const expected = [at.f, at.df, at.d2f][order];
                const value = again.at(x).f;
                assert.ok(Math.abs(value - expected) <= 1e-12 * Math.abs(expected) + 1e-300, `${printed[order]} at ${x}`);
              }
            });
          }
        }));
    });
  }
});

describe('seed 001: x^4 - 3x^2 + 2, as design.md prints it', () => {
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
  for (const [typed, df, d2f] of derivatives) {
    test(`d/dx ${typed}`, () =>
      withFunction(typed, (fn) => {
        assert.ok(row(typed), `${typed} is not a row of tests/tables/expressions.tsv`);
        for (const x of row(typed).points) {
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
