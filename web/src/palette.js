// Okabe–Ito colours stay distinguishable under the common colour-vision deficiencies; each path also gets
// its own marker shape so the chart still reads in greyscale. The dark list starts from the lighter hues,
// which keep their contrast on a dark background.
const LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8a7d00', '#000000'];
const DARK = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#0072B2', '#ffffff'];
const SHAPES = ['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];
const SHAPE_GLYPHS = ['●', '▲', '■', '◆', '✕', '✶', '▪', '+'];

export const MAX_PATHS = LIGHT.length;

export function pathStyle(index, dark) {
  const i = index % MAX_PATHS;
  return { color: (dark ? DARK : LIGHT)[i], pointStyle: SHAPES[i], glyph: SHAPE_GLYPHS[i] };
}
