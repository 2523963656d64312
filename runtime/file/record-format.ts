/**
 * The bytes of a segment file, documented byte by byte in docs/runtime.md ("File log"). All integers
 * are little-endian. CRC-32 is the IEEE polynomial (zlib's crc32); hashes are SHA-256.
 *
 * Segment header, 64 bytes:
 *   0  8  magic "EVCSEG01"
 *   8  4  format version (1)
 *  12  4  partition number
 *  16  8  base offset (offset of the first event in this segment)
 *  24 32  chain hash before this segment (hash of the previous segment's last batch; zeros for the first)
 *  56  4  CRC-32 of bytes 0..56
 *  60  4  zero
 *
 * Record, 12-byte header + body:
 *   0  4  body length N
 *   4  4  CRC-32 of bytes 8..12+N (kind, flags, reserved, body)
 *   8  1  kind: 0x45 "E" event, 0x43 "C" commit
 *   9  1  flags (events): bit 0 = the event sets the key's lifecycle state, bit 1 = the event ends the key
 *  10  2  zero
 *  12  N  body: an event's envelope as UTF-8 JSON, or a commit's 36 bytes:
 *           u32 number of event records in the batch, then 32 bytes of chain hash =
 *           SHA-256(previous chain hash || every byte of the batch's event records)
 *
 * A batch is the event records of one write (one or more whole appends) followed by one commit
 * record. Recovery keeps only batches that end with their commit record: a torn write is truncated
 * whole, never half an append.
 */
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";

export const SEGMENT_MAGIC = Buffer.from("EVCSEG01", "latin1");
export const SEGMENT_HEADER_BYTES = 64;
export const RECORD_HEADER_BYTES = 12;
export const KIND_EVENT = 0x45;
export const KIND_COMMIT = 0x43;
export const FLAG_SETS_STATE = 1;
export const FLAG_ENDS = 2;
export const COMMIT_BODY_BYTES = 36;
export const COMMIT_RECORD_BYTES = RECORD_HEADER_BYTES + COMMIT_BODY_BYTES;
export const HASH_BYTES = 32;
export const ZERO_HASH: Buffer = Buffer.alloc(HASH_BYTES);
/** A body longer than this is certainly a damaged length field, not an event (events are JSON of sane size). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface SegmentHeader {
  readonly partition: number;
  readonly baseOffset: number;
  readonly prevHash: Buffer;
}

export function encodeSegmentHeader(header: SegmentHeader): Buffer {
  const buf = Buffer.alloc(SEGMENT_HEADER_BYTES);
  SEGMENT_MAGIC.copy(buf, 0);
  buf.writeUInt32LE(1, 8);
  buf.writeUInt32LE(header.partition, 12);
  buf.writeBigUInt64LE(BigInt(header.baseOffset), 16);
  header.prevHash.copy(buf, 24);
  buf.writeUInt32LE(crc32(buf.subarray(0, 56)), 56);
  return buf;
}

/** The header, or a reason why these 64 bytes are not one. */
export function decodeSegmentHeader(buf: Buffer): SegmentHeader | string {
  if (buf.length < SEGMENT_HEADER_BYTES) return "segment header is incomplete";
  if (!buf.subarray(0, 8).equals(SEGMENT_MAGIC)) return "not a segment file (bad magic)";
  if (crc32(buf.subarray(0, 56)) !== buf.readUInt32LE(56)) return "segment header checksum mismatch";
  if (buf.readUInt32LE(8) !== 1) return `unsupported segment format version ${buf.readUInt32LE(8)}`;
  return {
    partition: buf.readUInt32LE(12),
    baseOffset: Number(buf.readBigUInt64LE(16)),
    prevHash: Buffer.from(buf.subarray(24, 56)),
  };
}

/** Writes one event record (header + body) at `at` in `buf`; returns the position after it. */
export function writeEventRecord(buf: Buffer, at: number, body: string, bodyBytes: number, flags: number): number {
  buf.writeUInt32LE(bodyBytes, at);
  buf[at + 8] = KIND_EVENT;
  buf[at + 9] = flags;
  buf[at + 10] = 0;
  buf[at + 11] = 0;
  buf.write(body, at + RECORD_HEADER_BYTES, bodyBytes, "utf8");
  const end = at + RECORD_HEADER_BYTES + bodyBytes;
  buf.writeUInt32LE(crc32(buf.subarray(at + 8, end)), at + 4);
  return end;
}

/** The chain hash of a batch whose event records are `records`. */
export function batchHash(prevHash: Buffer, records: Buffer): Buffer {
  return createHash("sha256").update(prevHash).update(records).digest();
}

export function encodeCommitRecord(count: number, hash: Buffer): Buffer {
  const buf = Buffer.alloc(COMMIT_RECORD_BYTES);
  buf.writeUInt32LE(COMMIT_BODY_BYTES, 0);
  buf[8] = KIND_COMMIT;
  buf.writeUInt32LE(count, RECORD_HEADER_BYTES);
  hash.copy(buf, RECORD_HEADER_BYTES + 4);
  buf.writeUInt32LE(crc32(buf.subarray(8)), 4);
  return buf;
}

/** True when the record at `at` (whose header and body are in `buf`) matches its checksum. */
export function recordChecksumOk(buf: Buffer, at: number, bodyBytes: number): boolean {
  return crc32(buf.subarray(at + 8, at + RECORD_HEADER_BYTES + bodyBytes)) === buf.readUInt32LE(at + 4);
}
