/**
 * Walks the records of a segment file in large chunks (never the whole file in memory), checking
 * every record's length, kind and CRC. Used by recovery, readers and verify, each with its own
 * callback. The scanner reports how it stopped; deciding whether that is a torn tail or corruption
 * is recovery's job.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { COMMIT_BODY_BYTES, KIND_COMMIT, KIND_EVENT, MAX_BODY_BYTES, RECORD_HEADER_BYTES, recordChecksumOk } from "./record-format.js";

/**
 * 256 KiB: big enough that a read call and an await are rare per event, small enough that the
 * events decoded from one chunk per partition stay few (1 MiB chunks doubled a replay's peak RSS).
 */
export const DEFAULT_CHUNK_BYTES = 1 << 18;

/**
 * Called per valid record. `at` is the record's index in `buf`, `position` its byte position in the
 * file. Return false to stop the scan after this record. `buf` is only valid during the call.
 */
export type OnRecord = (buf: Buffer, at: number, position: number, kind: number, flags: number, bodyBytes: number) => boolean | void;

export type ScanStop =
  /** Reached the end of the bytes to scan exactly at a record boundary. */
  | { readonly kind: "end"; readonly position: number }
  /** The callback asked to stop; `position` is after its record. */
  | { readonly kind: "stopped"; readonly position: number }
  /** The record at `position` does not fit in the bytes available (a torn write, or a file still being written). */
  | { readonly kind: "incomplete"; readonly position: number }
  /** The record at `position` is damaged. */
  | { readonly kind: "corrupt"; readonly position: number; readonly reason: string };

type WindowResult = { readonly consumed: number; readonly stop?: ScanStop; readonly needBytes?: number };

/** Parses whole records of buf[start, end) whose first byte is at file position `base`. */
function parseWindow(buf: Buffer, start: number, end: number, base: number, onRecord: OnRecord): WindowResult {
  let at = start;
  while (at < end) {
    if (end - at < RECORD_HEADER_BYTES) return { consumed: at - start, needBytes: RECORD_HEADER_BYTES };
    const bodyBytes = buf.readUInt32LE(at);
    const kind = buf[at + 8]!;
    const position = base + (at - start);
    if (kind !== KIND_EVENT && kind !== KIND_COMMIT) {
      return { consumed: at - start, stop: { kind: "corrupt", position, reason: `unknown record kind 0x${kind.toString(16).padStart(2, "0")}` } };
    }
    if (bodyBytes > MAX_BODY_BYTES || (kind === KIND_COMMIT && bodyBytes !== COMMIT_BODY_BYTES)) {
      return { consumed: at - start, stop: { kind: "corrupt", position, reason: `implausible record length ${bodyBytes}` } };
    }
    const total = RECORD_HEADER_BYTES + bodyBytes;
    if (end - at < total) return { consumed: at - start, needBytes: total };
    if (!recordChecksumOk(buf, at, bodyBytes)) {
      return { consumed: at - start, stop: { kind: "corrupt", position, reason: "record checksum (CRC-32) mismatch" } };
    }
    const goOn = onRecord(buf, at, position, kind, buf[at + 9]!, bodyBytes);
    at += total;
    if (goOn === false) return { consumed: at - start, stop: { kind: "stopped", position: base + (at - start) } };
  }
  return { consumed: at - start };
}

/** Synchronous scan of [from, to) of an open file. */
export function scanSync(fd: number, from: number, to: number, onRecord: OnRecord, chunkBytes = DEFAULT_CHUNK_BYTES): ScanStop {
  let buf = Buffer.allocUnsafe(chunkBytes);
  let filled = 0; // bytes in buf, starting at file position `base`
  let base = from;
  for (;;) {
    const want = Math.min(buf.length - filled, to - (base + filled));
    if (want > 0) {
      const n = readSync(fd, buf, filled, want, base + filled);
      filled += n;
      if (n === 0) to = base + filled; // the file is shorter than expected
    }
    const result = parseWindow(buf, 0, filled, base, onRecord);
    if (result.stop) return result.stop;
    base += result.consumed;
    const rest = filled - result.consumed;
    if (base + rest >= to && result.needBytes === undefined) return { kind: "end", position: base };
    if (base + rest >= to) return { kind: "incomplete", position: base };
    if (result.needBytes !== undefined && result.needBytes > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(result.needBytes, buf.length * 2));
      buf.copy(bigger, 0, result.consumed, filled);
      buf = bigger;
    } else {
      buf.copy(buf, 0, result.consumed, filled);
    }
    filled = rest;
  }
}

/** Synchronous scan of a whole file from `from` by path. */
export function scanFileSync(path: string, from: number, to: number, onRecord: OnRecord): ScanStop {
  const fd = openSync(path, "r");
  try {
    return scanSync(fd, from, to, onRecord);
  } finally {
    closeSync(fd);
  }
}

/**
 * Asynchronous scan of [from, to) of an open file, one chunk at a time: yields, per chunk, what
 * `decode` returned for its records (undefined results are dropped), and returns how it stopped.
 * Memory is one chunk (plus one record larger than a chunk) whatever the file size.
 */
export async function* scanChunks<T>(
  handle: FileHandle,
  from: number,
  to: number,
  decode: (buf: Buffer, at: number, position: number, kind: number, flags: number, bodyBytes: number) => T | undefined,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): AsyncGenerator<T[], ScanStop> {
  let buf = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(4096, to - from)));
  let filled = 0;
  let base = from;
  for (;;) {
    const want = Math.min(buf.length - filled, to - (base + filled));
    if (want > 0) {
      const { bytesRead } = await handle.read(buf, filled, want, base + filled);
      filled += bytesRead;
      if (bytesRead === 0) to = base + filled;
    }
    const out: T[] = [];
    const result = parseWindow(buf, 0, filled, base, (b, at, position, kind, flags, bodyBytes) => {
      const value = decode(b, at, position, kind, flags, bodyBytes);
      if (value !== undefined) out.push(value);
    });
    if (out.length > 0) yield out;
    if (result.stop) return result.stop;
    base += result.consumed;
    const rest = filled - result.consumed;
    if (base + rest >= to) return result.needBytes === undefined ? { kind: "end", position: base } : { kind: "incomplete", position: base };
    if (result.needBytes !== undefined && result.needBytes > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(result.needBytes, buf.length * 2));
      buf.copy(bigger, 0, result.consumed, filled);
      buf = bigger;
    } else {
      buf.copy(buf, 0, result.consumed, filled);
    }
    filled = rest;
  }
}
