// A formula from the engine as one <math> per term: split at the + and − between the terms of its
// outermost sum, so that a long f′ wraps between terms on a narrow screen instead of running off it.
import { mathElement } from './mathml.js';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const SPLITS = new Set(['+', '−']);

// Set as a displayed formula is (full-size fractions), but inline, so the pieces sit in a line.
function inline(math) {
  math.removeAttribute('display');
  math.setAttribute('displaystyle', 'true');
  return math;
}

// Returns the <math> elements, none when the markup holds no formula.
export function formulaPieces(markup) {
  const whole = mathElement(markup);
  if (!whole) return [];
  const sum = whole.children.length === 1 && whole.firstElementChild.localName === 'mrow' ? whole.firstElementChild : null;
  const parts = sum ? [...sum.children] : [];
  const splits = parts.map((part, i) => i > 0 && part.localName === 'mo' && SPLITS.has(part.textContent));
  if (!splits.includes(true)) return [inline(whole)];
  const rows = [];
  parts.forEach((part, i) => {
    if (rows.length === 0 || splits[i]) rows.push(document.createElementNS(MATHML_NS, 'mrow'));
    // An operator that opens a <math> of its own is spaced as between two operands all the same.
    if (splits[i]) part.setAttribute('form', 'infix');
    rows.at(-1).append(part);
  });
  return rows.map((row) => {
    const math = inline(document.createElementNS(MATHML_NS, 'math'));
    math.append(row);
    return math;
  });
}
