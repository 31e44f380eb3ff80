// A page left open through a long session of edits does not leak: the bytes in use on the worker's WASM
// heap after 1,000 edits (every fifth one waited for, so 200 reach the engine) are those after 100.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForRun, sharedBrowser } from './harness.mjs';

const shared = sharedBrowser();

// Waits until the formulas show edit i, so it went through the engine.
async function shown(page, i) {
  await page.waitForFunction((n) => document.querySelector('#formula-f').textContent.includes(String(n)), i);
  await waitForRun(page);
}

async function workerHeap(page) {
  for (;;) {
    const [worker] = page.workers().slice(-1);
    const bytes = worker && (await worker.evaluate(() => self.descentHeapInUse?.() ?? 0).catch(() => 0));
    if (bytes) return bytes;
    await page.waitForTimeout(50);
  }
}

describe('memory across a session of edits', () => {
  test("1,000 edits leave the worker's heap in use where it was after 100", async () => {
    const opened = await openPage(shared.browser, `${shared.server.url}?f=x%5E2&x0=1&eta=0.1&steps=40&method=gd`);
    try {
      const { page } = opened;
      await waitForRun(page);
      const edit = async (i) => {
        await page.fill('#f', `x^4 - ${i}*x^2 + sin(x)`);
        if (i % 5 === 4) await shown(page, i);
      };
      for (let i = 0; i < 100; i++) await edit(i);
      const warm = await workerHeap(page);
      for (let i = 100; i < 1000; i++) await edit(i);
      await waitForRun(page);
      const heap = await workerHeap(page);
      // The engine keeps its last 8 compiled functions; their sizes differ by a few digits' worth.
      assert.ok(Math.abs(heap - warm) < 4096, `heap in use went from ${warm} to ${heap} bytes`);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
