// The shared table of hostile expressions (tests/hostile/inputs.tsv), through the WASM engine: the same
// outcome, message and column as natively (tests/native/hostile_table_test.cpp), and a real Error each time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engine, engineModule } from './built-engine.mjs';

// \xNN is a byte, \t, \n, \\ as usual, {N*TEXT} repeats TEXT: the table's own notation.
function decodeBytes(cell) {
  const bytes = [];
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && i + 1 < cell.length) {
      const next = cell[++i];
      if (next === 'x') {
        bytes.push(parseInt(cell.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push((next === 't' ? '\t' : next === 'n' ? '\n' : next).charCodeAt(0));
      }
    } else if (c === '{' && cell.indexOf('*', i) > 0 && cell.indexOf('}', i) > 0) {
      const star = cell.indexOf('*', i);
      const close = cell.indexOf('}', star);
      const piece = decodeBytes(cell.slice(star + 1, close));
      for (let k = Number(cell.slice(i + 1, star)); k > 0; k--) bytes.push(...piece);
      i = close;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return bytes;
}

const rows = readFileSync(new URL('../hostile/inputs.tsv', import.meta.url), 'utf8')
  .split('\n')
  .map((line, index) => ({ line, number: index + 1 }))
  .filter(({ line }) => line !== '' && !line.startsWith('#'))
  .map(({ line, number }) => {
    const [outcome, column, message, ...rest] = line.split('\t');
    const bytes = Buffer.from(decodeBytes(rest.join('\t')));
    return { number, accepted: outcome === 'accepted', column: Number(column), message, bytes };
  });

// Rows whose bytes are not valid UTF-8 cannot reach the engine as a JS string unchanged.
const representable = rows.filter((row) => Buffer.from(row.bytes.toString('utf8'), 'utf8').equals(row.bytes));

describe('the hostile table through the WASM engine', () => {
  test('has at least 100 rows, nearly all of them representable as JS strings', () => {
    assert.ok(rows.length >= 100, `${rows.length} rows`);
    assert.ok(representable.length >= rows.length - 5);
  });

  for (const row of representable) {
    const text = row.bytes.toString('utf8');
    test(`inputs.tsv line ${row.number}: ${JSON.stringify(text.slice(0, 40))}`, () => {
      let fn;
      try {
        fn = engine.compile(text);
      } catch (error) {
        assert.ok(error instanceof engineModule.ExpressionError, `not an ExpressionError: ${error}`);
        assert.ok(!row.accepted, `rejected: ${error.message}`);
        assert.ok(error.message.includes(row.message), `message: ${error.message}`);
        assert.equal(error.column, row.column, `column for ${error.message}`);
        return;
      }
      fn.dispose();
      assert.ok(row.accepted, 'accepted, but the table says rejected');
    });
  }
});
