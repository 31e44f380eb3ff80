// The page's stylesheet (web/style.css) made into the sheet of a <descent-explorer>'s shadow root:
// - the palette on :root goes on :host, each property a page may set (--descent-accent, ... listed in
//   web/src/state/element-api.js) standing in for the palette's own value, and the font the page's own
//   unless --descent-font says otherwise;
// - the dark palette, which the page takes from the operating system, applies when the element says so
//   (:host(:state(dark)), set by the element from its theme attribute or the page around it), and the
//   printed one whichever it shows;
// - width media queries become container queries on the element, which is laid out by its own width.
import { CSS_PROPERTIES } from '../web/src/state/element-api.js';

const PREFIX = '--descent-';
const OVERRIDABLE = new Set(CSS_PROPERTIES.map(({ name }) => `--${name.slice(PREFIX.length)}`));

// The index just past the block whose opening brace is at `open`.
function blockEnd(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error('element-css: unbalanced braces in the page stylesheet');
}

// Each declaration of an overridable property reads the page's --descent-* value first. The font has no
// value of the explorer's own: unset, var() leaves it inherited from the page.
function overridable(block) {
  return block.replace(/(--[a-z-]+)\s*:\s*([^;{}]+)/g, (whole, name, value) => {
    if (!OVERRIDABLE.has(name)) return whole;
    return name === '--font' ? `${name}: var(${PREFIX}font)` : `${name}: var(${PREFIX}${name.slice(2)}, ${value.trim()})`;
  });
}

export function elementCss(pageCss) {
  let css = pageCss;
  // The dark palette: "@media (prefers-color-scheme: dark) { :root { ... } }" -> ":host(:state(dark)) { ... }".
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/.exec(css);
  if (!dark) throw new Error('element-css: web/style.css has no dark palette');
  const outerOpen = dark.index + dark[0].length - 1;
  const outerEnd = blockEnd(css, outerOpen);
  const inner = css.slice(outerOpen + 1, outerEnd - 1).trim();
  if (!/^:root\s*\{/.test(inner)) throw new Error('element-css: the dark palette is not one :root block');
  css = `${css.slice(0, dark.index)}${inner.replace(/^:root/, ':host(:state(dark))')}${css.slice(outerEnd)}`;
  // Every other :root (the light palette, the printed one) is the host.
  css = css.replaceAll(':root', ':host');
  // The palette blocks, which are the :host blocks that declare custom properties.
  css = css.replace(/:host(\(:state\(dark\)\))?\s*\{[^{}]*\}/g, (block) => overridable(block));
  // The element's scheme is the palette it shows (native controls and scrollbars follow it): the page's
  // "light dark" would leave that to the system.
  css = css.replace(/(:host\s*\{[^{}]*?color-scheme:\s*)light dark/, '$1light');
  css = css.replace(/:host\(:state\(dark\)\)\s*\{/, '$&\n  color-scheme: dark;');
  // Printed, the light palette, whichever the element shows on screen.
  const print = css.indexOf('@media print');
  if (print < 0) throw new Error('element-css: web/style.css has no print rules');
  css = css.slice(0, print) + css.slice(print).replace(/:host\s*\{/, ':host, :host(:state(dark)) {');
  // Width queries ask the element's width; other media (print, colour scheme) stay as they are.
  return css.replace(/@media\s*(\((?:max|min)-width:\s*\d+px\))/g, '@container explorer $1');
}
