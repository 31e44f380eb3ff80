// What dist/descent-explorer.js carries, by part: the gzip -9 size of each group of the element's sources
// bundled alone (minified, everything outside the group external), of the packages it bundles, and of the
// engine's packed wasm. Alone a part gzips a little worse than inside the file. Run after `npm run build`
// (it needs web/src/state/settings-table.js and dist/): node bench/embed-parts.mjs. The groups name files;
// a file no group names is listed as such. docs/performance.md ("The embed's size") has the figures.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'web', 'src');
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const all = files(src).filter((f) => f.endsWith('.js'));
const groups = {
  'analysis views (ui/views/*)': all.filter((f) => f.includes('/ui/views/')),
  'exports: GIF/WebM/PNG/CSV (ui/*gif*, webm*, export*, download, step-frame*, titled-image)': all.filter((f) => /\/ui\/(gif-file|webm-file|webm-writer|export-names|export-progress|download|step-frame-painter|step-frames|step-animation|titled-image)\.js$/.test(f)),
  'step sizes + noise bands (ui)': all.filter((f) => /\/ui\/(step-size-chart|step-size-summary|step-size-runs|noise-band-datasets|band-requests)\.js$/.test(f)),
  'explorer core UI (form, charts, results, explorer...)': all.filter((f) => /\/ui\//.test(f) && !f.includes('/views/') && !/\/ui\/(gif-file|webm-file|webm-writer|export-names|export-progress|download|step-frame-painter|step-frames|step-animation|titled-image|step-size-chart|step-size-summary|step-size-runs|noise-band-datasets|band-requests|app|page|presets|present-mode|experiment-history|landmarks|copy-link)\.js$/.test(f)),
  'state (settings, URL state, limits; without the table)': all.filter((f) => f.includes('/state/') && !f.endsWith('settings-table.js')),
  'settings-table.js (generated)': all.filter((f) => f.endsWith('settings-table.js')),
  'engine client side (engine-client.js)': all.filter((f) => f.endsWith('engine-client.js')),
  'embed/*': all.filter((f) => f.includes('/embed/') && !f.endsWith('lzma.js') && !f.endsWith('embedded-core.js')),
  'LZMA decoder (embed/lzma.js)': all.filter((f) => f.endsWith('lzma.js')),
};
async function packageSize(code) {
  const r = await build({ stdin: { contents: code, resolveDir: root, loader: 'js' }, bundle: true, write: false, format: 'esm', minify: true,
    target: 'es2022', logLevel: 'silent', nodePaths: [path.join(root, 'node_modules')] });
  const out = r.outputFiles[0].contents;
  return [out.length, gzipSync(out, { level: 9 }).length];
}
async function gz(entries, external = true) {
  const stdin = { contents: entries.map((f, i) => `export * as m${i} from ${JSON.stringify(f)};`).join('\n'), resolveDir: src, loader: 'js' };
  const set = new Set(entries);
  const r = await build({
    stdin, bundle: true, write: false, format: 'esm', minify: true, target: 'es2022', logLevel: 'silent', loader: { '.css': 'text' },
    nodePaths: [path.join(root, 'node_modules')],
    plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /.*/ }, (a) => {
      if (a.kind === 'entry-point') return;
      if (a.path.startsWith('descent:')) return { path: a.path, external: true };
      if (!a.path.startsWith('.') && !a.path.startsWith('/')) return external ? { path: a.path, external: true } : undefined;
      const p = path.resolve(a.resolveDir, a.path);
      return set.has(p) ? { path: p } : { path: p, external: true };
    }); } }],
  });
  const out = r.outputFiles[0].contents;
  return [out.length, gzipSync(out, { level: 9 }).length];
}
const named = new Set(Object.values(groups).flat());
const unnamed = all.filter((f) => !named.has(f) && !/\/ui\/(app|page|presets|present-mode|experiment-history|landmarks|copy-link)\.js$/.test(f) && !f.includes('/engine/') && !f.endsWith('embedded-core.js'));
if (unnamed.length) console.log('in no group:', unnamed.map((f) => path.relative(src, f)).join(' '));
console.log('raw\tgzip -9');
for (const [name, entries] of Object.entries(groups)) console.log((await gz(entries)).join('\t'), '\t', name);
console.log((await packageSize(`import { Chart, Filler, LogarithmicScale, Tooltip, Legend, LinearScale, LineElement, PointElement, ScatterController } from 'chart.js';
Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend, LogarithmicScale, Tooltip, Filler); export { Chart };`)).join('\t'), '\t', 'Chart.js (the parts the page registers)');
console.log((await packageSize("export { applyPalette, GIFEncoder, quantize } from 'gifenc';")).join('\t'), '\t', 'gifenc');
const t = readFileSync(path.join(root, 'dist', 'descent-explorer.js'), 'utf8');
const b64 = t.match(/"([A-Za-z0-9+/=]{50000,})"/)[1];
console.log(b64.length, gzipSync(b64, { level: 9 }).length, '\t', 'engine wasm (LZMA, base64)');
console.log(t.length, gzipSync(t, { level: 9 }).length, '\t', 'descent-explorer.js');
