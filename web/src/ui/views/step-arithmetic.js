// The arithmetic of one step, with the engine's numbers in it (engine.describeSteps): the training
// settings first (the noise drawn, the clipped gradient, the scheduled η_k, weight decay), then the
// method's own lines, each ending in the value the engine computed. `before` is the step before (for the
// velocity or the accumulators the step starts from), null at k = 0, where they start at 0.
// Returns [{ formula, name }], name saying in words what the line computes.
import { accent, frac, infix, mi, mn, mo, num, paren, row, sqrt, sub, sup, text } from '../formula.js';
import { formatNumber } from '../format.js';

const k = mi('k');
const k1 = row(mi('k'), mo('+'), mn('1'));
const at = (name, index) => sub(mi(name), index);
const xk = at('x', k);
const xk1 = at('x', k1);
const df = row(mi('f'), mo('′'), paren(xk));
const d2f = row(mi('f'), mo('″'), paren(xk));
const times = mo('·');
const minus = infix('−');
const plus = infix('+');
const eq = infix('=');
const n = (value) => num(value);
const factor = (value) => num(value, { wrap: true });
const oneMinus = (p) => paren(mn('1'), minus, p);

// What a line says, then its value: left = symbols = numbers = value. On a narrow screen a line may wrap
// before each "=" but the first, and before a "+" or "−" among the numbers, so it is also kept as the
// segments that start there.
function line(name, ...parts) {
  const segments = [];
  let equals = 0;
  for (const part of parts) {
    if (part === eq) equals += 1;
    const breaks = (part === eq && equals > 1) || ((part === plus || part === minus) && equals > 1);
    if (segments.length === 0 || breaks) segments.push([]);
    segments.at(-1).push(part);
  }
  return { name, formula: row(...parts), segments: segments.map((segment) => row(...segment)) };
}

// The gradient the method was handed, and the lines that made it: f′(x_k), plus the noise drawn, clipped,
// plus weight decay added to the gradient.
function gradientLines(step, settings) {
  const lines = [];
  const noisy = Number(settings.noise) > 0;
  const clipped = settings.clip !== undefined && settings.clip !== null && settings.clip !== '';
  let symbol = df;
  if (noisy) {
    const noised = clipped ? sub(accent(mi('g'), '~', 'tilde'), k) : at('g', k);
    lines.push(line('the gradient with the noise drawn', noised, eq, df, plus, mi('σ'), times, at('ξ', k),
      eq, n(step.df), plus, factor(step.noise), eq, n(step.seen)));
    symbol = noised;
  }
  if (clipped) {
    const clip = (inner, c) => row(text('clip'), paren(inner, mo(','), c));
    lines.push(line('the clipped gradient', at('g', k), eq, clip(symbol, mi('c')), eq, clip(n(step.seen), n(Number(settings.clip))),
      eq, n(step.g)));
    symbol = at('g', k);
  }
  const decayed = step.values['decayed gradient'];
  if (decayed !== undefined) {
    const lambda = Number(settings.weightDecay);
    lines.push(line('the gradient with weight decay', at('d', k), eq, symbol, plus, mi('λ'), times, xk,
      eq, n(step.g), plus, n(lambda), times, factor(step.x), eq, n(decayed)));
    symbol = at('d', k);
  }
  return { lines, symbol, value: decayed ?? step.g };
}

function rateLines(step, settings, scheduleLabel) {
  if (!settings.schedule || settings.schedule === 'constant') return { lines: [], eta: mi('η') };
  const eta = at('η', k);
  return { lines: [line('the scheduled step size', eta, eq, n(step.lr), text(`\u00a0\u00a0from the schedule: ${scheduleLabel}`))], eta };
}

const previous = (before, name) => (before ? before.values[name] : 0);

// x_{k+1} = from − factor·direction = numbers = next
function stepLine(step, start, startValue, scale, scaleValue, direction, directionValue) {
  return line('the step', xk1, eq, start, minus, scale, times, direction,
    eq, n(startValue), minus, factor(scaleValue), times, factor(directionValue), eq, n(step.next));
}

