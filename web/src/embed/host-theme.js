// Which palette a <descent-explorer> with theme="auto" takes: the one of the page around it, not the
// operating system's. A page says so with color-scheme (the CSS property, inherited by the element, or the
// <meta name="color-scheme">): one scheme is that scheme; "light dark" is whichever the page shows, told by
// its background; a page that declares nothing is light unless it paints itself dark.
const osDark = window.matchMedia('(prefers-color-scheme: dark)');

// The element around this one: its parent, or the host of the shadow root it sits in.
const around = (node) => node.parentElement ?? node.getRootNode().host ?? null;

// What the page declares around the element (the element's own sheet sets its own color-scheme).
function schemesDeclared(element) {
  const words = (text) => String(text ?? '').split(/[\s,]+/).filter((word) => word === 'light' || word === 'dark');
  const declared = words(getComputedStyle(around(element) ?? document.documentElement).colorScheme);
  return declared.length ? declared : words(document.querySelector('meta[name="color-scheme"]')?.content);
}

// A computed colour in any syntax (rgb(), oklch(), lab(), color(...)) as sRGB bytes [r, g, b, a], by
// painting it on a one-pixel canvas.
let pixel = null;
function rgba(color) {
  const plain = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (plain) return [Number(plain[1]), Number(plain[2]), Number(plain[3]), 255 * (plain[4] === undefined ? 1 : Number(plain[4]))];
  pixel ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = color;
  pixel.fillRect(0, 0, 1, 1);
  return [...pixel.getImageData(0, 0, 1, 1).data];
}

// The colour behind the element: the first background around it that is mostly opaque, as [r, g, b].
function backgroundBehind(element) {
  for (let node = around(element); node; node = around(node)) {
    const [r, g, b, a] = rgba(getComputedStyle(node).backgroundColor);
    if (a >= 128) return [r, g, b];
  }
  return null;
}

// Relative luminance (WCAG 2) of an sRGB colour.
function luminance([r, g, b]) {
  const linear = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

// Mid-grey's luminance: a background darker than this wants light text.
const DARK_BELOW = 0.18;

export function hostScheme(element) {
  const declared = schemesDeclared(element);
  if (declared.length === 1) return declared[0];
  const background = backgroundBehind(element);
  if (background) return luminance(background) < DARK_BELOW ? 'dark' : 'light';
  // No background of the page's own: the browser's canvas, light unless the page allows dark and the
  // system prefers it.
  return declared.includes('dark') && osDark.matches ? 'dark' : 'light';
}

// Calls back whenever the page may have changed its scheme: the system's preference, a class, style or data
// attribute on <html> or <body> (how sites switch themes), the <head>'s meta tags and stylesheets (once
// loaded), or the end of a transition on <html> or <body>.
const listeners = new Set();
let watching = false;

function watch() {
  if (watching) return;
  watching = true;
  const notify = () => { for (const listener of listeners) listener(); };
  osDark.addEventListener('change', notify);
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true });
  if (document.head) observer.observe(document.head, { childList: true, subtree: true, attributes: true });
  const watchBody = () => { if (document.body) observer.observe(document.body, { attributes: true }); };
  if (document.body) watchBody();
  else document.addEventListener('DOMContentLoaded', watchBody, { once: true });
  // A change the attributes start but that lands later: a stylesheet still loading (load events do not
  // bubble, so they are caught on the way down), or a background that fades to its new colour.
  document.addEventListener('load', (event) => { if (event.target instanceof HTMLLinkElement) notify(); }, true);
  document.addEventListener('transitionend', (event) => {
    if (event.target === document.documentElement || event.target === document.body) notify();
  });
}

export function onHostSchemeChange(listener) {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
