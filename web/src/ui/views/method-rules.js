// The update rules of the chosen methods, written out as MathML (rendered natively by the browser), one
// line per method, with g = f′(x). The markup is a fixed table, passed through the same allowlist as the
// engine's formulas.
import { mathElement } from '../mathml.js';
import { methodById } from '../../state/methods.js';

const mi = (name) => `<mi>${name}</mi>`;
const mo = (op) => `<mo>${op}</mo>`;
const mn = (n) => `<mn>${n}</mn>`;
const sub = (base, index) => `<msub>${base}${index}</msub>`;
const sup = (base, power) => `<msup>${base}${power}</msup>`;
const frac = (top, bottom) => `<mfrac><mrow>${top}</mrow><mrow>${bottom}</mrow></mfrac>`;
const hat = (name) => `<mover accent="true">${mi(name)}${mo('^')}</mover>`;
const row = (...parts) => `<mrow>${parts.join('')}</mrow>`;
const sqrt = (inner) => `<msqrt>${inner}</msqrt>`;
const assign = (target, value) => row(target, mo('←'), value);
const sep = '<mspace width="1.2em"></mspace>';
const x = mi('x'); const g = mi('g'); const eta = mi('η'); const v = mi('v'); const s = mi('s'); const m = mi('m');
const beta = mi('β'); const eps = mi('ε'); const t = mi('t');
const g2 = sup(g, mn(2));
const oneMinus = (p) => row(mo('('), mn(1), mo('−'), p, mo(')'));

const RULES = {
  gd: [assign(x, row(x, mo('−'), eta, g))],
  momentum: [assign(v, row(beta, v, mo('+'), g)), assign(x, row(x, mo('−'), eta, v))],
  nesterov: [assign(v, row(beta, v, mo('+'), g)), assign(x, row(x, mo('−'), eta, mo('('), g, mo('+'), beta, v, mo(')')))],
  adagrad: [assign(s, row(s, mo('+'), g2)), assign(x, row(x, mo('−'), eta, frac(g, row(sqrt(s), mo('+'), eps))))],
  rmsprop: [assign(s, row(mi('α'), s, mo('+'), oneMinus(mi('α')), g2)), assign(x, row(x, mo('−'), eta, frac(g, row(sqrt(s), mo('+'), eps))))],
  adam: [
    assign(m, row(sub(beta, mn(1)), m, mo('+'), oneMinus(sub(beta, mn(1))), g)),
    assign(s, row(sub(beta, mn(2)), s, mo('+'), oneMinus(sub(beta, mn(2))), g2)),
    row(hat('m'), mo('='), frac(m, row(mn(1), mo('−'), sup(sub(beta, mn(1)), t)))),
    row(hat('s'), mo('='), frac(s, row(mn(1), mo('−'), sup(sub(beta, mn(2)), t)))),
    assign(x, row(x, mo('−'), eta, frac(hat('m'), row(sqrt(hat('s')), mo('+'), eps)))),
  ],
  armijo: [
    row(t, mo('='), eta, mo('·'), sup(mtext('shrink'), mi('j')), mtext(' for the least j ≥ 0 with')),
    row(mi('f'), mo('('), x, mo('−'), t, g, mo(')'), mo('≤'), mi('f'), mo('('), x, mo(')'), mo('−'), mi('c'), t, g2),
    assign(x, row(x, mo('−'), t, g)),
  ],
  exact: [
    row(t, mo('='), `<munder>${mtext('arg min')}${row(t, mo('&gt;'), mn(0))}</munder>`, mi('f'), mo('('), x, mo('−'), t, g, mo(')')),
    row(mtext('(searched from t = η)')),
    assign(x, row(x, mo('−'), t, g)),
  ],
  newton: [assign(x, row(x, mo('−'), frac(row(mi('f'), mo('′'), mo('('), x, mo(')')), row(mi('f'), mo('″'), mo('('), x, mo(')'))))), row(mtext('(η is not used)'))],
};

function mtext(text) {
  return `<mtext>${text}</mtext>`;
}

// Shows one line per chosen method: its name, then its update rule.
export function renderMethodRules(container, methodIds) {
  const items = methodIds.map((id) => {
    const method = methodById(id);
    const item = document.createElement('div');
    item.className = 'method-rule';
    item.dataset.method = id;
    const name = Object.assign(document.createElement('span'), { className: 'method-rule-name', textContent: method?.name ?? id });
    const lines = RULES[id] ?? [];
    const markup = `<math><mstyle displaystyle="true"><mtable>${lines.map((line) => `<mtr><mtd>${line}</mtd></mtr>`).join('')}</mtable></mstyle></math>`;
    const math = mathElement(markup);
    item.append(name);
    if (math) item.append(math);
    item.title = method?.rule ?? '';
    return item;
  });
  const words = ['g = f′(x) at the current x'];
  if (methodIds.some((id) => ['momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'].includes(id))) words.push('v, s and m start at 0');
  if (methodIds.includes('adam')) words.push('t counts the steps from 1');
  const note = Object.assign(document.createElement('p'), { className: 'hint', textContent: `${words.join('; ')}.` });
  container.replaceChildren(...items, ...(methodIds.length ? [note] : []));
}
