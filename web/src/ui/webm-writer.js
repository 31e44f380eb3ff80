// A WebM file (Matroska's subset) around encoded VP8 frames: the EBML header, the segment's Info (with the
// Duration a player shows and seeks by), one video track, Cues to find each cluster, and clusters that each
// start at a key frame. The whole file is written at once, from frames already encoded, so every size and
// position is known before it is written. Element IDs and layout as in the Matroska specification.

const ID = {
  EBML: 0x1a45dfa3, EBMLVersion: 0x4286, EBMLReadVersion: 0x42f7, EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3, DocType: 0x4282, DocTypeVersion: 0x4287, DocTypeReadVersion: 0x4285,
  Segment: 0x18538067, Info: 0x1549a966, TimestampScale: 0x2ad7b1, Duration: 0x4489, MuxingApp: 0x4d80,
  WritingApp: 0x5741, Tracks: 0x1654ae6b, TrackEntry: 0xae, TrackNumber: 0xd7, TrackUID: 0x73c5,
  TrackType: 0x83, FlagLacing: 0x9c, CodecID: 0x86, Video: 0xe0, PixelWidth: 0xb0, PixelHeight: 0xba,
  Cues: 0x1c53bb6b, CuePoint: 0xbb, CueTime: 0xb3, CueTrackPositions: 0xb7, CueTrack: 0xf7,
  CueClusterPosition: 0xf1, Cluster: 0x1f43b675, Timestamp: 0xe7, SimpleBlock: 0xa3, BlockGroup: 0xa0,
  Block: 0xa1, BlockDuration: 0x9b, ReferenceBlock: 0xfb, Colour: 0x55b0, MatrixCoefficients: 0x55b1, Range: 0x55b9,
  TransferCharacteristics: 0x55ba, Primaries: 0x55bb,
};

// WebCodecs' names for a colour space, as the numbers Matroska takes from ITU-T H.273.
const MATRIX = { rgb: 0, bt709: 1, bt470bg: 5, smpte170m: 6 };
const TRANSFER = { bt709: 1, smpte170m: 6, linear: 8, 'iec61966-2-1': 13 };
const PRIMARIES = { bt709: 1, bt470bg: 5, smpte170m: 6 };

// A block's time is 16 bits relative to its cluster's, so no cluster may span more than this (ms).
const CLUSTER_SPAN_MS = 32_767;
const TRACK = 1;

const idBytes = (id) => {
  const bytes = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return bytes;
};

// A size as EBML's variable-length integer: the count of leading zero bits says how many bytes follow.
function sizeBytes(size) {
  for (let length = 1; length <= 8; length++) {
    if (size < 2 ** (7 * length) - 1) {
      const bytes = [];
      let v = size;
      for (let i = 0; i < length; i++) { bytes.unshift(v % 256); v = Math.floor(v / 256); }
      bytes[0] |= 1 << (8 - length);
      return bytes;
    }
  }
  throw new Error('element too large for EBML');
}

// Unsigned integers big-endian in as few bytes as hold them, or exactly `width` bytes.
function uintBytes(value, width = 0) {
  const bytes = [];
  for (let v = value; v > 0 || bytes.length === 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  while (bytes.length < width) bytes.unshift(0);
  return bytes;
}

function intBytes(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, value);
  return bytes;
}

const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
};

const element = (id, ...body) => {
  const data = concat(body.map((part) => (part instanceof Uint8Array ? part : Uint8Array.from(part))));
  return concat([Uint8Array.from(idBytes(id)), Uint8Array.from(sizeBytes(data.length)), data]);
};
const uint = (id, value, width) => element(id, uintBytes(value, width));
const text = (id, value) => element(id, new TextEncoder().encode(value));
function float(id, value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return element(id, bytes);
}

// The track number, the time relative to the cluster (signed 16 bits), flags, then the frame.
function blockBytes(frame, relative, flags) {
  const head = new Uint8Array(4);
  head[0] = 0x80 | TRACK;
  new DataView(head.buffer).setInt16(1, relative);
  head[3] = flags;
  return concat([head, frame.data]);
}

