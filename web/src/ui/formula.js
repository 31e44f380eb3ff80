// Formulas built once and written two ways: as MathML elements (made with the DOM in the MathML namespace,
// so no markup is parsed) for the page, and as LaTeX for copying into a post. A piece is
// { tex, build() -> Element }; build() makes a fresh element each time it is called.
import { formatNumber } from './format.js';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function element(tag, children, text) {
  const node = document.createElementNS(MATHML_NS, tag);
  if (text !== undefined) node.textContent = text;
  for (const child of children) node.append(child.build());
  return node;
}

const leaf = (tag, text, tex) => ({ tex, build: () => element(tag, [], text) });
const node = (tag, children, tex) => ({ tex, build: () => element(tag, children) });

// Greek letters and primes as LaTeX names them.
const TEX_NAMES = { η: '\\eta', β: '\\beta', α: '\\alpha', ε: '\\varepsilon', σ: '\\sigma', ξ: '\\xi', λ: '\\lambda' };
const TEX_OPERATORS = { '−': '-', '·': '\\cdot', '≤': '\\le', '≥': '\\ge', '′': "'", '″': "''", '←': '\\leftarrow', '…': '\\ldots', '×': '\\times' };

export const mi = (name) => leaf('mi', name, TEX_NAMES[name] ?? name);
export const mo = (op) => leaf('mo', op, TEX_OPERATORS[op] ?? op);
// An operator spaced as between two operands even where it opens or closes a <math> of its own (a
// formula broken into pieces that wrap).
export const infix = (op) => ({
  tex: TEX_OPERATORS[op] ?? op,
  build() {
    const node = element('mo', [], op);
    node.setAttribute('form', 'infix');
    return node;
  },
});
export const mn = (digits) => leaf('mn', digits, digits);
// Spaces at the ends of a token are dropped by MathML, so words keep theirs as no-break spaces.
export const text = (words) => leaf('mtext', words, `\\text{${words.replace(/[\\{}]/g, '').replace(/\u00a0/g, ' ')}}`);
export const row = (...parts) => node('mrow', parts, parts.map((p) => p.tex).join(' '));
export const sub = (base, index) => node('msub', [base, index], `${base.tex}_{${index.tex}}`);
export const sup = (base, power) => node('msup', [base, power], `{${base.tex}}^{${power.tex}}`);
export const frac = (top, bottom) => node('mfrac', [top, bottom], `\\frac{${top.tex}}{${bottom.tex}}`);
export const sqrt = (inner) => node('msqrt', [inner], `\\sqrt{${inner.tex}}`);
export const paren = (...parts) => row(mo('('), ...parts, mo(')'));
export const accent = (base, mark, command) => ({
  tex: `\\${command}{${base.tex}}`,
  build() {
    const over = element('mover', [base, mo(mark)]);
    over.setAttribute('accent', 'true');
    return over;
  },
});
export const abs = (...parts) => row(mo('|'), ...parts, mo('|'));

// A number as the results table writes it (format.js): negatives with a true minus sign, the exponent
// form as a power of ten. `wrap` puts a negative number in brackets, as a factor or after a minus needs.
export function num(value, { wrap = false } = {}) {
  const written = formatNumber(value);
  const negative = written.startsWith('-') || written.startsWith('−');
  const digits = negative ? written.slice(1) : written;
  const [mantissa, exponent] = digits.split('e');
  let magnitude = mn(mantissa);
  if (exponent !== undefined) {
    const power = Number(exponent);
    const tenTo = sup(mn('10'), power < 0 ? row(mo('−'), mn(String(-power))) : mn(String(power)));
    magnitude = mantissa === '1' ? tenTo : row(mn(mantissa), mo('×'), tenTo);
  }
  if (!negative) return magnitude;
  const signed = row(mo('−'), magnitude);
  return wrap ? paren(signed) : signed;
}

// The <math> element for a formula, set as a displayed formula is (full-size fractions) but inline, so
// that the pieces of a long formula can wrap between them.
export function mathOf(piece) {
  const math = element('math', [piece]);
  math.setAttribute('displaystyle', 'true');
  return math;
}
