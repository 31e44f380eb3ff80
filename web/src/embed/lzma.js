// An LZMA decoder for the .lzma files `xz --format=lzma` writes: the element carries its engine's wasm in
// this form (a fifth smaller than deflate; the build decodes what it wrote with this very function before
// shipping it). It follows the LZMA specification's reference decoder (LzmaSpec.cpp in the LZMA SDK):
// a range decoder over adaptive bit probabilities, literals coded after the previous byte, and matches
// as (length, distance) with the last four distances kept for cheap repeats.

const PROB_INIT = 1024; // 0.5 in 11 bits
const MATCH_STATES = 7; // states below this follow a literal

// The header: lc, lp and pb in one byte, the dictionary size, then the size (all ones: unknown, ended by
// the end marker), then the range coder's stream.
function header(input) {
  if (input.length < 18) throw new Error('lzma: the data is too short');
  const props = input[0];
  if (props >= 9 * 5 * 5) throw new Error('lzma: bad properties');
  // The size field, where the data says it: then no end marker need follow.
  const sized = !input.subarray(5, 13).every((byte) => byte === 0xFF);
  const size = input.subarray(5, 13).reduceRight((sum, byte) => sum * 256 + byte, 0);
  return { lc: props % 9, lp: Math.floor(props / 9) % 5, pb: Math.floor(props / 45), sized, size };
}

function rangeDecoder(input) {
  let pos = 5 + 8 + 1; // the coder's first byte is always 0
  let range = 0xFFFFFFFF;
  let code = 0;
  for (let i = 0; i < 4; ++i) code = code * 256 + input[pos++];
  // Numbers stay below 2^32 as doubles (no 32-bit sign to mind).
  const normalize = () => {
    if (range < 0x1000000) {
      if (pos >= input.length) throw new Error('lzma: the data ends early');
      range *= 256;
      code = code * 256 + input[pos++];
    }
  };
  const bit = (probs, i) => {
    const bound = (range >>> 11) * probs[i];
    let result;
    if (code < bound) {
      range = bound;
      probs[i] += (2048 - probs[i]) >> 5;
      result = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[i] -= probs[i] >> 5;
      result = 1;
    }
    normalize();
    return result;
  };
  const direct = (count) => {
    let result = 0;
    for (let i = 0; i < count; ++i) {
      range = Math.floor(range / 2);
      const one = code >= range ? 1 : 0;
      if (one) code -= range;
      result = result * 2 + one;
      normalize();
    }
    return result;
  };
  // A symbol of `count` bits, most significant first, its probabilities at probs[base + 1 ..] (a tree
  // of 2^count - 1 nodes, node m's children at 2m and 2m + 1).
  const tree = (probs, base, count) => {
    let m = 1;
    for (let i = 0; i < count; ++i) m = (m << 1) + bit(probs, base + m);
    return m - (1 << count);
  };
  // The same, least significant bit first.
  const reverse = (probs, base, count) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < count; ++i) {
      const b = bit(probs, base + m);
      m = (m << 1) + b;
      symbol |= b << i;
    }
    return symbol;
  };
  return { bit, direct, tree, reverse };
}

const probabilities = (count) => new Uint16Array(count).fill(PROB_INIT);

// A length of 2 to 273 less 2: 3 bits for short ones (per position state), 3 more, or 8 bits.
function lengthDecoder(coder) {
  const choice = probabilities(2);
  const low = probabilities(16 << 3);
  const mid = probabilities(16 << 3);
  const high = probabilities(256);
  return (posState) => {
    if (!coder.bit(choice, 0)) return coder.tree(low, posState << 3, 3);
    if (!coder.bit(choice, 1)) return 8 + coder.tree(mid, posState << 3, 3);
    return 16 + coder.tree(high, 0, 8);
  };
}

// Decodes a .lzma file of `size` bytes (the caller knows it; it must match the data's) into a Uint8Array.
export function lzmaDecode(input, size) {
  const { lc, lp, pb, sized, size: stated } = header(input);
  if (sized && stated !== size) throw new Error(`lzma: ${stated} bytes in the data, ${size} announced`);
  const coder = rangeDecoder(input);
  const out = new Uint8Array(size);
  const isMatch = probabilities(12 << 4);
  const isRep = probabilities(12);
  const isRepG0 = probabilities(12);
  const isRepG1 = probabilities(12);
  const isRepG2 = probabilities(12);
  const isRep0Long = probabilities(12 << 4);
  const literals = probabilities(0x300 << (lc + lp));
  const posSlots = probabilities(4 << 6);
  const posDecoders = probabilities(115);
  const align = probabilities(16);
  const matchLength = lengthDecoder(coder);
  const repLength = lengthDecoder(coder);
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  let n = 0;

  const room = () => {
    if (n >= size) throw new Error('lzma: more data than announced');
  };

  const literal = () => {
    room();
    const previous = n > 0 ? out[n - 1] : 0;
    const base = 0x300 * (((n & lpMask) << lc) + (previous >> (8 - lc)));
    let symbol = 1;
    if (state >= MATCH_STATES) {
      let matchByte = out[n - rep0 - 1];
      do {
        const matchBit = (matchByte >> 7) & 1;
        matchByte <<= 1;
        const b = coder.bit(literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | b;
        if (matchBit !== b) break;
      } while (symbol < 0x100);
    }
    while (symbol < 0x100) symbol = (symbol << 1) | coder.bit(literals, base + symbol);
    out[n++] = symbol - 0x100;
    state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
  };

  const distance = (length) => {
    const slot = coder.tree(posSlots, Math.min(length, 3) << 6, 6);
    if (slot < 4) return slot;
    const bits = (slot >> 1) - 1;
    const start = (2 + (slot & 1)) * 2 ** bits;
    if (slot < 14) return start + coder.reverse(posDecoders, start - slot, bits);
    return start + coder.direct(bits - 4) * 16 + coder.reverse(align, 0, 4);
  };

  // Without a size in the header, the data ends with the end marker.
  while (!sized || n < size) {
    const posState = n & pbMask;
    if (!coder.bit(isMatch, (state << 4) + posState)) {
      literal();
      continue;
    }
    let length;
    if (coder.bit(isRep, state)) {
      if (n === 0) throw new Error('lzma: a repeat before any data');
      if (!coder.bit(isRepG0, state)) {
        if (!coder.bit(isRep0Long, (state << 4) + posState)) {
          room();
          state = state < MATCH_STATES ? 9 : 11;
          out[n] = out[n - rep0 - 1];
          n += 1;
          continue;
        }
      } else {
        let dist;
        if (!coder.bit(isRepG1, state)) dist = rep1;
        else {
          if (!coder.bit(isRepG2, state)) dist = rep2;
          else { dist = rep3; rep3 = rep2; }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      length = repLength(posState);
      state = state < MATCH_STATES ? 8 : 11;
    } else {
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      length = matchLength(posState);
      state = state < MATCH_STATES ? 7 : 10;
      rep0 = distance(length);
      if (rep0 === 0xFFFFFFFF) break; // the end marker
    }
    length += 2;
    if (rep0 >= n) throw new Error('lzma: a match reaches before the data');
    if (length > size - n) throw new Error('lzma: more data than announced');
    for (let i = 0; i < length; ++i, ++n) out[n] = out[n - rep0 - 1];
  }
  if (n !== size) throw new Error(`lzma: ${n} bytes decoded, ${size} announced`);
  return out;
}
