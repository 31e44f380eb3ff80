// The element's LZMA decoder (web/src/embed/lzma.js), which unpacks the engine's wasm inside
// descent-explorer.js, against what xz writes: the built wasm, text, incompressible and repetitive data,
// xz's presets and unusual lc/lp/pb; and refusals, not garbage, for data that is cut short or corrupt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { lzmaDecode } from '../../web/src/embed/lzma.js';

const wasmFile = new URL('../../build-wasm/engine-core-web.wasm', import.meta.url);
// A deterministic byte sequence no compressor can shrink.
function noise(length, seed = 1) {
  const bytes = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; ++i) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    bytes[i] = s >>> 24;
  }
  return bytes;
}
const text = readFileSync(new URL('../../web/src/embed/lzma.js', import.meta.url));
const inputs = {
  'one byte': Buffer.from('x'),
  text,
  noise: noise(70000),
  'zeros (long matches)': Buffer.alloc(300000),
  'text, noise and runs': Buffer.concat([text, noise(5000, 7), Buffer.alloc(40000, 3), text, noise(3000, 9), text]),
};
if (existsSync(wasmFile)) inputs['the built wasm'] = readFileSync(wasmFile);
const OPTIONS = [['-9e'], ['-0'], ['--lzma1=preset=6,lc=0,lp=2,pb=1'], ['--lzma1=preset=9,lc=4,lp=0,pb=4']];

const xz = (input, options) => execFileSync('xz', ['--format=lzma', ...options, '--stdout'], { input, maxBuffer: 1 << 26 });

for (const [name, input] of Object.entries(inputs)) {
  test(`${name} (${input.length} bytes) comes back as xz packed it, with every option`, () => {
    for (const options of OPTIONS) {
      const out = lzmaDecode(xz(input, options), input.length);
      assert.ok(Buffer.from(out).equals(input), `xz ${options.join(' ')}`);
    }
  });
}

test('a header that states the size is held to it', () => {
  const packed = Buffer.from(xz(text, ['-9e']));
  packed.fill(0, 5, 13);
  packed.writeUInt32LE(text.length, 5);
  assert.ok(Buffer.from(lzmaDecode(packed, text.length)).equals(text));
  assert.throws(() => lzmaDecode(packed, text.length + 1), /bytes in the data/);
});

test('data cut short or corrupt is refused', () => {
  const input = Buffer.concat([text, noise(2000)]);
  const packed = xz(input, ['-9e']);
  assert.throws(() => lzmaDecode(packed.subarray(0, packed.length >> 1), input.length), /lzma: the data ends early/);
  assert.throws(() => lzmaDecode(packed.subarray(0, 10), input.length), /too short/);
  assert.throws(() => lzmaDecode(Buffer.concat([Buffer.from([250]), packed.subarray(1)]), input.length), /bad properties/);
  assert.throws(() => lzmaDecode(packed, input.length - 1), /more data than announced/);
  assert.throws(() => lzmaDecode(packed, input.length + 1), /announced/);
  // Flipped bits in the stream: an error of the decoder's or other bytes, never a hang or a stray exception.
  for (let i = 20; i < packed.length; i += 97) {
    const broken = Buffer.from(packed);
    broken[i] ^= 0x5a;
    try {
      lzmaDecode(broken, input.length);
    } catch (error) {
      assert.match(error.message, /^lzma: /);
    }
  }
});
