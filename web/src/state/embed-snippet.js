// The HTML that puts the current experiment into a post, two ways:
// - embedSnippet: the element's classic script (it runs from file:// as well as over http) and one
//   <descent-explorer> carrying every setting that differs from an empty field (and a schedule other than
//   the constant rate), its controls, panels and
//   theme, and the height it takes, reserved so the post does not move while the script loads, and inside
//   it a link to the same experiment for a reader whose feed reader or mail drops the script;
// - frameSnippet: for platforms that take only iframes, an <iframe> of embed.html with the same settings in
//   its query, and three lines for the parent page that fit the iframe to the explorer's height (without
//   them, where a platform strips scripts, the iframe keeps the height the snippet reserves).
import { ELEMENT_ATTRIBUTES } from './element-api.js';
import { EXPERIMENT_KEYS } from './settings.js';
import { queryFromState } from './state.js';
import { FRAME_PARENT_SCRIPT } from './frame-message.js';

// The element's own attributes a snippet may carry: all but log, which is part of the experiment here.
const OWN = ELEMENT_ATTRIBUTES.map(({ name }) => name).filter((name) => name !== 'log');
function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ownAttributes(options) {
  return OWN.filter((name) => options[name]).map((name) => [name, options[name]]);
}

// What the element holds for a reader who does not (yet) see the explorer: before its script arrives (and,
// shown by the element, until its first answer is drawn), in a feed reader or an e-mail that drops
// scripts, with scripts off: a link to the same experiment on embed.html, beside the script as the iframe
// snippet assumes.
function fallbackLink(state, scriptUrl, options) {
  const page = frameUrl(state, scriptUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, 'embed.html'), options);
  const f = (state.f ?? '').trim();
  const what = f ? `Gradient descent on f(x) = ${f}` : 'Gradient descent';
  return `<a href="${escapeAttribute(page)}">${escapeAttribute(what)}: open the interactive explorer</a>`;
}

// options: controls, panels, theme (as the element's attributes), height (px reserved; omitted if unknown).
export function embedSnippet(state, scriptUrl, options = {}) {
  const attributes = EXPERIMENT_KEYS
    .filter((name) => (state[name] ?? '').trim() !== '' && !(name === 'schedule' && state[name] === 'constant'))
    .map((name) => `${name}="${escapeAttribute(state[name].trim())}"`);
  if (state.log === true) attributes.push('log');
  if (state.log === false) attributes.push('log="false"');
  for (const [name, value] of ownAttributes({ controls: 'full', ...options })) attributes.push(`${name}="${escapeAttribute(value)}"`);
  if (options.height) attributes.push(`style="display:block;min-height:${Math.ceil(options.height)}px"`);
  return `<script src="${escapeAttribute(scriptUrl)}" defer></script>\n`
    + `<descent-explorer ${attributes.join(' ')}>${fallbackLink(state, scriptUrl, options)}</descent-explorer>`;
}

// The iframe's address: embed.html beside the script, with the experiment and the element's attributes.
export function frameUrl(state, pageUrl, options = {}) {
  const own = ownAttributes(options).map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  const query = queryFromState(state);
  return `${pageUrl}${query}${own.length ? `${query === '?' ? '' : '&'}${own.join('&')}` : ''}`;
}

export function frameSnippet(state, pageUrl, options = {}) {
  const height = Math.ceil(options.height || 640);
  const title = `descent: gradient descent on f(x) = ${state.f}`;
  return `<iframe class="descent" src="${escapeAttribute(frameUrl(state, pageUrl, options))}" title="${escapeAttribute(title)}" `
    + `loading="lazy" style="display:block;width:100%;height:${height}px;border:0"></iframe>\n${FRAME_PARENT_SCRIPT}`;
}
