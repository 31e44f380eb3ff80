// dist/custom-elements.json: <descent-explorer> described in the Custom Elements Manifest's format (schema
// 1.0.0) for editors, documentation tools and package registries (package.json "customElements").
//
// Nothing in it is written by hand here: the experiment's attributes are state/settings.js EXPERIMENT_KEYS
// with their help, notes, ranges and defaults from the engine's settings table (and the page's defaults,
// state/state.js DEFAULT_STATE, which the element falls back on); the element's own attributes, properties,
// events, parts and CSS properties are state/element-api.js. Only the few experiment settings the engine's
// table does not hold (the function, the method list, the schedule menu and the chart's range) get their
// sentence below.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = (file) => import(pathToFileURL(path.join(root, 'web', 'src', file)).href);

export const ELEMENT_MODULE = 'dist/descent-explorer.js';
export const ENGINE_MODULE = 'dist/engine.js';

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);
const union = (names) => names.map((name) => `'${name}'`).join(' | ');

// The sentences of settings the engine's run table does not hold (the page reads them itself).
function pageSettings(table) {
  const methods = table.methods.map((method) => method.name);
  const schedules = table.schedules.map((schedule) => `${schedule.name} (${schedule.label})`);
  return {
    f: { type: 'string', description: 'The function of x to walk down, in descent\'s expression language (x^4-3x^2+2, '
      + 'sin(x) + x^2/10, or Python\'s x**2).' },
    method: { type: 'string', description: `The method, or several comma-separated to compare side by side: ${methods.join(', ')}.` },
    schedule: { type: union(table.schedules.map((schedule) => schedule.name)), description: `The learning-rate schedule: ${schedules.join(', ')}.` },
    xmin: { type: 'number', description: 'The left end of the path chart; without it, a range that fits the paths.' },
    xmax: { type: 'number', description: 'The right end of the path chart; without it, a range that fits the paths.' },
  };
}

// Where a setting's default is not one number: each method's own, or each schedule's.
function defaultsBy(table, name) {
  const byMethod = table.methods.flatMap((method) => method.hyperparameters.filter((h) => h.name === name)
    .map((h) => `${method.name} ${h.default}`));
  if (byMethod.length) return `Default: each method's own (${byMethod.join(', ')}).`;
  const readers = table.schedules.filter((schedule) => schedule.parameters.some((p) => p.name === name));
  if (!readers.length) return '';
  const given = readers.flatMap((schedule) => schedule.parameters.filter((p) => p.name === name && p.default !== null)
    .map((p) => `${schedule.name} ${p.default}`));
  const names = readers.map((schedule) => schedule.name).join(' and ');
  return `Read by the ${names} schedule${readers.length > 1 ? 's' : ''}${given.length ? `; default ${given.join(', ')}` : ''}.`;
}

function experimentAttribute(key, { table, pageName, defaults }) {
  const page = pageSettings(table)[key];
  const setting = table.run.find((entry) => pageName('run', entry.name) === key);
  if (!page && !setting) throw new Error(`custom-elements: the experiment setting '${key}' is in neither the engine's table nor the page's`);
  let description;
  let type;
  if (page) {
    ({ description, type } = page);
  } else {
    const { help, note, rule } = setting;
    description = [sentence(capitalized(note ? `${help}: ${note}` : help)), `Range: ${rule}.`, defaultsBy(table, setting.name)]
      .filter(Boolean).join(' ');
    type = 'number';
  }
  // The step sizes are a list, as the page's η field is.
  if (key === 'eta') {
    description += ' Several, comma-separated, run side by side.';
    type = 'string';
  }
  const attribute = { name: key, description, type: { text: type } };
  const value = defaults[key] !== undefined && defaults[key] !== '' ? defaults[key] : setting?.default;
  if (value !== undefined && value !== null) attribute.default = JSON.stringify(String(value));
  return attribute;
}

// The manifest itself, from the settings table (engine.settings) and the page's and element's modules.
export function customElementsManifest(table, { EXPERIMENT_KEYS, pageName, DEFAULT_STATE, api }) {
  const context = { table, pageName, defaults: DEFAULT_STATE };
  const ownAttributes = api.ELEMENT_ATTRIBUTES.map((attribute) => ({
    name: attribute.name,
    description: attribute.description,
    type: { text: attribute.values ? union(attribute.values) : 'string' },
    ...(attribute.default !== null ? { default: JSON.stringify(attribute.default) } : {}),
  }));
  const element = {
    kind: 'class',
    name: 'DescentExplorer',
    tagName: 'descent-explorer',
    customElement: true,
    summary: 'Gradient descent on a function of one variable, run by descent\'s WebAssembly engine and drawn in a post.',
    description: 'Every setting of the experiment is an attribute, named as in the page\'s URL; changing one runs the '
      + 'experiment again. All explorers on a page share one worker. The script is classic: <script src=... defer> '
      + 'or <script type="module">, and importing it (import \'descent/element\') defines the element.',
    superclass: { name: 'HTMLElement', package: 'global:' },
    attributes: [...EXPERIMENT_KEYS.map((key) => experimentAttribute(key, context)), ...ownAttributes],
    members: api.PROPERTIES.map((property) => ({
      kind: 'field',
      name: property.name,
      type: { text: property.type },
      description: property.description,
      ...(property.readonly ? { readonly: true } : {}),
    })),
    events: api.EVENTS.map((event) => ({ name: event.name, type: { text: 'CustomEvent' }, description: event.description })),
    cssParts: [...api.PANELS, ...api.OTHER_PARTS].map(({ name, description }) => ({ name, description })),
    cssProperties: api.CSS_PROPERTIES.map(({ name, description }) => ({ name, description })),
    slots: [],
  };
  const engineFunction = {
    kind: 'function',
    name: 'loadEngine',
    description: 'Loads the WebAssembly engine (built into the file) in Node, a Worker or a page: compile, run, '
      + 'describeSteps, multiStart, sweep and settings (the settings table).',
    return: { type: { text: 'Promise<Engine>' } },
  };
  const errorClass = (name, description) => ({ kind: 'class', name, description, superclass: { name: 'Error', package: 'global:' } });
  const engineClasses = [
    errorClass('ExpressionError', 'f could not be read: .column is the 1-based position, .openedAt where an unclosed bracket opened.'),
    errorClass('SettingsError', 'A setting the engine refuses: .setting names it as engine.settings does.'),
  ];
  const exported = (module, declarations) => declarations.map(({ name }) => ({ kind: 'js', name, declaration: { name, module } }));
  return {
    schemaVersion: '1.0.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: ELEMENT_MODULE,
        declarations: [element],
        exports: [{ kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: ELEMENT_MODULE } }],
      },
      {
        kind: 'javascript-module',
        path: ENGINE_MODULE,
        declarations: [engineFunction, ...engineClasses],
        exports: exported(ENGINE_MODULE, [engineFunction, ...engineClasses]),
      },
    ],
  };
}

// Called by scripts/build-web.mjs once web/src/state/settings-table.js is written (settings.js reads it).
export async function writeCustomElementsManifest(table, dist) {
  const [{ EXPERIMENT_KEYS, pageName }, { DEFAULT_STATE }, api] = await Promise.all([
    source('state/settings.js'), source('state/state.js'), source('state/element-api.js'),
  ]);
  const manifest = customElementsManifest(table, { EXPERIMENT_KEYS, pageName, DEFAULT_STATE, api });
  await writeFile(path.join(dist, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
