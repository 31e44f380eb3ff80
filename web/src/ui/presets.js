// Ready-made experiments, each with what to look for: first the stories of the two blog posts descent started
// from, then lessons from training a neural network (schedules, clipping, warm-up, gradient noise, AdamW).
//
// Every number a notice quotes is the engine's, and `checks` says where it comes from, so that
// tests/node/presets.test.mjs can run the preset and hold the text to it. A check reads:
//   shown      the words of the notice it is about (a number in it is compared at the decimals it is shown to)
//   path       which path of the experiment, counting from 1, as the results table lists them (default 1)
//   quantity   what of that path: 'final x', 'x at step' (with step), 'lowest x over the last steps' and
//              'highest x over the last steps' (with last), 'largest step', 'steps to settle' (the first step
//              from which x stays within 1e-4 of where it ends), 'diverged at step', 'distance ratio each step'
//              (|x_k − x*| / |x_k−1 − x*| for the minimum x* nearest the end), and of the minimum nearest where
//              the path ends: 'minimum x', '2/f″ at the minimum', 'distance to the minimum'; 'maximum x' is the
//              maximum nearest where the path ends
//   status     instead of a quantity: the path's status ('diverged', 'undefined', ...)
//   atMost     where the notice states a bound, not a value ('within a dozen steps')
//   decimals   compare at these decimals instead of the shown number's own ('settles at x = 2': 2.0000)
//   setting    instead of a path: a setting the notice restates, as the engine is asked to use it ('β = 0.9')
//   run        changes to the preset's state for another experiment the notice compares with
// `notation` lists formulas in the notice whose digits are not results ('1 − 2η').
export const BLOG_PRESETS = [
  {
    title: 'A simple bowl',
    state: { f: '(x-2)^2', x0: '-1', eta: '0.1', steps: '20', method: 'gd' },
    notice: 'Each step shrinks the distance to the minimum at x = 2 by the same factor, 1 − 2η = 0.8.',
    notation: ['1 − 2η'],
    checks: [
      { quantity: 'minimum x', shown: 'x = 2', decimals: 4 },
      { quantity: 'distance ratio each step', shown: '0.8' },
    ],
  },
  {
    title: 'A tilted double well',
    state: { f: '0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', x0: '-1', eta: '0.1, 0.4', steps: '20', method: 'gd' },
    notice: 'η = 0.1 gets trapped in the shallow well near −0.135. η = 0.4 jumps the hump into the deep well, ' +
      'but it is above 2/f″ there, so it bounces between 3.26 and 3.84 around the minimum at 3.61.',
    checks: [
      { path: 1, quantity: 'final x', shown: '−0.135' },
      { path: 2, quantity: '2/f″ at the minimum', shown: 'η = 0.4', atMost: 0.4 },
      { path: 2, quantity: 'lowest x over the last steps', last: 2, shown: '3.26' },
      { path: 2, quantity: 'highest x over the last steps', last: 2, shown: '3.84' },
      { path: 2, quantity: 'minimum x', shown: '3.61' },
    ],
  },
  {
    title: 'Three step sizes',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40', method: 'gd' },
    notice: 'η = 0.01 crawls, η = 0.1 settles at −1.2247 within a dozen steps, ' +
      'and η = 0.5 (above 2/f″ = 0.167) overshoots further each step until it diverges at step 5.',
    checks: [
      { path: 2, quantity: 'final x', shown: '−1.2247' },
      { path: 2, quantity: 'steps to settle', shown: 'a dozen', atMost: 12 },
      { path: 2, quantity: '2/f″ at the minimum', shown: '0.167' },
      { path: 3, quantity: 'diverged at step', shown: 'step 5' },
    ],
  },
  {
    title: 'Stepping out of the domain',
    state: { f: 'x - 2log(x)', x0: '5', eta: '1, 10', steps: '20', method: 'gd' },
    notice: 'η = 1 settles at the minimum x = 2; η = 10 jumps past 0 to x = −1, where log is undefined, so that run stops.',
    checks: [
      { path: 1, quantity: 'final x', shown: 'x = 2', decimals: 4 },
      { path: 1, quantity: 'minimum x', shown: 'x = 2', decimals: 4 },
      { path: 2, quantity: 'x at step', step: 1, shown: 'x = −1', decimals: 4 },
      { path: 2, quantity: 'x at step', step: 1, shown: 'past 0', atMost: 0 },
      { path: 2, status: 'undefined', shown: 'log is undefined' },
    ],
  },
  {
    title: 'Momentum builds up speed',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01', steps: '40', method: 'momentum' },
    notice: 'With β = 0.9 the small step gathers so much speed that it rolls over the hump at 0 ' +
      'and swings around the other minimum at +1.22, where plain gradient descent crawled to −1.227.',
    checks: [
      { quantity: 'maximum x', shown: 'hump at 0', decimals: 4 },
      { quantity: 'minimum x', shown: '+1.22' },
      { run: { method: 'gd' }, quantity: 'final x', shown: '−1.227' },
      { setting: 'beta', shown: 'β = 0.9' },
    ],
  },
];

const QUARTIC = { f: 'x^4 - 3x^2 + 2', x0: '-2.5', method: 'gd' };

