// The engine's core inside descent-explorer.js. The element is one file, so its wasm travels inside it as
// text; base64 of the raw wasm would cost a third more than the wasm once a host gzips the file, so the
// build stores it deflated first (descent:engine-wasm) and it is inflated here before the browser compiles
// it. scripts/build-web.mjs bundles this module in place of engine.js's './engine-core.mjs' for the
// element's worker; the page's own worker fetches engine-core-web.wasm instead.
import createWebCore from 'descent:engine-core-web';
import deflatedWasm from 'descent:engine-wasm';

function inflater() {
  try {
    return new DecompressionStream('deflate-raw');
  } catch {
    throw new Error('this browser cannot unpack the engine: <descent-explorer> needs DecompressionStream '
      + 'with deflate-raw (Chrome 103, Firefox 113, Safari 16.4 or later)');
  }
}

async function inflatedWasm() {
  const stream = inflater();
  const deflated = Uint8Array.from(atob(deflatedWasm), (c) => c.charCodeAt(0));
  return new Response(new Blob([deflated]).stream().pipeThrough(stream)).arrayBuffer();
}

// The same factory as engine-core.mjs's: a promise of the Embind module. The core never asks for its wasm
// file (locateFile has nothing to find); instantiateWasm hands it the inflated bytes, and a failure there
// rejects the promise rather than leaving it pending.
export default function createDescentCore() {
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  const core = createWebCore({
    locateFile: () => '',
    instantiateWasm(imports, receiveInstance) {
      inflatedWasm().then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then(({ instance }) => receiveInstance(instance), fail);
      return {};
    },
  });
  return Promise.race([core, failed]);
}
