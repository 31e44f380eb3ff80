// The element's public face (web/src/state/element-api.js) as the README documents it, the sheet its shadow
// root gets from the page's (scripts/element-css.mjs), and the two snippets the Embed button writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CSS_PROPERTIES, DEFAULT_PANELS, ELEMENT_ATTRIBUTES, EVENTS, PANELS, PROPERTIES } from '../../web/src/state/element-api.js';
import { elementCss } from '../../scripts/element-css.mjs';
import { embedSnippet, frameSnippet, frameUrl } from '../../web/src/state/embed-snippet.js';
import { FRAME_PARENT_SCRIPT } from '../../web/src/state/frame-message.js';
import { DEFAULT_STATE, stateFromQuery } from '../../web/src/state/state.js';

const read = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');

test('README names every attribute, property, event, panel and custom property of the element', () => {
  const names = [
    ...ELEMENT_ATTRIBUTES.map(({ name }) => `\`${name}\``),
    ...PROPERTIES.map(({ name }) => `\`el.${name}\``),
    ...EVENTS.map(({ name }) => `\`${name}\``),
  ];
  for (const name of names) assert.ok(readme.includes(name), `README.md does not mention ${name}`);
  const propertiesRow = readme.split('\n').find((line) => line.startsWith('| `--descent-*` |'));
  assert.ok(propertiesRow, 'README.md has a row for the custom properties');
  for (const { name } of CSS_PROPERTIES) {
    assert.match(propertiesRow, new RegExp(`\`${name.slice('--descent-'.length)}\``), `the custom properties row names ${name}`);
  }
  assert.ok(readme.includes(FRAME_PARENT_SCRIPT), 'README.md shows the iframe\'s three lines as the Embed button gives them');
  const panelsRow = readme.split('\n').find((line) => line.startsWith('| `panels` |'));
  assert.ok(panelsRow, 'README.md has a row for panels');
  for (const { name } of PANELS) assert.match(panelsRow, new RegExp(`[ \`,]${name}[,\`]`), `the panels row names ${name}`);
  for (const list of Object.values(DEFAULT_PANELS)) for (const name of list) assert.ok(PANELS.some((panel) => panel.name === name));
});

const PAGE_CSS = read('web/style.css');

test('the shadow root\'s sheet: the palette on the host, the dark one by the element\'s state, widths by the element', () => {
  const css = elementCss(PAGE_CSS);
  assert.match(css, /:host\s*\{\s*color-scheme:\s*light;/, 'the element\'s own scheme, not the system\'s choice');
  assert.match(css, /:host\(:state\(dark\)\)\s*\{\s*color-scheme:\s*dark;/);
  assert.match(css, /@media print\s*\{\s*:host, :host\(:state\(dark\)\)\s*\{[^}]*--scheme:\s*light/, 'printed light even when dark on screen');
  assert.doesNotMatch(css, /:root/);
  assert.doesNotMatch(css, /prefers-color-scheme/, 'the system\'s scheme does not choose the palette');
  assert.match(css, /:host\(:state\(dark\)\)\s*\{[^}]*--scheme:\s*dark/);
  assert.match(css, /:host\s*\{[^}]*--scheme:\s*light/);
  // Each documented property stands in for the palette's own value, in both palettes.
  for (const { name } of CSS_PROPERTIES.filter((property) => property.name !== '--descent-font')) {
    const own = `--${name.slice('--descent-'.length)}`;
    assert.match(css, new RegExp(`:host\\s*\\{[^}]*${own}:\\s*var\\(${name},`), `${own} reads ${name} in the light palette`);
  }
  assert.match(css, /:host\(:state\(dark\)\)\s*\{[^}]*--accent:\s*var\(--descent-accent, #6cb4ff\)/);
  assert.match(css, /--font:\s*var\(--descent-font\)[;}]/, 'no font of its own: the page\'s');
  assert.match(css, /@container explorer \(max-width: 600px\)/);
  assert.doesNotMatch(css, /@media\s*\((max|min)-width/);
  assert.match(css, /@media print/);
});

test('a page sheet without a dark palette is refused by name', () => {
  assert.throws(() => elementCss(':root { --text: #000; }'), /no dark palette/);
});

const SEED = { ...DEFAULT_STATE, f: 'x^4-3x^2+2', x0: '-2.5', eta: '0.01, 0.1, 0.5', steps: '40' };

test('the script snippet: a classic script, the settings, the element\'s attributes and the height reserved', () => {
  const snippet = embedSnippet(SEED, 'https://example.org/js/descent-explorer.js',
    { controls: 'compact', panels: 'path,table', theme: 'dark', height: 812.4 });
  assert.equal(snippet, '<script src="https://example.org/js/descent-explorer.js" defer></script>\n'
    + '<descent-explorer f="x^4-3x^2+2" x0="-2.5" eta="0.01, 0.1, 0.5" steps="40" method="gd" '
    + 'controls="compact" panels="path,table" theme="dark" style="display:block;min-height:813px">'
    + '<a href="https://example.org/js/embed.html?f=x%5E4-3x%5E2%2B2&amp;x0=-2.5&amp;eta=0.01,%200.1,%200.5&amp;steps=40&amp;method=gd'
    + '&amp;controls=compact&amp;panels=path,table&amp;theme=dark">Gradient descent on f(x) = x^4-3x^2+2: open the interactive explorer</a>'
    + '</descent-explorer>');
  const hostile = embedSnippet({ ...SEED, f: 'x<"2"&' }, 'a.js');
  assert.match(hostile, /f="x&lt;&quot;2&quot;&amp;"/);
  assert.match(hostile, /<a href="embed\.html\?f=x%3C%222%22%26[^"]*">Gradient descent on f\(x\) = x&lt;&quot;2&quot;&amp;: open/, 'the link beside a relative script, its text escaped');
  assert.match(embedSnippet(SEED, 'a.js'), / controls="full"><a /, 'the whole explorer by default, no height when unknown');
  assert.match(embedSnippet(SEED, 'https://cdn.example/v/descent-explorer.js?v=1/2#x'), /<a href="https:\/\/cdn\.example\/v\/embed\.html\?f=/,
    'embed.html beside the script, whatever its query');
});

test('the iframe snippet: embed.html with the page\'s query, and the parent\'s three lines', () => {
  const url = frameUrl(SEED, 'https://example.org/embed.html', { controls: 'none', panels: 'path,loss' });
  assert.equal(url, 'https://example.org/embed.html?f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,%200.1,%200.5&steps=40&method=gd'
    + '&controls=none&panels=path,loss');
  // The query reads back as the same experiment.
  const { state, problems } = stateFromQuery(new URL(url).search);
  assert.deepEqual(problems, ['The link has an unknown setting \'controls\', which was ignored.', 'The link has an unknown setting \'panels\', which was ignored.']);
  assert.equal(state.f, SEED.f);
  assert.equal(state.eta, SEED.eta);
  const snippet = frameSnippet(SEED, 'https://example.org/embed.html', { height: 700 });
  assert.match(snippet, /^<iframe class="descent" src="https:\/\/example\.org\/embed\.html\?f=[^"]*" title="descent: gradient descent on f\(x\) = x\^4-3x\^2\+2" loading="lazy" style="display:block;width:100%;height:700px;border:0"><\/iframe>\n/);
  assert.ok(snippet.endsWith(FRAME_PARENT_SCRIPT));
  assert.equal(FRAME_PARENT_SCRIPT.split('\n').length, 3);
});
