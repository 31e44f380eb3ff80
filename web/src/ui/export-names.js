// What an exported file says about the experiment it holds: the title line drawn into images and videos
// ("x^4 − 3x^2 + 2 · gd · η = 0.01, 0.1, 0.5") and the file name (descent-x4-3x2+2-gd-eta0.01,0.1,0.5-path.png).
// A folder of downloads from one lesson then tells its files apart without opening them.
import { methodById } from '../state/methods.js';

const TITLE_F_CHARS = 60;
const NAME_F_CHARS = 40;
const NAME_CHARS = 120;

// Step sizes as a person reads them: 0.30000000000000004 is 0.3.
const etaText = (eta) => String(Number(Number(eta).toPrecision(6)));

// η means nothing to a method that picks its own step (newton, exact), so it is named only where one reads it.
const readsEta = (request) => request.methods.some((id) => methodById(id)?.usesEta !== false);

// The function as a person writes it: 3x^2 for 3*x^2, x^4 for x**4, a real minus sign (but not in an
// exponent: 1e-3 stays 1e-3).
function functionText(expression) {
  const text = expression.trim().replace(/\s+/g, ' ').replace(/\*\*/g, '^').replace(/(?<![eE][+-]?\d*)(\d)\*(?=[A-Za-z(])/g, '$1')
    .replace(/(?<![0-9.][eE])-/g, '−');
  return text.length > TITLE_F_CHARS ? `${text.slice(0, TITLE_F_CHARS - 1)}…` : text;
}

// What a drawn answer shows, named as a request names it: f as the engine printed it, the methods and the
// step sizes of its paths in order. An image is titled from what it draws, even while the form holds a
// mistake and the charts still show the last experiment that worked.
export function experimentOf(answer) {
  const unique = (values) => [...new Set(values)];
  return {
    expression: answer.formulas.f.text,
    methods: unique(answer.runs.map((run) => run.method)),
    etas: unique(answer.runs.map((run) => run.eta)),
  };
}

// request: { expression, methods, etas }, from checkState or experimentOf.
export function exportTitle(request) {
  const parts = [functionText(request.expression), request.methods.join(', ')];
  if (readsEta(request)) parts.push(`η = ${request.etas.map(etaText).join(', ')}`);
  return parts.join(' · ');
}

// Letters, digits and . , + - only: safe in every file system and in a shell without quoting. The powers
// and products of f drop out (x^4 - 3*x^2 becomes x4-3x2), anything else becomes one underscore.
export function safeSlug(text, max) {
  return text.replace(/[\s^*]+/g, '').replace(/[^A-Za-z0-9.,+-]+/g, '_')
    .replace(/^[_.,]+/, '').slice(0, max).replace(/[_.,]+$/, '');
}

// `what` ends the name and says which export it is: 'path.png', 'path.gif', 'trajectories.csv', ...
export function exportFileName(request, what) {
  const f = safeSlug(request.expression, NAME_F_CHARS) || 'f';
  const etas = readsEta(request) ? `-eta${request.etas.map(etaText).join(',')}` : '';
  const head = safeSlug(`descent-${f}-${request.methods.join(',')}${etas}`, NAME_CHARS - what.length - 1);
  return `${head}-${what}`;
}
