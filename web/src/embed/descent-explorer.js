// <descent-explorer f="x^4-3x^2+2" x0="-2.5" eta="0.01,0.1,0.5" steps="40" controls="compact"
// panels="path,loss,table" theme="auto">: an explorer for a post. Every setting of the experiment is an
// attribute named as in the page's URL; the element's own attributes, panels (also its ::parts), properties,
// events and CSS custom properties are listed in state/element-api.js, which custom-elements.json is written from.
// Changing an attribute, or assigning el.experiment, runs the experiment again. Every element on a page
// shares one engine client and so one worker, started when the first element comes near the viewport.
import markup from 'descent:markup';
import pageCss from 'descent:page-css';
import elementCss from './explorer-element.css';
import { DEFAULT_PANELS, ELEMENT_ATTRIBUTES, PANELS } from '../state/element-api.js';
import { startEmbeddedWorker } from './embedded-worker.js';
import { hostScheme, onHostSchemeChange } from './host-theme.js';
import { createEngineClient } from '../engine/engine-client.js';
import { createExplorer } from '../ui/explorer.js';
import { currentTheme } from '../ui/theme.js';
import { DEFAULT_STATE } from '../state/state.js';
import { EXPERIMENT_KEYS } from '../state/settings.js';

const SETTINGS = EXPERIMENT_KEYS;
const OWN_ATTRIBUTES = ELEMENT_ATTRIBUTES.map((attribute) => attribute.name);
// The file is a classic script so that it also runs from file:// (where module scripts may not load), and a
// bundler's import runs it just as well; either way its address is found for the Embed snippet.
// Bundled into a page's own script, it has no script of its own: then the page's folder is assumed.
const SCRIPT_URL = document.currentScript?.src
  ?? document.querySelector('script[src*="descent-explorer"]')?.src ?? new URL('descent-explorer.js', document.baseURI).href;

// Where each panel is in the explorer's markup (web/index.html; the step-through is added by its view).
const PANEL_SELECTORS = {
  formulas: '.formulas',
  path: '.chart-card:has(#path-chart)',
  points: '.landmarks',
  steps: '.step-through',
  loss: '.chart-card:has(#loss-chart)',
  'step-size': '.chart-card:has(#step-size-chart)',
  table: 'section:has(> .table-scroll)',
  actions: '.actions, .embed-box',
};
const OTHER_PART_SELECTORS = { controls: '#experiment', status: '#status' };
for (const { name } of PANELS) if (!PANEL_SELECTORS[name]) throw new Error(`descent-explorer: no place for the panel "${name}"`);

// A panel left out is not drawn at all; which are left out is the layout's data-panels.
const panelCss = PANELS.map(({ name }) => `.layout:not([data-panels~="${name}"]) :is(${PANEL_SELECTORS[name]}) { display: none !important; }`)
  .join('\n');

// The longest an explorer stays hidden while its first answer and what follows it arrive.
const SETTLE_MS = 3000;

// Explorers near the viewport (this far below or above it) are built; the rest wait.
const NEAR_PX = 600;

let client = null;
let sheets = null;
let nearby = null;

// Constructed sheets are allowed by a page's style-src policy, where a <style> element might not be.
function styleSheets() {
  sheets ??= [pageCss, elementCss, panelCss].map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  return sheets;
}

function isNear(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > -NEAR_PX && box.top < innerHeight + NEAR_PX;
}

// The one engine client of the page, its worker started.
function warmEngine() {
  client ??= createEngineClient(startEmbeddedWorker);
  client.warm();
}

function whenNear(element) {
  nearby ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      nearby.unobserve(entry.target);
      entry.target.dispatchEvent(new Event('descent-near'));
    }
  }, { rootMargin: `${NEAR_PX}px 0px` });
  nearby.observe(element);
}

// A value given to el.experiment as the attribute's text.
function attributeText(name, value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || Number.isFinite(item))) return value.join(', ');
  throw new TypeError(`descent-explorer: experiment.${name} must be a string, a finite number or a list of them`);
}

// The experiment an answer is for, named as the attributes: what the form held, which a reader may have
// edited since the attributes were set.
function experimentOf(state) {
  return { ...Object.fromEntries(SETTINGS.map((name) => [name, state[name]])), log: state.log };
}

// The detail of a descent-run event, and el.result: plain data, the same for every answer.
function resultOf(state, answer) {
  return {
    experiment: experimentOf(state),
    runs: answer.runs.map((run) => ({
      method: run.method, eta: run.eta, status: run.status, stoppedAt: run.stoppedAt, x: run.final.x, f: run.final.f,
    })),
  };
}

// The sheet's palettes key on custom states (:host(:state(dark))). Where they are missing (Safari before
// 17.4, Firefox before 126) or take only the older --name form (Chrome before 125), null: the explorer keeps
// the light palette and paints its own background, readable on any page.
function usableStates(internals) {
  try {
    internals.states.add('dark');
    internals.states.delete('dark');
    return internals.states;
  } catch {
    return null;
  }
}

