// Ready-made experiments from the two blog posts descent started from, each with what to look for.
export const PRESETS = [
  {
    title: 'A simple bowl',
    state: { f: '(x-2)^2', x0: '-1', eta: '0.1', steps: '20', method: 'gd' },
    notice: 'Each step shrinks the distance to the minimum at x = 2 by the same factor, 1 − 2η = 0.8.',
  },
  {
    title: 'A tilted double well',
    state: { f: '0.5*(0.75*x-1.2)^4-2*(0.75*x-1)^2+2', x0: '-1', eta: '0.1, 0.4', steps: '20', method: 'gd' },
    notice: 'η = 0.1 gets trapped in the shallow well near −0.135. η = 0.4 jumps the hump into the deep well, ' +
      'but it is above 2/f″ there, so it bounces between 3.26 and 3.84 around the minimum at 3.61.',
  },
  {
    title: 'Three step sizes',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40', method: 'gd' },
    notice: 'η = 0.01 crawls, η = 0.1 settles at −1.2247 within a dozen steps, ' +
      'and η = 0.5 (above 2/f″ = 0.167) overshoots further each step until it diverges.',
  },
  {
    title: 'Stepping out of the domain',
    state: { f: 'x - 2log(x)', x0: '5', eta: '1, 10', steps: '20', method: 'gd' },
    notice: 'η = 1 settles at the minimum x = 2; η = 10 jumps past 0 to x = −1, where log is undefined, so that run stops.',
  },
  {
    title: 'Momentum builds up speed',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01', steps: '40', method: 'momentum' },
    notice: 'With β = 0.9 the small step gathers so much speed that it rolls over the hump at 0 ' +
      'and swings around the other minimum at +1.22, where plain gradient descent crawled to −1.22.',
  },
];
