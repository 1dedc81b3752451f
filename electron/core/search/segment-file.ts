// A segment on disk: a small JSON header (ids, terms, sizes) and the typed
// arrays as raw little-endian bytes, so loading is one read, one hash and a few
// array views — no JSON.parse of postings. A SHA-1 over everything after the
// preamble catches truncated or damaged files; any doubt → throw, and the
// caller rebuilds.
//
// Layout: "PONDSEG\0" · u32 format · u32 header bytes · 20-byte SHA-1 · 4 zero
// bytes · header JSON (padded to 8) · ords f64[docs] · lengths i32[docs×3] ·
// deleted u8[docs] (padded) · offsets i32[terms×3+1] · docs i32[postings] ·
// tfs u8 or i32[postings].

import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { Segment } from './segment';
import { FIELD_COUNT } from './tokens';

const MAGIC = 'PONDSEG\0';
const PREAMBLE = 40;

interface Header {
  ids: string[];
  terms: string[];
  postings: number;
  tfBytes: 1 | 4;
}

export function encodeSegment(segment: Segment, format: number): Buffer {
  const header: Header = { ids: segment.ids, terms: segment.terms, postings: segment.docs.length, tfBytes: segment.tfs instanceof Uint8Array ? 1 : 4 };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const sections: ArrayBufferView[] = [segment.ords, segment.lengths, segment.deleted, segment.offsets, segment.docs, segment.tfs];
  let size = PREAMBLE + pad(headerBytes.length);
  for (const section of sections) size += pad(section.byteLength);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(format, 8);
  out.writeUInt32LE(headerBytes.length, 12);
  let at = PREAMBLE;
  headerBytes.copy(out, at);
  at += pad(headerBytes.length);
  for (const section of sections) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += pad(section.byteLength);
  }
  createHash('sha1').update(out.subarray(PREAMBLE)).digest().copy(out, 16);
  return out;
}

/** The segment in `bytes`; throws when they are not a whole, undamaged segment of this format. */
export function decodeSegment(bytes: Buffer, format: number): Segment {
  if (bytes.length < PREAMBLE || bytes.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a segment file');
  if (bytes.readUInt32LE(8) !== format) throw new Error('segment of another format');
  const digest = createHash('sha1').update(bytes.subarray(PREAMBLE)).digest();
  if (!digest.equals(bytes.subarray(16, 36))) throw new Error('segment checksum mismatch');
  const headerLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.toString('utf8', PREAMBLE, PREAMBLE + headerLength)) as Header;
  const docCount = header.ids.length;
  const pairs = header.terms.length * FIELD_COUNT;
  let at = PREAMBLE + pad(headerLength);
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, bytesPer: number, length: number): T => {
    const byteLength = bytesPer * length;
    if (at + byteLength > bytes.length) throw new Error('segment file is truncated');
    let offset = bytes.byteOffset + at;
    let buffer = bytes.buffer as ArrayBuffer;
    if (offset % bytesPer !== 0) {
      buffer = bytes.buffer.slice(offset, offset + byteLength) as ArrayBuffer;
      offset = 0;
    }
    at += pad(byteLength);
    return make(buffer, offset, length);
  };
  const ords = take((b, o, n) => new Float64Array(b, o, n), 8, docCount);
  const lengths = take((b, o, n) => new Int32Array(b, o, n), 4, docCount * FIELD_COUNT);
  const deleted = take((b, o, n) => new Uint8Array(b, o, n), 1, docCount);
  const offsets = take((b, o, n) => new Int32Array(b, o, n), 4, pairs + 1);
  const docs = take((b, o, n) => new Int32Array(b, o, n), 4, header.postings);
  const tfs = header.tfBytes === 1 ? take((b, o, n) => new Uint8Array(b, o, n), 1, header.postings) : take((b, o, n) => new Int32Array(b, o, n), 4, header.postings);
  if (at !== bytes.length) throw new Error('segment file has the wrong size');
  if (offsets[0] !== 0 || offsets[pairs] !== header.postings) throw new Error('segment postings do not add up');
  for (let pair = 0; pair < pairs; pair++) if (offsets[pair]! > offsets[pair + 1]!) throw new Error('segment postings are out of order');
  for (let p = 0; p < docs.length; p++) if (docs[p]! < 0 || docs[p]! >= docCount) throw new Error('segment posting out of range');
  return new Segment({ ids: header.ids, ords, lengths, deleted: deleted.slice(), terms: header.terms, offsets, docs, tfs });
}

/**
 * Write encoded bytes atomically (temp file + rename; no fsync: a file damaged by
 * a power cut fails its checksum and is rebuilt). Returns the size.
 */
export async function writeSegmentFile(file: string, bytes: Buffer): Promise<number> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, bytes, { mode: 0o600 }); // private, like every file Ponder writes (FORMATS.md §2)
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return bytes.length;
}

export async function readSegmentFile(file: string, format: number): Promise<Segment> {
  return decodeSegment(await readFile(file), format);
}

function pad(length: number): number {
  return Math.ceil(length / 8) * 8;
}