const METHODS = {
  gd({ step, g, eta }) {
    return [stepLine(step, xk, step.x, eta, step.lr, g.symbol, g.value)];
  },
  momentum({ step, before, g, eta, settings }) {
    const beta = Number(settings.beta);
    return [
      line('the velocity', at('v', k1), eq, mi('β'), times, at('v', k), plus, g.symbol,
        eq, n(beta), times, factor(previous(before, 'velocity')), plus, factor(g.value), eq, n(step.values.velocity)),
      stepLine(step, xk, step.x, eta, step.lr, at('v', k1), step.values.velocity),
    ];
  },
  nesterov(context) {
    const { step, g, eta, settings } = context;
    const beta = Number(settings.beta);
    const [velocity] = METHODS.momentum(context);
    const direction = paren(g.symbol, plus, mi('β'), times, at('v', k1));
    return [
      velocity,
      line('the look-ahead direction', direction, eq, factor(g.value), plus, n(beta), times, factor(step.values.velocity),
        eq, n(step.values.direction)),
      stepLine(step, xk, step.x, eta, step.lr, direction, step.values.direction),
    ];
  },
  adagrad({ step, before, g, eta, settings }) {
    const sum = step.values['sum of squares'];
    return [
      line('the sum of squared gradients', at('s', k1), eq, at('s', k), plus, sup(g.symbol, mn('2')),
        eq, n(previous(before, 'sum of squares')), plus, sup(factor(g.value), mn('2')), eq, n(sum)),
      denominatorLine(step, settings, sqrt(at('s', k1)), sum),
      adaptiveStep(step, eta, g),
    ];
  },
  rmsprop({ step, before, g, eta, settings }) {
    const alpha = Number(settings.alpha);
    const average = step.values['square average'];
    return [
      line('the running average of squared gradients', at('s', k1), eq, mi('α'), times, at('s', k), plus,
        oneMinus(mi('α')), times, sup(g.symbol, mn('2')),
        eq, n(alpha), times, factor(previous(before, 'square average')), plus, n(1 - alpha), times,
        sup(factor(g.value), mn('2')), eq, n(average)),
      denominatorLine(step, settings, sqrt(at('s', k1)), average),
      adaptiveStep(step, eta, g),
    ];
  },
  adam: adamLines,
  adamw: adamLines,
  armijo({ step, eta, g, settings }) {
    const t = step.values['accepted t'];
    const backtracks = step.values.backtracks;
    const tried = Array.from(step.trials, (value) => formatNumber(value)).join(', ');
    const more = backtracks + 1 > step.trials.length ? ', …' : '';
    return [
      line('the trial steps', mi('t'), eq, eta, times, sup(text('shrink'), mi('j')), eq, n(step.lr), times,
        sup(n(Number(settings.shrink)), mi('j')), text(`: tried ${tried}${more}`)),
      line('the accepted step and the backtracks', mi('t'), eq, n(t),
        text(`\u00a0\u00a0after ${backtracks} backtrack${backtracks === 1 ? '' : 's'}: the first t with\u00a0`),
        row(mi('f'), paren(xk, minus, mi('t'), g.symbol), mo('≤'), mi('f'), paren(xk), minus, mi('c'), mi('t'), sup(g.symbol, mn('2')))),
      stepLine(step, xk, step.x, mi('t'), t, g.symbol, g.value),
    ];
  },
  exact({ step, g }) {
    const t = step.values['accepted t'];
    return [
      line('the accepted step', mi('t'), eq, text('arg min\u00a0'), mi('f'), paren(xk, minus, mi('t'), g.symbol),
        text('\u00a0over\u00a0'), row(mo('['), mn('0'), mo(','), n(step.values['bracket end']), mo(']')), eq, n(t)),
      stepLine(step, xk, step.x, mi('t'), t, g.symbol, g.value),
    ];
  },
  newton({ step, g }) {
    const curvature = step.values["f''"];
    return [line('the step', xk1, eq, xk, minus, frac(g.symbol, d2f),
      eq, n(step.x), minus, frac(n(g.value), n(curvature)), eq, n(step.x), minus, factor(step.values.ratio), eq, n(step.next))];
  },
};

