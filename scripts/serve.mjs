// Serves dist/ on 127.0.0.1 (port 8080, or PORT) with the MIME types the page needs:
// module scripts must be text/javascript and the engine's wasm application/wasm. Like a static host, it
// compresses text and wasm as the browser's Accept-Encoding allows (br, else gzip), so what a reader
// downloads is what the page is measured by.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Types worth compressing; images other than SVG are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.map']);
// A host precompressing its files spends the most effort once; here each file is compressed on its first
// request and kept until it changes.
const ENCODERS = {
  br: (bytes) => promisify(brotliCompress)(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 9 }),
};

// The encoding to answer an Accept-Encoding header with: the accepted one (q > 0) of br and gzip with the
// highest q, br on a tie; '*' stands for any not named; null for none (identity).
export function chooseEncoding(header) {
  const quality = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((text) => text.trim());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (name) => quality.get(name) ?? quality.get('*') ?? 0;
  const best = Object.keys(ENCODERS).filter((name) => of(name) > 0).sort((a, b) => of(b) - of(a));
  return best[0] ?? null;
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

// Maps a request path to a file under root, or null when it would leave root.
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${sep}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

// The file's bytes in an encoding, from a cache keyed by file, encoding, size and time of change; null when
// encoding does not make it smaller.
function encodedCache() {
  const cache = new Map();
  return async (file, info, encoding) => {
    const key = `${encoding}:${file}`;
    const stamp = `${info.size}:${info.mtimeMs}`;
    const kept = cache.get(key);
    if (kept?.stamp === stamp) return kept.body;
    const bytes = await readFile(file);
    const encoded = await ENCODERS[encoding](bytes);
    const body = encoded.length < bytes.length ? encoded : null;
    cache.set(key, { stamp, body });
    return body;
  };
}

export function createStaticServer(rootDir) {
  const root = resolve(rootDir);
  const encoded = encodedCache();
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
    if (rawPath.split('/').includes('..')) return send(res, 403, 'forbidden');
    let file = resolveInside(root, rawPath);
    if (!file) return send(res, 403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(res, 404, 'not found');
      const extension = extname(file).toLowerCase();
      const headers = {
        'Content-Type': MIME_TYPES[extension] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      let body = null;
      if (COMPRESSIBLE.has(extension)) {
        // A cache between here and the browser must keep one answer per encoding.
        headers.Vary = 'Accept-Encoding';
        const encoding = chooseEncoding(req.headers['accept-encoding']);
        body = encoding && await encoded(file, info, encoding);
        if (body) Object.assign(headers, { 'Content-Encoding': encoding, 'Content-Length': body.length });
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      if (body) return res.end(body);
      createReadStream(file).pipe(res);
    } catch {
      send(res, 404, 'not found');
    }
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = fileURLToPath(new URL('../dist/', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  const server = createStaticServer(root);
  server.on('error', (err) => {
    console.error(`descent explorer: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`descent explorer: http://127.0.0.1:${server.address().port}/`);
  });
}
