// Takes docs/screenshot.png for README.md: the built page (dist/) on seed 001's three step sizes,
// in Debian's Chromium. Run after `npm run build`: node scripts/screenshot.mjs [url-query]
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createStaticServer } from './serve.mjs';

const query = process.argv[2] ?? 'f=x%5E4-3x%5E2%2B2&x0=-2.5&eta=0.01,0.1,0.5&steps=40&method=gd';
const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const maxBytes = 300 * 1024;

const server = createStaticServer(fileURLToPath(new URL('../dist/', import.meta.url)));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html?${query}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('canvas');
  // Charts animate in; let them settle.
  await page.waitForTimeout(1500);
  await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: out });
  if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  const { size } = await stat(out);
  console.log(`docs/screenshot.png: ${Math.round(size / 1024)} KB`);
  if (size > maxBytes) throw new Error(`docs/screenshot.png is over ${maxBytes / 1024} KB`);
} finally {
  await browser.close();
  server.close();
}
