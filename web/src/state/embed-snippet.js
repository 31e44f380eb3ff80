// The HTML that puts the current experiment into a post: the element's script and one <descent-explorer>
// carrying every setting that differs from an empty field, so the snippet reproduces what is on screen.
import { EXPERIMENT_KEYS } from './settings.js';

const ATTRIBUTES = EXPERIMENT_KEYS;

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippet(state, scriptUrl, controls = 'full') {
  const attributes = ATTRIBUTES
    .filter((name) => state[name].trim() !== '')
    .map((name) => `${name}="${escapeAttribute(state[name].trim())}"`);
  if (state.log === true) attributes.push('log');
  if (state.log === false) attributes.push('log="false"');
  attributes.push(`controls="${controls}"`);
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n` +
    `<descent-explorer ${attributes.join(' ')}></descent-explorer>`;
}
