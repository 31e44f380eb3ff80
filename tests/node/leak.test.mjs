// The engine frees what it allocates: errors thrown across the WASM boundary and compile/dispose cycles
// leave the WASM heap where it was. The heap is the engine's WebAssembly.Memory, caught as the module
// instantiates it; a WASM heap grows by whole pages and never shrinks, so a leak shows as growth.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const instantiate = WebAssembly.instantiate;
let memory = null;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const exports = (result.instance ?? result).exports;
  memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory) ?? memory;
  return result;
};
const { engine } = await import('./built-engine.mjs');
WebAssembly.instantiate = instantiate;

const heapBytes = () => memory.buffer.byteLength;

function growthOver(rounds, work) {
  for (let i = 0; i < 1000; i++) work(i);
  const before = heapBytes();
  for (let i = 0; i < rounds; i++) work(i);
  return heapBytes() - before;
}

describe('the WASM heap stays flat', () => {
  test('the heap is found', () => {
    assert.ok(memory instanceof WebAssembly.Memory);
    assert.ok(heapBytes() > 0);
  });

  test('100,000 compiles that throw ExpressionError', () => {
    const bad = ['x^^2', 'sin x', 'y', 'sine(x)', '(x+1', ''];
    const growth = growthOver(100_000, (i) => {
      try {
        engine.compile(bad[i % bad.length]);
      } catch (error) {
        if (error.name === 'ExpressionError') return;
        throw error;
      }
      assert.fail('accepted');
    });
    assert.equal(growth, 0, `grew by ${growth} bytes`);
  });

  test('100,000 compile, evaluate, sample, dispose cycles', () => {
    const growth = growthOver(100_000, (i) => {
      const fn = engine.compile(`x^2 - ${i % 10}*x`);
      fn.at(0.5);
      fn.sample(-1, 1, 8);
      fn.dispose();
    });
    assert.equal(growth, 0, `grew by ${growth} bytes`);
  });

  test('20,000 runs, half of them diverging, and bad settings', () => {
    const growth = growthOver(20_000, (i) => {
      engine.run({ expression: `x^4-3*x^2+${i % 4}`, x0: -2.5, eta: i % 2 ? 0.1 : 0.5, steps: 10, method: 'gd' });
      assert.throws(() => engine.run({ expression: 'x^2', x0: 0, eta: -1, steps: 1, method: 'gd' }));
    });
    assert.equal(growth, 0, `grew by ${growth} bytes`);
  });

  test('the measure is sensitive: functions never disposed do grow the heap', () => {
    const growth = growthOver(10_000, (i) => engine.compile(`sin(x)^3 + ${i}*x^4 - exp(x)`));
    assert.ok(growth > 0, 'a deliberate leak went unseen');
  });
});
