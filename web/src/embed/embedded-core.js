// The engine's core inside descent-explorer.js. The element is one file, so its wasm travels inside it as
// text; base64 of the raw wasm would cost a third more than the wasm once a host gzips the file, so the
// build stores it compressed with LZMA first (descent:engine-wasm: a fifth smaller than gzip's deflate,
// and base64 of it gzips to about its own size), and it is decoded here before the browser compiles it.
// scripts/build-web.mjs bundles this module in place of engine.js's './engine-core.mjs' for the element's
// worker; the page's own worker fetches engine-core-web.wasm instead.
import createWebCore from 'descent:engine-core-web';
import packedWasm from 'descent:engine-wasm';
import { lzmaDecode } from './lzma.js';

// A plain loop: Uint8Array.from with a function per character is several times slower on a first call
// (docs/performance.md, "The element shows itself settled").
function unpackedWasm() {
  const text = atob(packedWasm.lzma);
  const packed = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
  return lzmaDecode(packed, packedWasm.size);
}

// The same factory as engine-core.mjs's: a promise of the Embind module. The core never asks for its wasm
// file (locateFile has nothing to find); instantiateWasm hands it the decoded bytes, and a failure there
// rejects the promise rather than leaving it pending.
export default function createDescentCore() {
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  const core = createWebCore({
    locateFile: () => '',
    instantiateWasm(imports, receiveInstance) {
      Promise.resolve().then(() => WebAssembly.instantiate(unpackedWasm(), imports))
        .then(({ instance }) => receiveInstance(instance), fail);
      return {};
    },
  });
  return Promise.race([core, failed]);
}
