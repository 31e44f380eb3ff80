// Okabe–Ito colours stay distinguishable under the common colour-vision deficiencies; each path also gets
// its own marker shape so the chart still reads in greyscale. The dark list starts from the lighter hues,
// which keep their contrast on a dark background. There is one colour and one shape for each path an
// experiment may draw (MAX_PATHS, a cap the state checks).
import { MAX_PATHS } from '../state/limits.js';

const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8a7d00', '#000000'];
const DARK = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#0072B2', '#ffffff'];
const SHAPES = ['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];
const SHAPE_GLYPHS = ['●', '▲', '■', '◆', '✕', '✶', '▪', '+'];

if ([LIGHT, DARK, SHAPES, SHAPE_GLYPHS].some((list) => list.length !== MAX_PATHS)) {
  throw new Error(`the palette needs ${MAX_PATHS} colours and shapes, one for each path`);
}

export function pathStyle(index, dark) {
  const i = index % MAX_PATHS;
  return { color: (dark ? DARK : LIGHT)[i], pointStyle: SHAPES[i], glyph: SHAPE_GLYPHS[i] };
}
