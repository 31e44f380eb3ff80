// dist/custom-elements.json, written by the build (scripts/custom-elements.mjs): valid JSON in the shape of
// the Custom Elements Manifest schema 1.0.0, naming every experiment setting (EXPERIMENT_KEYS) and every
// entry of web/src/state/element-api.js, and named by package.json as the package's manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPERIMENT_KEYS } from '../../web/src/state/settings.js';
import * as api from '../../web/src/state/element-api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(await readFile(path.join(root, 'dist', 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === 'descent-explorer');
const names = (list) => list.map((entry) => entry.name);
const isText = (value) => typeof value === 'string' && value.length > 0;

test('the manifest has the schema 1.0.0 shape', async () => {
  assert.equal(manifest.schemaVersion, '1.0.0');
  assert.ok(Array.isArray(manifest.modules) && manifest.modules.length > 0);
  for (const module of manifest.modules) {
    assert.equal(module.kind, 'javascript-module');
    await stat(path.join(root, module.path));  // every module is a file of the package
    for (const declaration of module.declarations) {
      assert.ok(['class', 'function', 'mixin', 'variable'].includes(declaration.kind), declaration.kind);
      assert.ok(isText(declaration.name));
    }
    for (const exported of module.exports ?? []) {
      assert.ok(['js', 'custom-element-definition'].includes(exported.kind));
      const target = manifest.modules.find((m) => m.path === exported.declaration.module);
      assert.ok(target?.declarations.some((d) => d.name === exported.declaration.name), `${exported.name} is declared`);
    }
  }
  assert.equal(element.kind, 'class');
  assert.equal(element.customElement, true);
  assert.ok(manifest.modules.some((module) => module.exports.some((e) => e.kind === 'custom-element-definition'
    && e.name === 'descent-explorer' && e.declaration.name === element.name)));
  const lists = { attributes: ['name', 'description', 'type'], members: ['kind', 'name', 'description', 'type'],
    events: ['name', 'description', 'type'], cssParts: ['name', 'description'], cssProperties: ['name', 'description'] };
  for (const [list, keys] of Object.entries(lists)) {
    assert.ok(Array.isArray(element[list]), list);
    assert.equal(new Set(names(element[list])).size, element[list].length, `${list} has no name twice`);
    for (const entry of element[list]) {
      for (const key of keys) assert.ok(entry[key] !== undefined, `${list} ${entry.name} has ${key}`);
      assert.ok(isText(entry.description), `${list} ${entry.name} is described`);
      if (entry.type) assert.ok(isText(entry.type.text), `${list} ${entry.name}'s type is { text }`);
      // A default is the value's source text, as the schema says: a string.
      if ('default' in entry) assert.equal(typeof entry.default, 'string');
    }
  }
  for (const member of element.members) assert.equal(member.kind, 'field');
});

test('the manifest names every experiment setting and everything element-api.js lists', () => {
  assert.deepEqual(names(element.attributes), [...EXPERIMENT_KEYS, ...names(api.ELEMENT_ATTRIBUTES)]);
  assert.deepEqual(names(element.members), names(api.PROPERTIES));
  assert.deepEqual(names(element.events), names(api.EVENTS));
  assert.deepEqual(names(element.cssParts), [...names(api.PANELS), ...names(api.OTHER_PARTS)]);
  assert.deepEqual(names(element.cssProperties), names(api.CSS_PROPERTIES));
  const controls = element.attributes.find((attribute) => attribute.name === 'controls');
  assert.equal(controls.type.text, "'full' | 'compact' | 'none'");
  assert.equal(controls.default, '"full"');
  // A setting's words are the engine's table's, with its range.
  const beta2 = element.attributes.find((attribute) => attribute.name === 'beta2');
  assert.match(beta2.description, /^The second-moment decay\. Range: 0 <= beta2 < 1\. Default: each method's own \(adam 0\.999/);
});

test('package.json names the manifest and exports what it describes', () => {
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.ok(pkg.files.includes(pkg.customElements));
  const exported = new Set(Object.values(pkg.exports).map((target) => target.replace(/^\.\//, '')));
  for (const module of manifest.modules) assert.ok(exported.has(module.path), `${module.path} is exported`);
  assert.equal(pkg.dependencies, undefined, 'everything the package runs is bundled into dist/');
  assert.equal(pkg.private, undefined);
});
