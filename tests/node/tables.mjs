// The shared test tables in tests/tables/, read here as the native suite reads them (tests/native/tables.cpp):
// tab-separated cells, lines starting with # are comments, and one notation for text a test types.
import { readFileSync } from 'node:fs';

// The rows of tests/tables/<name> as { line, cells }, each with exactly `columns` cells.
export function readTable(name, columns) {
  return readFileSync(new URL(`../tables/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const cells = text.split('\t');
      if (cells.length !== columns) throw new Error(`tests/tables/${name} line ${line}: ${cells.length} cells`);
      return { line, cells };
    });
}

// \xNN is a byte, \t a tab, \n a line break, \\ a backslash, {N*TEXT} is TEXT repeated N times.
export function decodeBytes(cell) {
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
  return Buffer.from(bytes);
}

// The rows of tests/tables/expressions.tsv as { line, input, printed: [f, f', f''], points, tags }, with each
// row's points looked up in tests/tables/points.tsv. A printed cell of '-' is one the table leaves out.
export function readExpressions() {
  const sets = new Map(readTable('points.tsv', 2).map(({ cells: [name, xs] }) => [name, xs.split(' ').map(Number)]));
  return readTable('expressions.tsv', 6).map(({ line, cells: [input, f, df, d2f, points, tags] }) => {
    if (!sets.has(points)) throw new Error(`tests/tables/expressions.tsv line ${line}: no points named ${points}`);
    return { line, input, printed: [f, df, d2f], points: sets.get(points), tags: tags === '-' ? [] : tags.split(',') };
  });
}
