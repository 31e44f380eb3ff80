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
    notice: 'The small step gets trapped in the shallow well near −0.135; the large one jumps the hump and reaches the deep minimum at 3.836.',
  },
  {
    title: 'Three step sizes',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40', method: 'gd' },
    notice: 'η = 0.01 crawls, η = 0.1 settles at −1.2247 within a few steps, and η = 0.5 overshoots so far that it diverges.',
  },
  {
    title: 'Momentum helps the slow run',
    state: { f: 'x^4 - 3x^2 + 2', x0: '-2.5', eta: '0.01', steps: '40', method: 'momentum' },
    notice: 'With β = 0.9 the small step builds up speed: compare with the η = 0.01 run of plain gradient descent.',
  },
];