// A frame is a SimpleBlock; the last one a BlockGroup, whose BlockDuration says how long it stays up.
function clusterOf(frames, last) {
  const start = frames[0].time;
  const blocks = frames.map((frame, i) => {
    const relative = frame.time - start;
    if (frame !== last) return element(ID.SimpleBlock, blockBytes(frame, relative, frame.key ? 0x80 : 0));
    const reference = frame.key ? [] : [element(ID.ReferenceBlock, intBytes(frames[i - 1].time - frame.time))];
    return element(ID.BlockGroup, element(ID.Block, blockBytes(frame, relative, 0)), uint(ID.BlockDuration, frame.duration),
      ...reference);
  });
  return { time: start, bytes: element(ID.Cluster, uint(ID.Timestamp, start), ...blocks) };
}

// Frames in order, each { data: Uint8Array, time, duration (whole ms), key }, the first a key frame; each
// key frame starts a cluster, so the encoder asks for them often enough to keep clusters short.
function clusters(frames) {
  const groups = [];
  for (const frame of frames) {
    if (frame.key) groups.push([frame]);
    else if (groups.length === 0) throw new Error('the first frame must be a key frame');
    else if (frame.time - groups.at(-1)[0].time > CLUSTER_SPAN_MS) throw new Error('a cluster spans too long');
    else groups.at(-1).push(frame);
  }
  return groups.map((group) => clusterOf(group, frames.at(-1)));
}

// Each cue's position is written in 8 bytes, so the Cues' own size does not depend on the positions in it.
function cues(list, firstClusterAt) {
  let at = firstClusterAt;
  const points = list.map((cluster) => {
    const point = element(ID.CuePoint, uint(ID.CueTime, cluster.time),
      element(ID.CueTrackPositions, uint(ID.CueTrack, TRACK), uint(ID.CueClusterPosition, at, 8)));
    at += cluster.bytes.length;
    return point;
  });
  return element(ID.Cues, ...points);
}

// The colour space the encoder wrote in; without it a player assumes video range (16–235) and darkens a
// dark chart's background.
function colour(space) {
  if (!space) return [];
  const fields = [[ID.MatrixCoefficients, MATRIX[space.matrix]], [ID.TransferCharacteristics, TRANSFER[space.transfer]],
    [ID.Primaries, PRIMARIES[space.primaries]], [ID.Range, space.fullRange === null ? undefined : space.fullRange ? 2 : 1]];
  const known = fields.filter(([, value]) => value !== undefined);
  return known.length ? [element(ID.Colour, ...known.map(([id, value]) => uint(id, value)))] : [];
}

// colorSpace: as the encoder's decoderConfig gives it (WebCodecs' VideoColorSpaceInit), or null.
export function webmFile(frames, { width, height, codec = 'V_VP8', colorSpace = null, app = 'descent' }) {
  const last = frames.at(-1);
  const header = element(ID.EBML, uint(ID.EBMLVersion, 1), uint(ID.EBMLReadVersion, 1), uint(ID.EBMLMaxIDLength, 4),
    uint(ID.EBMLMaxSizeLength, 8), text(ID.DocType, 'webm'), uint(ID.DocTypeVersion, 2), uint(ID.DocTypeReadVersion, 2));
  const info = element(ID.Info, uint(ID.TimestampScale, 1_000_000), float(ID.Duration, last.time + last.duration),
    text(ID.MuxingApp, app), text(ID.WritingApp, app));
  const tracks = element(ID.Tracks, element(ID.TrackEntry, uint(ID.TrackNumber, TRACK), uint(ID.TrackUID, 1),
    uint(ID.TrackType, 1), uint(ID.FlagLacing, 0), text(ID.CodecID, codec),
    element(ID.Video, uint(ID.PixelWidth, width), uint(ID.PixelHeight, height), ...colour(colorSpace))));
  const list = clusters(frames);
  // Positions count from the start of the Segment's data; the Cues sit before the clusters they point to.
  const cueSize = cues(list, 0).length;
  const body = [info, tracks, cues(list, info.length + tracks.length + cueSize), ...list.map((cluster) => cluster.bytes)];
  return concat([header, element(ID.Segment, ...body)]);
}
