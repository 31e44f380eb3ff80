// The results table: one row per step size, with where the run ended and why it stopped, in words.
import { causeShort } from './cause-words.js';
import { formatNumber } from './format.js';
import { pathStyle } from './palette.js';

// 1000000 as 1,000,000. Written out because the first toLocaleString call loads the locale data, which
// costs more than drawing the first chart.
function withCommas(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Why a run stopped, where the engine says (run.why) or its steps show (run.cause), after a dash.
export function describeStatus(run) {
  switch (run.status) {
    case 'converged': return `converged at step ${run.stoppedAt}`;
    case 'diverged': return `diverged at step ${run.stoppedAt}${run.cause ? ` — ${causeShort(run.cause)}` : ''}`;
    case 'undefined': return run.why
      ? `undefined at step ${run.stoppedAt} — ${run.why}`
      : `undefined (outside the domain, e.g. log of a negative number) at step ${run.stoppedAt}`;
    case 'max-steps': return run.steps === 1 ? 'ran its 1 step' : `ran all ${withCommas(run.steps)} steps`;
    default: return `${run.status} at step ${run.stoppedAt}`;
  }
}

// data-label names the column when a narrow screen lays each row out as a small card.
function cell(text, className, label) {
  const td = document.createElement('td');
  td.textContent = text;
  td.className = className;
  td.dataset.label = label;
  return td;
}

function etaCell(run, index, dark) {
  const style = pathStyle(index, dark);
  const th = document.createElement('th');
  th.scope = 'row';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.textContent = style.glyph;
  swatch.style.color = style.color;
  swatch.setAttribute('aria-hidden', 'true');
  th.append(swatch, run.label ?? String(run.eta));
  return th;
}

export function renderResults(tbody, runs, dark) {
  const rows = runs.map((run, index) => {
    const tr = document.createElement('tr');
    tr.dataset.status = run.status;
    tr.append(
      etaCell(run, index, dark),
      cell(formatNumber(run.final.x), 'num', 'final x'),
      cell(formatNumber(run.final.f), 'num', 'f(x)'),
      cell(formatNumber(Math.abs(run.final.df)), 'num', '|f′(x)|'),
      cell(describeStatus(run), `run-status run-status-${run.status}`, 'status'),
    );
    return tr;
  });
  tbody.replaceChildren(...rows);
}
