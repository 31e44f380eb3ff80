// The static server behind `npm start`: MIME types the browser insists on, and nothing outside dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createStaticServer } from '../../scripts/serve.mjs';

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
