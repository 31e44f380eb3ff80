// Formulas built once and written two ways: as MathML elements (made with the DOM in the MathML namespace,
// so no markup is parsed) for the page, and as LaTeX for copying into a post. A piece is
// { tex, build() -> Element, tall }; build() makes a fresh element each time it is called.
import { formatNumber } from './format.js';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function element(tag, children, text) {
  const node = document.createElementNS(MATHML_NS, tag);
  if (text !== undefined) node.textContent = text;
  for (const child of children) node.append(child.build());
  return node;
}

// `tall` marks a piece with a fraction or a root in it: only brackets around such a piece stretch.
const leaf = (tag, text, tex, attributes = {}) => ({ tex, tall: false, build: () => withAttributes(element(tag, [], text), attributes) });
const node = (tag, children, tex, tall = false) => ({
  tex, tall: tall || children.some((child) => child.tall), build: () => element(tag, children),
});

function withAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// Greek letters and primes as LaTeX names them.
const TEX_NAMES = { η: '\\eta', β: '\\beta', α: '\\alpha', ε: '\\varepsilon', σ: '\\sigma', ξ: '\\xi', λ: '\\lambda' };
const TEX_OPERATORS = { '−': '-', '·': '\\cdot', '≤': '\\le', '≥': '\\ge', '′': "'", '″': "''", '←': '\\leftarrow', '…': '\\ldots', '×': '\\times' };

export const mi = (name) => ({ ...leaf('mi', name, TEX_NAMES[name] ?? name), letter: true });
export const mo = (op) => leaf('mo', op, TEX_OPERATORS[op] ?? op);
// An operator spaced as between two operands even where it opens or closes a <math> of its own (a
// formula broken into pieces that wrap).
export const infix = (op) => leaf('mo', op, TEX_OPERATORS[op] ?? op, { form: 'infix' });
export const mn = (digits) => leaf('mn', digits, digits);
// Spaces at the ends of a token are dropped by MathML, so words keep theirs as no-break spaces.
export const text = (words) => leaf('mtext', words, `\\text{${words.replace(/[\\{}]/g, '').replace(/\u00a0/g, ' ')}}`);
export const row = (...parts) => node('mrow', parts, parts.map((p) => p.tex).join(' '));
export const sub = (base, index) => ({ ...node('msub', [base, index], `${base.tex}_{${index.tex}}`), scripted: [base, index] });
// A power of a subscripted name is one <msubsup>, so the two scripts stack. A browser without a maths font
// raises an exponent to the top of its base's ink (a bracket, a digit, an f), above one on x: a base
// that is not tall is given the height of an x, as TeX places them all alike.
export function sup(base, power) {
  if (base.scripted) return node('msubsup', [...base.scripted, power], `{${base.tex}}^{${power.tex}}`);
  const wrapped = base.compound ? paren(base) : base;
  return node('msup', [wrapped.tall || wrapped.letter ? wrapped : xHigh(wrapped), power], `{${wrapped.tex}}^{${power.tex}}`);
}
const xHigh = (piece) => ({ tex: piece.tex, tall: false, build: () => withAttributes(element('mpadded', [piece]), { height: '1ex' }) });
export const frac = (top, bottom) => node('mfrac', [top, bottom], `\\frac{${top.tex}}{${bottom.tex}}`, true);
export const sqrt = (inner) => node('msqrt', [inner], `\\sqrt{${inner.tex}}`, true);
// Brackets keep the font's size around what is no taller than text: stretched, they grow past it.
export function brackets(open, close, ...parts) {
  const tall = parts.some((part) => part.tall);
  const fence = (op) => (tall ? mo(op) : leaf('mo', op, op, { stretchy: 'false' }));
  return row(fence(open), ...parts, fence(close));
}
export const paren = (...parts) => brackets('(', ')', ...parts);
export const accent = (base, mark, command) => ({
  tex: `\\${command}{${base.tex}}`,
  tall: false,
  build() {
    const over = element('mover', [base, mo(mark)]);
    over.setAttribute('accent', 'true');
    return over;
  },
});
export const abs = (...parts) => brackets('|', '|', ...parts);

// A number as the results table writes it (format.js): negatives with a true minus sign, the exponent
// form as a power of ten. `wrap` puts a negative number in brackets, as a factor or after a minus needs;
// a power of ten is `compound`, bracketed where it is raised to a power itself.
export function num(value, { wrap = false } = {}) {
  const written = formatNumber(value);
  const negative = written.startsWith('-') || written.startsWith('−');
  const digits = negative ? written.slice(1) : written;
  const [mantissa, exponent] = digits.split('e');
  let magnitude = mn(mantissa);
  if (exponent !== undefined) {
    const power = Number(exponent);
    const tenTo = sup(mn('10'), power < 0 ? row(mo('−'), mn(String(-power))) : mn(String(power)));
    magnitude = { ...(mantissa === '1' ? tenTo : row(mn(mantissa), mo('×'), tenTo)), compound: true };
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
