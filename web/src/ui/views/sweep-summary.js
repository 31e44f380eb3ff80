// A bifurcation diagram in words, as a screen reader hears it: the stretches of η over which the kept
// iterates settle to one point, flip between two, cycle through a few, wander or blow up ("gd: one point
// for η from 0.001 to 0.1658; two points from 0.1683 to 0.2; ..."). Plain data in, text out.
import { formatShort } from '../format.js';

// Iterates closer than this share of the diagram's height are one point: they are drawn as one.
const SAME_POINT = 1e-3;
const FEW = 8; // up to this many points is a cycle; more is a smear
const MAX_STRETCHES = 6;

const WORDS = {
  1: 'one point',
  2: 'two points',
  few: 'a cycle of a few points',
  many: 'many points (chaos, or not settled yet)',
  diverged: 'diverges',
  undefined: 'leaves the domain',
};

const number = (value) => formatShort(value).replace(/-/g, '\u2212');

// What the column of one η shows: 1, 2, 'few', 'many', 'diverged' or 'undefined'.
function columnKind(values, status, gap) {
  if (status === 'diverged' || status === 'undefined') return status;
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return 'diverged';
  let points = 1;
  for (let i = 1; i < finite.length; i++) if (finite[i] - finite[i - 1] > gap) points++;
  if (points <= 2) return points;
  return points <= FEW ? 'few' : 'many';
}

// answer: the sweep's { eta, x (count × keep), keep, status }; range: the diagram's [low, high] in x.
export function sweepWords(answer, range) {
  const gap = SAME_POINT * Math.max(range ? range[1] - range[0] : 1, 1e-12);
  const stretches = [];
  for (let i = 0; i < answer.eta.length; i++) {
    const values = Array.from(answer.x.subarray(i * answer.keep, (i + 1) * answer.keep));
    const kind = columnKind(values, answer.status[i], gap);
    const last = stretches.at(-1);
    if (last && last.kind === kind) last.to = answer.eta[i];
    else stretches.push({ kind, from: answer.eta[i], to: answer.eta[i] });
  }
  const say = ({ kind, from, to }) => (from === to
    ? `${WORDS[kind]} at η = ${number(from)}`
    : `${WORDS[kind]} for η from ${number(from)} to ${number(to)}`);
  if (stretches.length <= MAX_STRETCHES) return stretches.map(say).join('; ');
  // Where the range ends (often: diverges) matters more than the windows of chaos before it.
  const more = stretches.length - MAX_STRETCHES;
  return [...stretches.slice(0, MAX_STRETCHES - 1).map(say), `${more} more ${more === 1 ? 'stretch' : 'stretches'}`,
    `then ${say(stretches.at(-1))}`].join('; ');
}
