// Numbers as the results table and tooltips show them: nine significant digits (enough to compare with a
// float64 notebook), exponent form for the very large and very small, and words for non-finite values.

export function formatNumber(value) {
  if (Number.isNaN(value)) return 'undefined';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e7) return value.toExponential(4).replace(/\.?0+e/, 'e');
  if (size < 1e-3) return value.toExponential(5).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(9)));
}

export function formatShort(value) {
  if (!Number.isFinite(value)) return formatNumber(value);
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e6 || size < 1e-3)) return value.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(4)));
}
