/**
 * Reads a partition's segments into its index: on open (recovery), and again whenever a read-only
 * log catches up with what another process appended. Scanning resumes where the index stands, so
 * catching up costs only the new bytes.
 *
 * The decision about damaged bytes (documented in docs/runtime.md, "Crash recovery"):
 * - Only the end of the LAST segment can be torn: an incomplete record, or event records not
 *   followed by their commit record, is a batch whose write was interrupted. It was never
 *   acknowledged (appends resolve after the fsync that follows the whole batch), so the writer
 *   truncates it; a reader just does not see it (yet).
 * - Zero bytes after the last commit (a crash after the file grew but before the data reached the
 *   disk) are a torn tail too.
 * - Everything else is corruption: a complete record whose CRC does not match, anywhere, including
 *   the last record; any damage in an older segment; a commit that counts the wrong number of
 *   events; a broken link between segments. The writer refuses to open (LogCorruptedError with
 *   file, byte position, topic, partition and offset) and changes nothing. A complete record with a
 *   bad checksum was written whole and then changed, so dropping it could drop an acknowledged event.
 */
import { closeSync, fsyncSync, ftruncateSync, fstatSync, openSync, readdirSync, readSync, writeSync } from "node:fs";
import { LogCorruptedError } from "../errors.js";
import { idFingerprint, readLeadingFields } from "./envelope-body.js";
import type { KeyIndex } from "./key-index.js";
import { parseSegmentFileName } from "./layout.js";
import type { PartitionIndex, SegmentInfo } from "./partition-index.js";
import {
  FLAG_ENDS,
  FLAG_SETS_STATE,
  KIND_COMMIT,
  RECORD_HEADER_BYTES,
  SEGMENT_HEADER_BYTES,
  decodeSegmentHeader,
  encodeSegmentHeader,
} from "./record-format.js";
import { scanSync } from "./record-scanner.js";
import { crc32 } from "node:zlib";

export type ScanMode = "write" | "read";

interface PendingEvent {
  readonly position: number;
  readonly key: string;
  readonly fingerprint: number;
  readonly type: string;
  readonly flags: number;
}

/** Lists the partition's segment files by base offset. */
export function listSegments(dir: string): { baseOffset: number; name: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .map((name) => ({ name, baseOffset: parseSegmentFileName(name) }))
    .filter((s): s is { name: string; baseOffset: number } => s.baseOffset !== undefined)
    .sort((a, b) => a.baseOffset - b.baseOffset);
}

/**
 * Brings `index` and `keys` up to date with the partition's files. Returns the number of events
 * that became visible. In "write" mode a torn tail is truncated; in "read" mode it is left alone.
 */
export function catchUpPartition(index: PartitionIndex, keys: KeyIndex, mode: ScanMode): number {
  const before = index.visibleEnd;
  const files = listSegments(index.dir);
  const current = index.current;
  for (const [i, file] of files.entries()) {
    const isLast = i === files.length - 1;
    let segment: SegmentInfo | undefined;
    if (current && file.baseOffset < current.baseOffset) continue;
    if (current && file.baseOffset === current.baseOffset) {
      segment = current;
    } else {
      segment = openNewSegment(index, file.baseOffset, isLast, mode);
      if (!segment) return index.visibleEnd - before; // a segment still being created by the writer
    }
    scanSegment(index, keys, segment, isLast, mode);
  }
  return index.visibleEnd - before;
}

function openNewSegment(index: PartitionIndex, baseOffset: number, isLast: boolean, mode: ScanMode): SegmentInfo | undefined {
  const path = `${index.dir}/${String(baseOffset).padStart(20, "0")}.seg`;
  const corrupt = (position: number, reason: string): LogCorruptedError =>
    new LogCorruptedError(path, position, reason, index.topic, index.partition, index.visibleEnd);
  if (baseOffset !== index.visibleEnd) {
    if (isLast && mode === "read") return undefined;
    throw corrupt(0, `segment starts at offset ${baseOffset} but the partition's previous segments end at offset ${index.visibleEnd}`);
  }
  const fd = openSync(path, mode === "write" ? "r+" : "r");
  try {
    const header = Buffer.alloc(SEGMENT_HEADER_BYTES);
    const got = readSync(fd, header, 0, SEGMENT_HEADER_BYTES, 0);
    if (got < SEGMENT_HEADER_BYTES) {
      if (!isLast) throw corrupt(0, "segment header is incomplete");
      if (mode === "read") return undefined;
      // The writer crashed while creating this segment: it holds no event yet, so write its header again.
      ftruncateSync(fd, 0);
      writeSync(fd, encodeSegmentHeader({ partition: index.partition, baseOffset, prevHash: index.lastHash }), 0, SEGMENT_HEADER_BYTES, 0);
      fsyncSync(fd);
    } else {
      const decoded = decodeSegmentHeader(header);
      if (typeof decoded === "string") throw corrupt(0, decoded);
      if (decoded.partition !== index.partition || decoded.baseOffset !== baseOffset) {
        throw corrupt(0, `segment header says partition ${decoded.partition}, offset ${decoded.baseOffset}; its place says partition ${index.partition}, offset ${baseOffset}`);
      }
      if (!decoded.prevHash.equals(index.lastHash)) throw corrupt(24, "hash chain broken: the segment does not continue the previous segment's chain");
    }
  } finally {
    closeSync(fd);
  }
  return index.addSegment(baseOffset);
}

