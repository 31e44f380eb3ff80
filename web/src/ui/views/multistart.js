// "Many starts": N seeded random x₀ in [a, b] for every chosen method and step size, and a histogram per
// method and η of where the runs ended. Every method starts from the same N points, so the methods compare
// start for start; the seed is in the URL, so the same link draws the same counts.
import { formatShort } from '../format.js';
import { pathStyle } from '../palette.js';
import { groupFinals, groupTolerance, groupWords } from './multistart-groups.js';
import { VIEW_DEFAULTS, viewSettings } from '../../state/view-fields.js';
import { pageName, VIEW_SETTING_NAMES } from '../../state/settings.js';
import {
  analysisSection, appendFields, FIX_FIELD, listWords, methodTitle, numberField, progressControls, readyToRun, showViewErrors,
} from './section.js';

// What the labels other than "min x = …" and "max x = …" mean, for the legend under the histograms.
const GROUP_WORDS = {
  elsewhere: ['elsewhere', (within, steps) => `after ${steps} steps not within ${within} of a stationary point (still on its way, or stalled somewhere flat)`],
  diverged: ['diverged', () => 'x or f(x) overflowed'],
  undefined: ['left the domain', () => 'f or f′ is undefined where the run went'],
};

export function createMultiStart(after, { client, request, viewState, onSettings, dark }) {
  const { section, fields, tools, run, status, body } = analysisSection({
    id: 'multistart', title: 'Many starts', runLabel: 'Run many starts',
    intro: 'Random starts x₀ drawn uniformly from [a, b] with a fixed seed, the same starts for every method; '
      + 'for each method and step size, where the runs ended.',
  });
  appendFields(fields,
    numberField('starts', 'starts N', VIEW_DEFAULTS.starts),
    numberField('startseed', 'seed', VIEW_DEFAULTS.startseed),
    numberField('a', 'from a', VIEW_DEFAULTS.a),
    numberField('b', 'to b', VIEW_DEFAULTS.b),
  );
  const controls = progressControls({ id: 'multistart', tools, body, label: 'Many starts progress' });
  const groups = Object.assign(document.createElement('div'), { className: 'method-starts-list' });
  body.append(groups);
  after.after(section);
  section.addEventListener('input', onSettings);
  let job = null;

  const settings = () => viewSettings(viewState(), 'multiStart', VIEW_SETTING_NAMES.multiStart);

  function histogram(runAnswer, styleIndex, groupsOf, total, caption) {
    const figure = document.createElement('figure');
    figure.className = 'histogram';
    figure.dataset.method = runAnswer.method;
    figure.dataset.eta = String(runAnswer.eta);
    const title = document.createElement('figcaption');
    const style = pathStyle(styleIndex, dark());
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch', textContent: style.glyph });
    swatch.style.color = style.color;
    swatch.setAttribute('aria-hidden', 'true');
    // The bars are read as the caption's sentence, which says the same in words.
    const words = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: `: ${groupWords(groupsOf, total)}` });
    title.append(swatch, caption, words);
    const list = document.createElement('ul');
    list.className = 'bars';
    list.setAttribute('aria-hidden', 'true');
    for (const group of groupsOf) {
      const item = document.createElement('li');
      item.className = `bar-row bar-${group.kind}`;
      item.dataset.group = group.key;
      item.dataset.count = String(group.count);
      const label = Object.assign(document.createElement('span'), { className: 'bar-label', textContent: group.label, title: group.label });
      const track = Object.assign(document.createElement('span'), { className: 'bar-track' });
      const bar = Object.assign(document.createElement('span'), { className: 'bar' });
      bar.style.width = `${(100 * group.count) / total}%`;
      bar.style.background = style.color;
      track.append(bar);
      const count = Object.assign(document.createElement('span'), { className: 'bar-count mono', textContent: String(group.count) });
      item.append(label, track, count);
      list.append(item);
    }
    figure.append(title, list);
    return figure;
  }

  // One labelled group per method, its histograms in the order of the step sizes; each histogram's colour
  // and glyph are those of the same path in the experiment's charts (paths go method by method).
  function draw(answer, etas, steps) {
    const tolerance = groupTolerance(answer.a, answer.b);
    const seen = new Set();
    const blocks = answer.methods.map((id, m) => {
      const block = document.createElement('section');
      block.className = 'method-starts';
      block.dataset.method = id;
      const heading = methodTitle(document.createElement('h3'), id);
      const figures = Object.assign(document.createElement('div'), { className: 'histograms' });
      for (const runAnswer of answer.runs.filter((r) => r.method === id)) {
        const grouped = groupFinals(runAnswer.final, runAnswer.status, answer.landmarks, tolerance);
        for (const g of grouped) seen.add(g.kind);
        const caption = method?.usesEta === false ? `${method.name} takes no step size` : `η = ${runAnswer.eta}`;
        figures.append(histogram(runAnswer, m * etas.length + etas.indexOf(runAnswer.eta), grouped, answer.count, caption));
      }
      block.setAttribute('aria-label', `${method?.name ?? id}: where ${answer.count} runs ended`);
      block.append(heading, figures);
      return block;
    });
    const legend = Object.assign(document.createElement('p'), { className: 'hint histogram-legend', id: 'multistart-legend' });
    const kinds = ['elsewhere', 'diverged', 'undefined'].filter((kind) => kind === 'elsewhere' || seen.has(kind));
    kinds.forEach((kind, i) => {
      const [term, words] = GROUP_WORDS[kind];
      legend.append(i ? '; ' : '', Object.assign(document.createElement('strong'), { textContent: term }), `: ${words(formatShort(tolerance), steps)}`);
    });
    legend.append('.');
    groups.replaceChildren(...blocks, legend);
  }

  async function start() {
    const ready = readyToRun({ request, settings, fields, status });
    if (!ready) return;
    const { base, chosen } = ready;
    job?.cancel();
    status.textContent = 'Running…';
    section.setAttribute('aria-busy', 'true');
    controls.show();
    const methods = base.methods ?? [base.method];
    const mine = client.start({
      kind: 'multistart', expression: base.expression, etas: base.etas, steps: base.steps, methods,
      parametersByMethod: base.parametersByMethod, training: base.training, tolerance: base.tolerance, ...chosen,
    }, (fraction) => {
      if (mine !== job) return;
      controls.report(fraction);
      status.textContent = `Running… ${Math.round(fraction * 100)}%`;
    });
    job = mine;
    try {
      const answer = await mine.done;
      if (mine !== job) return;
      if (answer.cancelled) { status.textContent = 'Many starts cancelled.'; return; }
      draw(answer, base.etas, base.steps);
      status.textContent = `${answer.count} starts in [${formatShort(answer.a)}, ${formatShort(answer.b)}], seed ${answer.seed}, `
        + `${base.steps} steps of ${listWords(methods)} each${methods.length > 1 ? ' from the same starts' : ''}; `
        + `grouped by the stationary point within ${formatShort(groupTolerance(answer.a, answer.b))}.`;
    } catch (error) {
      if (mine !== job) return;
      const onField = error.setting && showViewErrors(fields, { [pageName('multiStart', error.setting)]: error.message });
      status.textContent = onField ? FIX_FIELD : error.message;
    } finally {
      if (mine === job) { controls.hide(); section.setAttribute('aria-busy', 'false'); }
    }
  }

  run.addEventListener('click', start);
  controls.cancel.addEventListener('click', () => { job?.cancel(); });
  return { start, section };
}