class DescentExplorer extends HTMLElement {
  static observedAttributes = [...SETTINGS, ...OWN_ATTRIBUTES];

  #states = usableStates(this.attachInternals());
  #explorer = null;
  #layout = null;
  #queued = false;
  #waiting = false;
  #result = null;
  #stopFollowing = null;
  #palette = '';

  connectedCallback() {
    // A value given to el.experiment before this element was defined sits on the instance, hiding the
    // property: it is taken from there and given to the property.
    if (Object.hasOwn(this, 'experiment')) {
      const given = this.experiment;
      delete this.experiment;
      this.experiment = given;
    }
    this.#stopFollowing ??= onHostSchemeChange(() => this.#applyTheme());
    this.#applyTheme();
    if (this.#explorer) return;
    // Already near the viewport (a figure in the first screen): the engine starts now, while the page is
    // still being laid out, rather than once the viewport has been checked.
    if (isNear(this)) warmEngine();
    if (!this.#waiting) {
      this.#waiting = true;
      this.addEventListener('descent-near', () => this.#build(), { once: true });
    }
    whenNear(this);
  }

  // Moved elsewhere in the page (removed and added back in one go), it keeps its explorer and what a reader
  // typed in it. Removed, it stops following the page, one never built stops waiting for the viewport, and
  // a built one lets its explorer go; added back later, it builds a new one.
  disconnectedCallback() {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    if (!this.#explorer) { nearby?.unobserve(this); return; }
    queueMicrotask(() => {
      if (this.isConnected || !this.#explorer) return;
      this.#settled();
      this.#explorer.dispose();
      this.#explorer = null;
      this.#layout = null;
      this.#waiting = false;
      this.shadowRoot.replaceChildren();
    });
  }

  attributeChangedCallback(name) {
    if (name === 'theme') this.#applyTheme();
    if (name === 'panels' || name === 'controls') this.#applyPanels();
    // The element's own attributes change how it looks; the experiment's run it again.
    if (this.#explorer && !['theme', 'panels', 'controls'].includes(name)) this.#showSoon();
  }

  // The settings as an object named as the attributes, the defaults filled in.
  get experiment() {
    const experiment = {};
    for (const name of SETTINGS) experiment[name] = this.getAttribute(name) ?? DEFAULT_STATE[name];
    // log: a log loss axis; log="false" a linear one; without it, the one the values call for.
    experiment.log = this.hasAttribute('log') ? this.getAttribute('log') !== 'false' : null;
    return experiment;
  }

  // Replaces every setting: those not given go back to their defaults. Runs once, after the last change.
  set experiment(value) {
    const given = { ...(value ?? {}) };
    const unknown = Object.keys(given).filter((name) => name !== 'log' && !SETTINGS.includes(name));
    // A name given undefined counts as not given.
    for (const name of Object.keys(given)) if (given[name] === undefined) delete given[name];
    if (unknown.length) {
      throw new TypeError(`descent-explorer: no setting named ${unknown.map((name) => `"${name}"`).join(', ')}; `
        + `the settings are ${SETTINGS.join(', ')} and log`);
    }
    const texts = Object.entries(given).filter(([name]) => name !== 'log').map(([name, item]) => [name, attributeText(name, item)]);
    for (const name of SETTINGS) if (!(name in given)) this.removeAttribute(name);
    for (const [name, text] of texts) this.setAttribute(name, text);
    if (given.log === true) this.setAttribute('log', '');
    else if (given.log === false) this.setAttribute('log', 'false');
    else this.removeAttribute('log');
  }

  // The last answer, as the detail of the last descent-run event (null before the first).
  get result() {
    return this.#result;
  }

  #applyTheme() {
    const chosen = this.getAttribute('theme');
    const fixed = chosen === 'light' || chosen === 'dark';
    const scheme = fixed ? chosen : hostScheme(this);
    const states = this.#states;
    // A theme chosen against the page brings its own background, so its text keeps its contrast.
    if (fixed) states?.add('fixed');
    else states?.delete('fixed');
    if (scheme === 'dark') states?.add('dark');
    else states?.delete('dark');
    // The charts are drawn anew when their colours change: the scheme, or --descent-* set by the page.
    if (!this.#explorer) return;
    const palette = JSON.stringify(currentTheme(this));
    if (palette === this.#palette) return;
    this.#palette = palette;
    this.#explorer.themeChanged();
  }

  #panels() {
    const controls = this.getAttribute('controls');
    const defaults = DEFAULT_PANELS[controls] ?? DEFAULT_PANELS.full;
    const asked = this.getAttribute('panels');
    if (asked === null) return defaults;
    const known = PANELS.map(({ name }) => name);
    const chosen = asked.split(/[\s,]+/).filter((name) => known.includes(name));
    return chosen.length ? chosen : defaults;
  }

  #applyPanels() {
    this.#layout?.setAttribute('data-panels', this.#panels().join(' '));
  }

  // Each panel and the other named pieces are ::parts; the step-through comes with the views, later.
  #nameParts() {
    if (!this.#layout) return;
    for (const [name, selector] of Object.entries({ ...PANEL_SELECTORS, ...OTHER_PART_SELECTORS })) {
      for (const element of this.#layout.querySelectorAll(selector)) {
        if (element.getAttribute('part') !== name) element.setAttribute('part', name);
      }
    }
  }

  #build() {
    // The engine (its worker, the wasm's decoding and compiling) is asked for before this explorer is built.
    warmEngine();
    performance.mark('descent:element-building');
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // Until the explorer is in place the shadow root shows what the post put inside the element, so that a
    // browser that fails below (one older than the element needs) still shows the snippet's link.
    shadow.replaceChildren(document.createElement('slot'));
    shadow.adoptedStyleSheets = styleSheets();
    const layout = document.createElement('div');
    layout.className = 'layout';
    if (!this.#states) layout.classList.add('own-background');
    layout.innerHTML = markup;
    // A post may hold several explorers, and each explorer's parts as landmarks would repeat the others'
    // names in the post's list of landmarks: inside a post they are named groups, and the form is plain.
    for (const section of layout.querySelectorAll('section')) section.setAttribute('role', 'group');
    layout.querySelector('form')?.removeAttribute('aria-label');
    this.#layout = layout;
    this.#settle(layout);
    this.#applyPanels();
    this.#nameParts();
    // Pieces added later (the step-through comes with the views) are named as they arrive.
    let naming = false;
    new MutationObserver(() => {
      if (naming) return;
      naming = true;
      requestAnimationFrame(() => { naming = false; this.#nameParts(); });
    }).observe(layout, { childList: true, subtree: true });
    // What the post put inside the element (the snippet's link to the same experiment) stays in sight until
    // the explorer is shown, over the top of the reserved box, and is not shown after.
    const waiting = document.createElement('slot');
    waiting.className = 'waiting';
    shadow.replaceChildren(layout, waiting);
    this.#explorer = createExplorer(shadow, {
      client,
      themeElement: this,
      embedScript: () => SCRIPT_URL,
      embedOptions: () => this.#embedOptions(),
      onAnswer: (state, answer) => {
        this.#result = resultOf(state, answer);
        this.dispatchEvent(new CustomEvent('descent-run', { detail: this.#result, bubbles: true, composed: true }));
      },
      // Hidden until settled (#settle), it has no first paint to wait for before its extras.
      extrasAfterPaint: false,
      onSettled: () => this.#settled(),
      onError: (detail) => {
        this.#settled();
        this.dispatchEvent(new CustomEvent('descent-error', { detail, bubbles: true, composed: true }));
      },
    });
    this.#palette = JSON.stringify(currentTheme(this));
    performance.mark('descent:element-built');
    this.#showSoon();
  }

  // Until its first answer is drawn with everything that comes after it (the notes under the charts, the
  // status line, the thresholds under η, the step-through), the explorer takes its place but is not shown:
  // pieces arriving one after another would move what is below them while a reader looks (layout shift).
  // An error shows it at once; so does a wait of SETTLE_MS, whatever happened. What this costs the first
  // picture is in docs/performance.md ("The element shows itself settled").
  #settle(layout) {
    layout.classList.add('settling');
    const timer = setTimeout(() => this.#settled(), SETTLE_MS);
    this.#settled = () => {
      clearTimeout(timer);
      // A reader who had tabbed to the post's link (hidden now) goes on in the explorer.
      const focused = this.querySelector(':focus');
      layout.classList.remove('settling');
      if (focused) (layout.querySelector('input, select, textarea, button, a[href]') ?? layout).focus();
    };
  }

  #settled = () => {};

  // What the Embed button's snippet carries besides the experiment: this element's own attributes and
  // the height it takes, which the snippet reserves so the post does not move while it loads.
  #embedOptions() {
    const own = Object.fromEntries(OWN_ATTRIBUTES.filter((name) => name !== 'log' && this.hasAttribute(name))
      .map((name) => [name, this.getAttribute(name)]));
    // Measured without the Embed box, which is open from the second press on.
    const box = this.#layout.querySelector('#embed-box');
    const boxHeight = box && !box.hidden ? box.getBoundingClientRect().height + 16 : 0;
    return { ...own, height: Math.ceil(this.getBoundingClientRect().height - boxHeight) };
  }

  // Several attributes set one after another run once.
  #showSoon() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      // Removed in the meantime, it has no explorer to show it in.
      this.#explorer?.show({ ...DEFAULT_STATE, ...this.experiment });
    });
  }
}

if (!customElements.get('descent-explorer')) customElements.define('descent-explorer', DescentExplorer);
