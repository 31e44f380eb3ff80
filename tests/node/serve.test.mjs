// The static server behind `npm start`: MIME types the browser insists on, nothing outside dist/, and
// text and wasm compressed as a static host would (br or gzip per Accept-Encoding).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, createStaticServer } from '../../scripts/serve.mjs';

// Large and repetitive enough that compressing them pays.
const BUNDLE = 'export const step = (x, eta, g) => x - eta * g;\n'.repeat(400);
const WASM = Buffer.concat([Buffer.from('\0asm\x01\0\0\0'), Buffer.alloc(20000, 7)]);
const PNG = Buffer.alloc(5000, 1);

const files = {
  'index.html': '<!doctype html><title>descent</title>',
  'engine.js': 'export {};',
  'worker.mjs': 'export {};',
  'engine.wasm': '\0asm',
  'style.css': 'body{}',
  'shot.png': 'png',
  'icon.svg': '<svg/>',
  'data.json': '{}',
  'notes.xyz': '?',
  'sub/index.html': '<p>sub</p>',
  'bundle.js': BUNDLE,
  'core.wasm': WASM,
  'big.png': PNG,
};

// path -> [status, content type]
const expectations = [
  ['/', 200, 'text/html; charset=utf-8'],
  ['/index.html', 200, 'text/html; charset=utf-8'],
  ['/index.html?f=x%5E2&eta=0.1', 200, 'text/html; charset=utf-8'],
  ['/engine.js', 200, 'text/javascript; charset=utf-8'],
  ['/worker.mjs', 200, 'text/javascript; charset=utf-8'],
  ['/engine.wasm', 200, 'application/wasm'],
  ['/style.css', 200, 'text/css; charset=utf-8'],
  ['/shot.png', 200, 'image/png'],
  ['/icon.svg', 200, 'image/svg+xml'],
  ['/data.json', 200, 'application/json; charset=utf-8'],
  ['/notes.xyz', 200, 'application/octet-stream'],
  ['/sub/', 200, 'text/html; charset=utf-8'],
  ['/missing.js', 404, null],
  ['/../secret.txt', 403, null],
  ['/..%2fsecret.txt', 403, null],
  ['/%2e%2e/secret.txt', 403, null],
  ['/sub/../../secret.txt', 403, null],
  ['/%00', 403, null],
  ['/%E0%A4%A', 403, null],
];

let dir;
let server;
let port;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'descent-serve-'));
  const root = join(dir, 'dist');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), body);
  }
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
  server = createStaticServer(root);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  port = server.address().port;
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Sends the path byte for byte: fetch() would normalise '..' away before it reached the server.
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const [path, status, type] of expectations) {
  test(`GET ${path} -> ${status}${type ? ` ${type}` : ''}`, async () => {
    const res = await get(path);
    assert.equal(res.status, status);
    if (type) assert.equal(res.type, type);
    assert.doesNotMatch(res.body, /outside dist/);
  });
}

test('HEAD answers with headers and no body', async () => {
  const res = await get('/engine.js', 'HEAD');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'text/javascript; charset=utf-8');
  assert.equal(res.body, '');
});

test('other methods are refused', async () => {
  const res = await get('/index.html', 'POST');
  assert.equal(res.status, 405);
});

test('npm start prints the address it serves, honouring PORT', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, PORT: '0' },
  });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
    assert.match(line, /^descent explorer: http:\/\/127\.0\.0\.1:\d+\/$/);
  } finally {
    child.kill();
  }
});

// One request with its headers, the body as bytes (node:http does not decompress).
function fetchRaw(path, { method = 'GET', encoding } = {}) {
  return new Promise((resolve, reject) => {
    const headers = encoding === undefined ? {} : { 'Accept-Encoding': encoding };
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const DECODERS = { gzip: gunzipSync, br: brotliDecompressSync };

// [Accept-Encoding, the encoding chosen]
const choices = [
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0.5, gzip', 'gzip'],
  ['br;q=0, gzip;q=0.1', 'gzip'],
  ['GZIP;Q=1.0', 'gzip'],
  ['*', 'br'],
  ['*;q=0, gzip', 'gzip'],
  ['gzip;q=0, br;q=0', null],
  ['identity', null],
  ['deflate', null],
  ['', null],
  [undefined, null],
];

for (const [header, expected] of choices) {
  test(`Accept-Encoding ${JSON.stringify(header)} -> ${expected ?? 'identity'}`, () => {
    assert.equal(chooseEncoding(header), expected);
  });
}

for (const [path, bytes, type] of [['/bundle.js', Buffer.from(BUNDLE), 'text/javascript; charset=utf-8'], ['/core.wasm', WASM, 'application/wasm']]) {
  for (const encoding of ['gzip', 'br']) {
    test(`GET ${path} with Accept-Encoding: ${encoding} is compressed, its length that of the bytes sent`, async () => {
      const res = await fetchRaw(path, { encoding });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], type);
      assert.equal(res.headers['content-encoding'], encoding);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.ok(res.body.length < bytes.length / 4, `${res.body.length} bytes sent for ${bytes.length}`);
      assert.deepEqual(DECODERS[encoding](res.body), bytes);
    });
  }
  test(`HEAD ${path} announces the compressed GET: same encoding and length, no body`, async () => {
    const get = await fetchRaw(path, { encoding: 'gzip, br' });
    const head = await fetchRaw(path, { method: 'HEAD', encoding: 'gzip, br' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    for (const name of ['content-type', 'content-encoding', 'content-length', 'vary']) assert.equal(head.headers[name], get.headers[name], name);
  });
  test(`GET ${path} without Accept-Encoding is sent as it is, still varying by encoding`, async () => {
    const res = await fetchRaw(path);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(Number(res.headers['content-length']), bytes.length);
    assert.deepEqual(res.body, bytes);
  });
}

test('a file that compression would not shrink, and an image, are sent as they are', async () => {
  const tiny = await fetchRaw('/engine.wasm', { encoding: 'gzip' });
  assert.equal(tiny.headers['content-encoding'], undefined);
  assert.deepEqual(tiny.body, Buffer.from(files['engine.wasm']));
  const png = await fetchRaw('/big.png', { encoding: 'gzip, br' });
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.equal(Number(png.headers['content-length']), PNG.length);
});

test('a file changed on disk is compressed again', async () => {
  const first = await fetchRaw('/bundle.js', { encoding: 'gzip' });
  const changed = `${BUNDLE}// changed\n`.repeat(2);
  writeFileSync(join(dir, 'dist', 'bundle.js'), changed);
  try {
    const second = await fetchRaw('/bundle.js', { encoding: 'gzip' });
    assert.notDeepEqual(second.body, first.body);
    assert.equal(gunzipSync(second.body).toString(), changed);
  } finally {
    writeFileSync(join(dir, 'dist', 'bundle.js'), BUNDLE);
  }
});