export const TRAINING_PRESETS = [
  {
    title: 'Clipping stops the blow-up',
    state: { ...QUARTIC, eta: '0.5', steps: '40', clip: '1' },
    notice: 'Unclipped, η = 0.5 diverges at step 5. Clipped to norm 1, no step moves x more than 0.5, so it walks ' +
      'into the well, where η is still too large to settle: it bounces between −1.5 and −1.0.',
    checks: [
      { run: { clip: '' }, quantity: 'diverged at step', shown: 'step 5' },
      { quantity: 'largest step', shown: 'more than 0.5', atMost: 0.5 },
      { quantity: '2/f″ at the minimum', shown: 'η = 0.5', atMost: 0.5 },
      { quantity: 'lowest x over the last steps', last: 20, shown: '−1.5' },
      { quantity: 'highest x over the last steps', last: 20, shown: '−1.0' },
    ],
  },
  {
    title: 'Decay settles the bounce',
    state: { ...QUARTIC, eta: '0.5', steps: '40', clip: '1', schedule: 'exponential', gamma: '0.9' },
    notice: 'Clipped as before, with η shrunk by γ = 0.9 each step, the bounce dies: from step 18 x rests at ' +
      '−1.2247. Decay alone fails: the first step still takes the full η = 0.5, to x = 21.25.',
    checks: [
      { quantity: 'steps to settle', shown: 'step 18' },
      { quantity: 'final x', shown: '−1.2247' },
      { run: { clip: '' }, quantity: 'x at step', step: 1, shown: '21.25' },
      { run: { clip: '' }, status: 'diverged', shown: 'Decay alone fails' },
    ],
  },
  {
    title: 'Warm-up starts gently',
    state: { ...QUARTIC, eta: '0.15', steps: '40', schedule: 'linear', startFactor: '0.1', totalIters: '10' },
    notice: 'At a constant η = 0.15 the first step flies to 4.625 and the run diverges at step 6. Warmed up from ' +
      '0.1·η over 10 steps, it steps to −1.7875 first, then settles at −1.2247, where η is below 2/f″ = 0.167.',
    checks: [
      { run: { schedule: 'constant' }, quantity: 'x at step', step: 1, shown: '4.625' },
      { run: { schedule: 'constant' }, quantity: 'diverged at step', shown: 'step 6' },
      { quantity: 'x at step', step: 1, shown: '−1.7875' },
      { quantity: 'final x', shown: '−1.2247' },
      { quantity: '2/f″ at the minimum', shown: '0.167' },
    ],
  },
  {
    title: 'Noise at a constant rate',
    state: { ...QUARTIC, x0: '-1.5', eta: '0.05', steps: '100', noise: '2', seed: '1' },
    notice: 'With noise of σ = 2 on each gradient, as from a mini-batch, a constant η = 0.05 never settles: ' +
      'over the last 50 steps x wanders between −1.48 and −1.10, around the minimum at −1.2247.',
    checks: [
      { quantity: 'lowest x over the last steps', last: 50, shown: '−1.48' },
      { quantity: 'highest x over the last steps', last: 50, shown: '−1.10' },
      { quantity: 'minimum x', shown: '−1.2247' },
    ],
  },
  {
    title: 'Noise with cosine decay',
    state: { ...QUARTIC, x0: '-1.5', eta: '0.05', steps: '100', noise: '2', seed: '1', schedule: 'cosine', etaMin: '0' },
    notice: 'The same noise, with η annealed from 0.05 to 0 along a cosine: the noisy steps shrink with η, ' +
      'and x comes to rest at −1.258, 0.034 from the minimum.',
    checks: [
      { quantity: 'final x', shown: '−1.258' },
      { quantity: 'distance to the minimum', shown: '0.034' },
      { quantity: 'highest x over the last steps', last: 5, shown: 'comes to rest at −1.258' },
      { quantity: 'lowest x over the last steps', last: 5, shown: 'comes to rest at −1.258' },
    ],
  },
  {
    title: 'AdamW against Adam with L2',
    state: { f: '(x-2)^2', x0: '0', eta: '0.1', steps: '500', method: 'adam,adamw', weightDecay: '1' },
    notice: 'With weight decay 1, Adam adds x to the gradient and settles at 1.3333, the minimum of (x−2)² + x²/2. ' +
      'AdamW takes η·x off x beside Adam\'s step of about η, so it heads for x = 1 instead: 0.9636 after 500 steps.',
    notation: ['(x−2)² + x²/2'],
    checks: [
      { path: 1, quantity: 'final x', shown: '1.3333' },
      { run: { f: '(x-2)^2 + x^2/2', method: 'gd', weightDecay: '' }, quantity: 'minimum x', shown: '1.3333' },
      { path: 2, quantity: 'final x', shown: '0.9636' },
      { path: 2, run: { steps: '20000' }, quantity: 'final x', shown: 'x = 1', decimals: 4 },
    ],
  },
];

// The presets panel lists them in these groups, the first without a heading.
export const PRESET_GROUPS = [
  { heading: '', presets: BLOG_PRESETS },
  { heading: 'Training lessons', presets: TRAINING_PRESETS },
];

export const PRESETS = PRESET_GROUPS.flatMap((group) => group.presets);
