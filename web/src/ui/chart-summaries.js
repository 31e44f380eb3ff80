// The path and loss charts in words, one clause per path: where each path ends and how its loss goes
// ("η = 0.1: f falls from 22.3 to −0.25 by step 12"). A canvas is a picture to a screen reader; these are
// what it hears for the chart (the canvas names them as its description), rewritten with every answer.
import { formatShort } from './format.js';

// A path has settled once every later point is within this share of its whole way from the start.
const SETTLED = 1e-3;

const name = (run) => run.label ?? `η = ${run.eta}`;
// Numbers as they read: a true minus sign, which a screen reader says as "minus".
const number = (value) => formatShort(value).replace(/-/g, '\u2212');

// The step from which `values` stay within SETTLED of their last value, or null where they still move
// near the end (a path that only slows down in its last steps has not settled). `values` are the drawn
// points of the path, at steps run.k.
function settledFrom(run, values) {
  const last = values.length - 1;
  const end = values[last];
  const reach = Math.abs(values[0] - end) || Math.abs(end) || 1;
  let from = last;
  while (from > 0 && Math.abs(values[from - 1] - end) <= SETTLED * reach) from--;
  return from <= last - Math.max(2, Math.ceil(0.1 * last)) ? run.k[from] : null;
}

function lastFinite(values) {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return NaN;
}

function pathClause(run) {
  if (run.status === 'diverged') return `${name(run)} diverges at step ${run.stoppedAt}`;
  if (run.status === 'undefined') {
    return `${name(run)} leaves the domain at step ${run.stoppedAt}${run.why ? ` (${run.why})` : ''}`;
  }
  const x = `x = ${number(run.final.x)}`;
  if (run.status === 'converged') return `${name(run)} converges to ${x} at step ${run.stoppedAt}`;
  const settled = settledFrom(run, run.x);
  return settled === null
    ? `${name(run)} ends at ${x} after ${run.stoppedAt} steps, still moving`
    : `${name(run)} settles at ${x} by step ${settled}`;
}

function lossClause(run) {
  const start = run.f[0];
  if (!Number.isFinite(start)) return `${name(run)}: f is undefined at the start`;
  const end = run.status === 'max-steps' || run.status === 'converged' ? run.final.f : lastFinite(run.f);
  const way = end === start
    ? `starts at ${number(start)}`
    : `${end < start ? 'falls' : 'climbs'} from ${number(start)} to ${number(end)}`;
  if (end === start && (run.status === 'max-steps' || run.status === 'converged')) {
    return `${name(run)}: f stays at ${number(start)}`;
  }
  if (run.status === 'diverged') return `${name(run)}: f ${way}, then the run diverges at step ${run.stoppedAt}`;
  if (run.status === 'undefined') return `${name(run)}: f ${way}, then is undefined at step ${run.stoppedAt}`;
  if (run.status === 'converged') return `${name(run)}: f ${way} and converges at step ${run.stoppedAt}`;
  const settled = settledFrom(run, run.f);
  return settled === null
    ? `${name(run)}: f ${way} over ${run.stoppedAt} steps, still changing`
    : `${name(run)}: f ${way} by step ${settled}`;
}

// "From x₀ = −2.5: η = 0.01 ends at x = −1.227 after 40 steps, still moving; η = 0.5 diverges at step 5."
export function pathSummary(answer) {
  return `From x₀ = ${number(answer.start.x)}: ${answer.runs.map(pathClause).join('; ')}.`;
}

// "η = 0.1: f falls from 22.3 to −0.25 by step 12; η = 0.5: f climbs from 22.3 to 3.2e+119, then ..."
export function lossSummary(answer) {
  return `${answer.runs.map(lossClause).join('; ')}.`;
}
