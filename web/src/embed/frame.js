// dist/embed.html: one explorer made for an iframe, on platforms that take iframes but strip scripts. Its
// query is the page's (f, x0, eta, ... as in a link to the explorer) plus the element's own attributes
// (controls, panels, theme); it tells its parent its height whenever that changes, so a parent that runs
// the three lines of state/embed-snippet.js (FRAME_PARENT_SCRIPT) fits the iframe to the explorer.
import { FRAME_HEIGHT_MESSAGE } from '../state/frame-message.js';

const Explorer = customElements.get('descent-explorer');
const explorer = document.createElement('descent-explorer');
const names = new Set(Explorer.observedAttributes);
// Read as the page reads its links (state/state.js): a '+' is a plus, as in f=x^2+1, not a space.
const query = new URLSearchParams(location.search.replace(/\+/g, '%2B'));
for (const [name, value] of query) if (names.has(name) && name !== 'log') explorer.setAttribute(name, value);
// A link's log=1 / log=0 is the element's log / log="false"; anything else leaves the scale to the values.
const log = query.get('log');
if (['1', 'true'].includes(log)) explorer.setAttribute('log', '');
if (['0', 'false'].includes(log)) explorer.setAttribute('log', 'false');
if (explorer.getAttribute('f')) document.title = `descent: gradient descent on f(x) = ${explorer.getAttribute('f')}`;
document.querySelector('main').append(explorer);

let sent = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === sent || window.parent === window) return;
  sent = height;
  window.parent.postMessage({ [FRAME_HEIGHT_MESSAGE]: height }, '*');
}).observe(document.documentElement);
