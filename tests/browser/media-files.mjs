// Readers for the files the page exports, enough to check them without a decoder: a PNG's size, a GIF's
// screen, frames and delays, and a WebM's EBML tree (header, segment, info, tracks and blocks).

export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// The sub-blocks of GIF data end at a zero-length block; returns the offset after it.
function skipSubBlocks(bytes, at) {
  while (bytes[at] !== 0) at += bytes[at] + 1;
  return at + 1;
}

// GIF89a block by block: the logical screen, then per image descriptor its delay (centiseconds, from the
// graphic control extension before it).
export function readGif(bytes) {
  const header = bytes.subarray(0, 6).toString('latin1');
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  const packed = bytes[10];
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const frames = [];
  let delay = 0;
  let ended = false;
  while (at < bytes.length && !ended) {
    const kind = bytes[at];
    if (kind === 0x21) {
      if (bytes[at + 1] === 0xf9) delay = bytes.readUInt16LE(at + 4);
      at = skipSubBlocks(bytes, at + 2);
    } else if (kind === 0x2c) {
      const local = bytes[at + 9];
      frames.push({ delay, left: bytes.readUInt16LE(at + 1), top: bytes.readUInt16LE(at + 3),
        width: bytes.readUInt16LE(at + 5), height: bytes.readUInt16LE(at + 7) });
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      at = skipSubBlocks(bytes, at + 1); // after the LZW minimum code size
    } else if (kind === 0x3b) {
      ended = true;
    } else {
      throw new Error(`unexpected GIF block 0x${kind.toString(16)} at ${at}`);
    }
  }
  return { header, width, height, frames, ended };
}

// EBML's variable-length integers: the leading zero bits of the first byte say how many bytes follow.
function vint(bytes, at, keepMarker) {
  const first = bytes[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i];
  return { value, length };
}

const MASTERS = new Set([0x1a45dfa3, 0x18538067, 0x1549a966, 0x1654ae6b, 0xae, 0xe0, 0x55b0, 0x1c53bb6b, 0xbb, 0xb7,
  0x1f43b675, 0xa0]);

// The element tree as [{ id, start, size, children }] (start: where the data begins).
export function readEbml(bytes, from = 0, to = bytes.length) {
  const out = [];
  let at = from;
  while (at < to) {
    const id = vint(bytes, at, true);
    const size = vint(bytes, at + id.length, false);
    const start = at + id.length + size.length;
    const node = { id: id.value, start, size: size.value };
    if (MASTERS.has(id.value)) node.children = readEbml(bytes, start, start + size.value);
    out.push(node);
    at = start + size.value;
  }
  return out;
}

export const find = (nodes, id) => nodes.find((node) => node.id === id);
export const findAll = (nodes, id) => nodes.filter((node) => node.id === id);
export const uintOf = (bytes, node) => bytes.subarray(node.start, node.start + node.size).reduce((v, b) => v * 256 + b, 0);
export const textOf = (bytes, node) => bytes.subarray(node.start, node.start + node.size).toString('latin1');
export const floatOf = (bytes, node) => (node.size === 8 ? bytes.readDoubleBE(node.start) : bytes.readFloatBE(node.start));
