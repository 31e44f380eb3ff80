// The table of inputs (tests/tables/inputs.tsv) through the WASM engine: the same outcome, message, column
// and opening column as natively (tests/native/input_table_test.cpp), and a real Error each time. Limits
// that are not one row of the table follow it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, engineModule } from './built-engine.mjs';
import { decodeBytes, readTable } from './tables.mjs';

const rows = readTable('inputs.tsv', 5).map(({ line, cells: [outcome, column, opened, message, input] }) => ({
  line,
  accepted: outcome === 'accepted',
  column: Number(column),
  openedAt: opened === '-' ? 0 : Number(opened),
  message,
  bytes: decodeBytes(input),
}));

// Rows whose bytes are not valid UTF-8 cannot reach the engine as a JS string unchanged.
const representable = rows.filter((row) => Buffer.from(row.bytes.toString('utf8'), 'utf8').equals(row.bytes));

// The table's message notation: the whole message, or … where the row leaves text open.
function messageMatches(message, pattern) {
  const before = pattern.startsWith('…');
  const after = pattern.length > 1 && pattern.endsWith('…');
  const part = pattern.slice(before ? 1 : 0, after ? -1 : undefined);
  if (before && after) return message.includes(part);
  if (before) return message.endsWith(part);
  if (after) return message.startsWith(part);
  return message === part;
}

function thrown(typed) {
  try {
    engine.compile(typed).dispose();
  } catch (error) {
    return error;
  }
  assert.fail(`'${typed}' was accepted`);
}

describe('the input table through the WASM engine', () => {
  test('has at least 150 rows, nearly all of them representable as JS strings', () => {
    assert.ok(rows.length >= 150, `${rows.length} rows`);
    assert.ok(representable.length >= rows.length - 5);
  });

  test("the table's … matches any text in its place, and nothing else does", () => {
    const message = "unknown function 'Sin': did you mean sin?";
    assert.ok(messageMatches(message, '…did you mean sin?'));
    assert.ok(messageMatches(message, "unknown function 'Sin'…"));
    assert.ok(messageMatches(message, '…function…'));
    assert.ok(!messageMatches(message, 'did you mean sin?'));
    assert.ok(!messageMatches(message, '…did you mean'));
    assert.ok(!messageMatches(message, 'function…'));
  });

  for (const row of representable) {
    const text = row.bytes.toString('utf8');
    test(`inputs.tsv line ${row.line}: ${JSON.stringify(text.slice(0, 40))}`, () => {
      let fn;
      try {
        fn = engine.compile(text);
      } catch (error) {
        assert.ok(error instanceof Error, 'an Error');
        assert.equal(error.name, 'ExpressionError');
        assert.ok(error instanceof engineModule.ExpressionError, `not an ExpressionError: ${error}`);
        assert.ok(!row.accepted, `rejected: ${error.message}`);
        assert.ok(messageMatches(error.message, row.message), `message: ${error.message}`);
        assert.equal(error.column, row.column, `column for ${error.message}`);
        assert.equal(error.openedAt, row.openedAt, `openedAt for ${error.message}`);
        return;
      }
      fn.dispose();
      assert.ok(row.accepted, 'accepted, but the table says rejected');
    });
  }
});

describe('limits are errors, not crashes', () => {
  // [what, typed]
  const oversized = [
    ['a very long input', `${'x+'.repeat(60_000)}x`],
    ['deep brackets', `${'('.repeat(50_000)}x${')'.repeat(50_000)}`],
    ['deep function calls', `${'sin('.repeat(20_000)}x${')'.repeat(20_000)}`],
    ['a long chain of signs', `${'-'.repeat(50_000)}x`],
    ['a tower of powers', `${'x^'.repeat(5_000)}x`],
  ];
  for (const [what, typed] of oversized) {
    test(what, () => {
      const error = thrown(typed);
      assert.equal(error.name, 'ExpressionError');
      assert.equal(typeof error.column, 'number');
    });
  }

  test('a derivative that would explode is refused or bounded', () => {
    const typed = Array.from({ length: 12 }, () => 'x^x').join('*') + '^x^x^x';
    try {
      engine.compile(typed).dispose();
    } catch (error) {
      assert.equal(error.name, 'ExpressionError');
    }
  });

  test('the engine still works afterwards', () => {
    const fn = engine.compile('x^2');
    assert.equal(fn.at(3).f, 9);
    fn.dispose();
  });
});