function scanSegment(index: PartitionIndex, keys: KeyIndex, segment: SegmentInfo, isLast: boolean, mode: ScanMode): void {
  const fd = openSync(segment.path, mode === "write" && isLast ? "r+" : "r");
  try {
    const fileSize = fstatSync(fd).size;
    if (fileSize <= segment.size) return;
    let pending: PendingEvent[] = [];
    // CRC-32 of the segment's bytes, carried over the pending batch and kept only when it commits.
    let runningCrc = segment.crc;
    let commitFailure: { position: number; reason: string } | undefined;
    const stop = scanSync(fd, segment.size, fileSize, (buf, at, position, kind, flags, bodyBytes) => {
      const bodyStart = at + RECORD_HEADER_BYTES;
      runningCrc = crc32(buf.subarray(at, bodyStart + bodyBytes), runningCrc);
      if (kind === KIND_COMMIT) {
        const count = buf.readUInt32LE(bodyStart);
        if (count !== pending.length || count === 0) {
          commitFailure = { position, reason: `commit record counts ${count} event(s) but its batch has ${pending.length}` };
          return false;
        }
        for (const e of pending) {
          segment.positions.push(e.position);
          keys.addRecovered(e.key, index.visibleEnd, e.fingerprint, e.type, (e.flags & FLAG_SETS_STATE) !== 0, (e.flags & FLAG_ENDS) !== 0);
          index.visibleEnd++;
        }
        index.lastHash = Buffer.from(buf.subarray(bodyStart + 4, bodyStart + 36));
        segment.size = position + RECORD_HEADER_BYTES + bodyBytes;
        segment.crc = runningCrc;
        pending = [];
        return true;
      }
      let fields;
      try {
        fields = readLeadingFields(buf, bodyStart, bodyStart + bodyBytes);
      } catch (error) {
        commitFailure = { position, reason: `event body is not a valid envelope (${(error as Error).message})` };
        return false;
      }
      pending.push({ position, key: fields.key, fingerprint: idFingerprint(fields.id), type: fields.type, flags });
      return true;
    });
    const corruptAt = (position: number, reason: string): LogCorruptedError =>
      new LogCorruptedError(segment.path, position, reason, index.topic, index.partition, index.visibleEnd + pending.length);
    if (commitFailure) throw corruptAt(commitFailure.position, commitFailure.reason);
    if (stop.kind === "end" && pending.length === 0) return;
    // What is left after the last commit: a torn tail, or corruption.
    const tornTail =
      stop.kind === "end" || stop.kind === "incomplete" || (stop.kind === "corrupt" && (allZero(fd, stop.position, fileSize) || mode === "read"));
    if (!isLast || !tornTail) {
      if (stop.kind === "corrupt") throw corruptAt(stop.position, stop.reason);
      throw corruptAt(segment.size, stop.kind === "incomplete" ? "record cut short in a segment that is not the last" : "events without a commit record in a segment that is not the last");
    }
    if (mode === "write") {
      // Drop the interrupted batch whole: it was never acknowledged.
      ftruncateSync(fd, segment.size);
      fsyncSync(fd);
    }
  } finally {
    closeSync(fd);
  }
}

function allZero(fd: number, from: number, to: number): boolean {
  const buf = Buffer.alloc(64 * 1024);
  for (let at = from; at < to; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) break;
    for (let i = 0; i < n; i++) if (buf[i] !== 0) return false;
    at += n;
  }
  return true;
}

