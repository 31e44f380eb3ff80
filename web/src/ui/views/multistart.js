// "Many starts": N seeded random x₀ in [a, b] for every step size, and a histogram per η of where the runs
// ended. The seed is in the URL, so the same link draws the same counts.
import { formatShort } from '../format.js';
import { pathStyle } from '../palette.js';
import { groupFinals, groupTolerance } from './multistart-groups.js';
import { VIEW_DEFAULTS, viewSettings } from '../../state/view-fields.js';
import { analysisSection, numberField } from './section.js';

export function createMultiStart(after, { client, request, viewState, onSettings, dark }) {
  const { section, fields, run, status, body } = analysisSection({
    id: 'multistart', title: 'Many starts',
    intro: 'Random starts x₀ drawn uniformly from [a, b] with a fixed seed; for each step size, where the runs ended.',
  });
  fields.append(
    numberField('starts', 'starts N', VIEW_DEFAULTS.starts),
    numberField('startseed', 'seed', VIEW_DEFAULTS.startseed),
    numberField('a', 'from a', VIEW_DEFAULTS.a),
    numberField('b', 'to b', VIEW_DEFAULTS.b),
  );
  after.after(section);
  section.addEventListener('input', onSettings);
  let job = null;

  const settings = () => viewSettings(viewState(), 'multiStart', ['count', 'seed', 'a', 'b']);

  function histogram(runAnswer, index, landmarks, total, a, b) {
    const groups = groupFinals(runAnswer.final, runAnswer.status, landmarks, groupTolerance(a, b));
    const figure = document.createElement('figure');
    figure.className = 'histogram';
    figure.dataset.eta = String(runAnswer.eta);
    const caption = document.createElement('figcaption');
    const style = pathStyle(index, dark());
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch', textContent: style.glyph });
    swatch.style.color = style.color;
    swatch.setAttribute('aria-hidden', 'true');
    caption.append(swatch, `η = ${runAnswer.eta}`);
    const list = document.createElement('ul');
    list.className = 'bars';
    for (const group of groups) {
      const item = document.createElement('li');
      item.className = `bar-row bar-${group.kind}`;
      item.dataset.group = group.key;
      item.dataset.count = String(group.count);
      const label = Object.assign(document.createElement('span'), { className: 'bar-label', textContent: group.label });
      const track = Object.assign(document.createElement('span'), { className: 'bar-track' });
      const bar = Object.assign(document.createElement('span'), { className: 'bar' });
      bar.style.width = `${(100 * group.count) / total}%`;
      bar.style.background = style.color;
      track.append(bar);
      const count = Object.assign(document.createElement('span'), { className: 'bar-count mono', textContent: String(group.count) });
      item.append(label, track, count);
      list.append(item);
    }
    figure.append(caption, list);
    return figure;
  }

  async function start() {
    const base = request();
    const chosen = settings();
    if (!base) { status.textContent = 'Fix the experiment’s fields first.'; return; }
    if (chosen.error) { status.textContent = chosen.error; return; }
    job?.cancel();
    status.textContent = 'Running…';
    section.setAttribute('aria-busy', 'true');
    const method = base.methods?.[0] ?? base.method;
    job = client.start({
      kind: 'multistart', expression: base.expression, etas: base.etas, steps: base.steps, method,
      parameters: base.parametersByMethod?.[method] ?? base.parameters, tolerance: base.tolerance, ...chosen,
    });
    const mine = job;
    try {
      const answer = await mine.done;
      if (answer.cancelled || mine !== job) return;
      const figures = answer.runs.map((r, i) => histogram(r, i, answer.landmarks, answer.count, answer.a, answer.b));
      body.replaceChildren(...figures);
      status.textContent = `${answer.count} starts in [${formatShort(answer.a)}, ${formatShort(answer.b)}], seed ${answer.seed}, `
        + `${base.steps} steps of ${method} each; grouped by the stationary point within ${formatShort(groupTolerance(answer.a, answer.b))}.`;
    } catch (error) {
      if (mine === job) status.textContent = error.message;
    } finally {
      if (mine === job) section.setAttribute('aria-busy', 'false');
    }
  }

  run.addEventListener('click', start);
  return { start, section };
}
