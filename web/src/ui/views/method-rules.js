// The update rules of the chosen methods, written out as MathML (rendered natively by the browser), one
// block per method with g = f′(x). Each line of a rule is a <math> of its own and words are plain text,
// so lines never share a table row's height and a long one wraps on a narrow screen.
import { accent, frac, mi, mn, mo, paren, row, sqrt, sub, sup, text, mathOf } from '../formula.js';
import { methodById } from '../../state/methods.js';
import { keepScrollable } from '../scroll-box.js';

const x = mi('x'); const g = mi('g'); const eta = mi('η'); const v = mi('v'); const s = mi('s'); const m = mi('m');
const t = mi('t'); const f = mi('f'); const beta = mi('β'); const eps = mi('ε');
const assign = (target, ...value) => row(target, mo('←'), ...value);
const g2 = sup(g, mn('2'));
const oneMinus = (p) => paren(mn('1'), mo('−'), p);
const beta1 = sub(beta, mn('1'));
const beta2 = sub(beta, mn('2'));
const hat = (name) => accent(mi(name), '^', 'hat');
const adaptive = (top, bottom) => assign(x, x, mo('−'), eta, frac(top, row(sqrt(bottom), mo('+'), eps)));
const downhill = assign(x, x, mo('−'), t, g);

// A line is a formula piece, or { words } for a line of plain text.
const RULES = {
  gd: [assign(x, x, mo('−'), eta, g)],
  momentum: [assign(v, beta, v, mo('+'), g), assign(x, x, mo('−'), eta, v)],
  nesterov: [assign(v, beta, v, mo('+'), g), assign(x, x, mo('−'), eta, paren(g, mo('+'), beta, v))],
  adagrad: [assign(s, s, mo('+'), g2), adaptive(g, s)],
  rmsprop: [assign(s, mi('α'), s, mo('+'), oneMinus(mi('α')), g2), adaptive(g, s)],
  adam: [
    assign(m, beta1, m, mo('+'), oneMinus(beta1), g),
    assign(s, beta2, s, mo('+'), oneMinus(beta2), g2),
    row(hat('m'), mo('='), frac(m, row(mn('1'), mo('−'), sup(beta1, t)))),
    row(hat('s'), mo('='), frac(s, row(mn('1'), mo('−'), sup(beta2, t)))),
    adaptive(hat('m'), hat('s')),
  ],
  armijo: [
    row(t, mo('='), eta, mo('·'), sup(text('shrink'), mi('j'))),
    { words: 'for the least j ≥ 0 with' },
    row(f, paren(x, mo('−'), t, g), mo('≤'), f, paren(x), mo('−'), mi('c'), t, g2),
    downhill,
  ],
  exact: [
    row(t, mo('='), sub(text('arg min'), row(t, mo('>'), mn('0'))), f, paren(x, mo('−'), t, g)),
    { words: 'searched from t = η' },
    downhill,
  ],
  newton: [assign(x, x, mo('−'), frac(row(f, mo('′'), paren(x)), row(f, mo('″'), paren(x)))), { words: 'η is not used' }],
};
// AdamW shrinks x by its weight decay λ before Adam's step, as torch's AdamW does.
RULES.adamw = [assign(x, x, mo('·'), oneMinus(row(eta, mi('λ')))), ...RULES.adam];

function lineElement(line, label) {
  const item = document.createElement('div');
  if (line.words) {
    item.className = 'method-rule-words';
    item.textContent = line.words;
  } else {
    item.className = 'method-rule-line';
    item.append(mathOf(line));
    keepScrollable(item, label);
  }
  return item;
}

// Shows one block per chosen method: its name, then its update rule.
export function renderMethodRules(container, methodIds) {
  const items = methodIds.map((id) => {
    const method = methodById(id);
    const item = document.createElement('div');
    item.className = 'method-rule';
    item.dataset.method = id;
    const name = Object.assign(document.createElement('span'), { className: 'method-rule-name', textContent: method?.name ?? id });
    const lines = RULES[id] ?? [];
    item.append(name, ...lines.map((line, i) => lineElement(line, `${name.textContent}, line ${i + 1} of ${lines.length}`)));
    item.title = method?.rule ?? '';
    return item;
  });
  const words = ['g = f′(x) at the current x'];
  if (methodIds.some((id) => ['momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'].includes(id))) words.push('v, s and m start at 0');
  if (methodIds.some((id) => id === 'adam' || id === 'adamw')) words.push('t counts the steps from 1');
  const note = Object.assign(document.createElement('p'), { className: 'hint', textContent: `${words.join('; ')}.` });
  container.replaceChildren(...items, ...(methodIds.length ? [note] : []));
}
