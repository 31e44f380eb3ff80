// The engine frees what it allocates: errors thrown across the WASM boundary and compile/dispose cycles
// leave the heap where it was. A WASM heap never shrinks, so "flat" means it stops growing after warm-up.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, skipUnlessBuilt } from './built-engine.mjs';

const rounds = 100_000;

// The engine's own heap size where it reports one, else this process's resident memory.
function heapBytes() {
  if (engine && typeof engine.heapBytes === 'function') return engine.heapBytes();
  if (engine && typeof engine.heapBytes === 'number') return engine.heapBytes;
  global.gc?.();
  return process.memoryUsage().rss;
}
const measuresWasmHeap = engine && engine.heapBytes !== undefined;
// The WASM heap must not grow by a single page; resident memory is noisier, so allow the JS side some slack.
const allowedGrowth = measuresWasmHeap ? 0 : 64 * 1024 * 1024;

function growthOver(work) {
  for (let i = 0; i < 1000; i++) work(i);
  const before = heapBytes();
  for (let i = 0; i < rounds; i++) work(i);
  return heapBytes() - before;
}

describe(`memory stays flat over ${rounds.toLocaleString('en')} rounds`, { skip: skipUnlessBuilt }, () => {
  test('compiles that throw ExpressionError', () => {
    const bad = ['x^^2', 'sin x', 'y', 'sine(x)', '(x+1', ''];
    const growth = growthOver((i) => {
      try {
        engine.compile(bad[i % bad.length]);
        assert.fail('accepted');
      } catch (error) {
        if (error.name !== 'ExpressionError') throw error;
      }
    });
    assert.ok(growth <= allowedGrowth, `grew by ${growth} bytes`);
  });

  test('compile, evaluate, dispose', () => {
    const growth = growthOver((i) => {
      const fn = engine.compile(`x^4 - 3x^2 + ${i % 10} + sin(x)`);
      fn.at(0.5);
      fn.dispose();
    });
    assert.ok(growth <= allowedGrowth, `grew by ${growth} bytes`);
  });

  test('runs, including ones that stop early', () => {
    const growth = growthOver((i) => {
      engine.run({ expression: 'x^4-3*x^2+2', x0: -2.5, eta: i % 2 ? 0.1 : 0.5, steps: 10, method: 'gd' });
    });
    assert.ok(growth <= allowedGrowth, `grew by ${growth} bytes`);
  });
});