function denominatorLine(step, settings, root, accumulated) {
  const eps = Number(settings.eps);
  return line('the denominator', root, plus, mi('ε'), eq, sqrt(n(accumulated)), plus, n(eps), eq, n(step.values.denominator));
}

function adaptiveStep(step, eta, g) {
  const denominator = row(sqrt(at('s', k1)), plus, mi('ε'));
  return line('the step', xk1, eq, xk, minus, eta, times, frac(g.symbol, denominator),
    eq, n(step.x), minus, factor(step.lr), times, frac(n(g.value), n(step.values.denominator)), eq, n(step.next));
}

function adamLines({ step, before, g, eta, settings }) {
  const b1 = Number(settings.beta1);
  const b2 = Number(settings.beta2);
  const v = step.values;
  const t = mi('t');
  const lines = [
    line('the first moment', at('m', k1), eq, sub(mi('β'), mn('1')), times, at('m', k), plus, oneMinus(sub(mi('β'), mn('1'))), times, g.symbol,
      eq, n(b1), times, factor(previous(before, 'first moment')), plus, n(1 - b1), times, factor(g.value), eq, n(v['first moment'])),
    line('the second moment', at('s', k1), eq, sub(mi('β'), mn('2')), times, at('s', k), plus, oneMinus(sub(mi('β'), mn('2'))), times,
      sup(g.symbol, mn('2')), eq, n(b2), times, n(previous(before, 'second moment')), plus, n(1 - b2), times,
      sup(factor(g.value), mn('2')), eq, n(v['second moment'])),
    line('the bias corrections', mn('1'), minus, sup(sub(mi('β'), mn('1')), t), eq, n(v['bias correction 1']),
      text(',\u00a0\u00a0'), mn('1'), minus, sup(sub(mi('β'), mn('2')), t), eq, n(v['bias correction 2']), text(`\u00a0\u00a0(t = ${step.k + 1})`)),
    line('the effective step', mi('h'), eq, frac(eta, row(mn('1'), minus, sup(sub(mi('β'), mn('1')), t))), mo('/'),
      paren(frac(sqrt(at('s', k1)), sqrt(row(mn('1'), minus, sup(sub(mi('β'), mn('2')), t)))), plus, mi('ε')),
      eq, n(v['step size']), mo('/'), n(v.denominator), eq, n(v['effective step'])),
  ];
  const decayedX = v['decayed x'];
  if (decayedX !== undefined) {
    const start = sub(accent(mi('x'), '~', 'tilde'), k);
    lines.push(line('x after decoupled weight decay', start, eq, xk, times, oneMinus(row(eta, times, mi('λ'))),
      eq, n(step.x), times, oneMinus(row(n(step.lr), times, n(Number(settings.weightDecay)))), eq, n(decayedX)));
    lines.push(stepLine(step, start, decayedX, mi('h'), v['effective step'], at('m', k1), v['first moment']));
  } else {
    lines.push(stepLine(step, xk, step.x, mi('h'), v['effective step'], at('m', k1), v['first moment']));
  }
  return lines;
}

// The lines of a step of `method`; `scheduleLabel` names the schedule, for the η_k line.
export function stepLines({ method, step, before, settings, scheduleLabel }) {
  const g = gradientLines(step, settings);
  const rate = method === 'newton' ? { lines: [], eta: mi('η') } : rateLines(step, settings, scheduleLabel);
  const own = METHODS[method]?.({ step, before, g, eta: rate.eta, settings }) ?? [];
  return [...g.lines, ...rate.lines, ...own];
}
