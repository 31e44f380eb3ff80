// <descent-explorer f="x^4-3x^2+2" x0="-2.5" eta="0.01,0.1,0.5" steps="40" method="gd" controls="full">:
// an explorer for a post. controls="full" shows the whole form, "compact" just f, x0, η and steps in one
// row, "none" only the charts and the table. Changing an attribute runs the experiment again. Every
// element on a page shares one engine client and so one worker; the element keeps no state in the URL.
import markup from 'descent:markup';
import pageCss from 'descent:page-css';
import elementCss from './explorer-element.css';
import { startEmbeddedWorker } from './embedded-worker.js';
import { createEngineClient } from '../engine/engine-client.js';
import { createExplorer } from '../ui/explorer.js';
import { DEFAULT_STATE } from '../state/state.js';
import { EXPERIMENT_KEYS } from '../state/settings.js';

// Every setting of the experiment is an attribute, named as in the page's URL.
const SETTINGS = EXPERIMENT_KEYS;
// The file is a classic script so that it also runs from file:// (where module scripts may not load), and a
// <script type="module"> runs it just as well; either way its address is found for the Embed snippet.
const SCRIPT_URL = document.currentScript?.src
  ?? document.querySelector('script[src*="descent-explorer"]')?.src ?? 'descent-explorer.js';

let client = null;
let sheets = null;

// Constructed sheets are allowed by a page's style-src policy, where a <style> element might not be.
function styleSheets() {
  if (!sheets) {
    sheets = [pageCss.replaceAll(':root', ':host'), elementCss].map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
  }
  return sheets;
}

class DescentExplorer extends HTMLElement {
  static observedAttributes = [...SETTINGS, 'log'];

  #explorer = null;
  #queued = false;

  connectedCallback() {
    if (!this.#explorer) this.#build();
    this.#showSoon();
  }

  attributeChangedCallback() {
    if (this.#explorer) this.#showSoon();
  }

  // The attributes as the explorer's typed state; a missing one means the page's default.
  get experiment() {
    const state = { ...DEFAULT_STATE };
    for (const name of SETTINGS) {
      const value = this.getAttribute(name);
      if (value !== null) state[name] = value;
    }
    // log: a log loss axis; log="false" a linear one; without it, the one the values call for.
    state.log = this.hasAttribute('log') ? this.getAttribute('log') !== 'false' : null;
    return state;
  }

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = styleSheets();
    const layout = document.createElement('div');
    layout.className = 'layout';
    layout.innerHTML = markup;
    // A post may hold several explorers, and each explorer's parts as landmarks would repeat the others'
    // names in the post's list of landmarks: inside a post they are named groups, and the form is plain.
    for (const section of layout.querySelectorAll('section')) section.setAttribute('role', 'group');
    layout.querySelector('form')?.removeAttribute('aria-label');
    shadow.append(layout);
    client ??= createEngineClient(startEmbeddedWorker);
    this.#explorer = createExplorer(shadow, { client, themeElement: this, embedScript: () => SCRIPT_URL });
  }

  // Several attributes set one after another run once.
  #showSoon() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#explorer.show(this.experiment);
    });
  }
}

if (!customElements.get('descent-explorer')) customElements.define('descent-explorer', DescentExplorer);
