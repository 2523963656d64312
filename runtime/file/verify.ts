/**
 * `verify`: re-reads every segment of every partition and checks each record's CRC, each batch's
 * commit count and chain hash, and the links between segments. Reports the FIRST bad position. Works
 * on the files alone (no open log needed), so `eventc log verify` can inspect a log that refuses
 * to open.
 *
 * The hash chain is kept per batch (one SHA-256 per write, not per record) because hashing is the
 * dominant cost of an append when done per record; the CRC still pins damage to one record, and a
 * change that also fixes the CRC is caught at its batch.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { VerifyResult } from "../log.js";
import { partitionDir } from "./layout.js";
import { listSegments } from "./recovery.js";
import { HASH_BYTES, KIND_COMMIT, RECORD_HEADER_BYTES, SEGMENT_HEADER_BYTES, ZERO_HASH, decodeSegmentHeader } from "./record-format.js";
import { scanSync } from "./record-scanner.js";
import { readTopicSpecs } from "./topic-catalog.js";
import { join } from "node:path";
import { statSync } from "node:fs";

export interface VerifyProgress {
  readonly events: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

export function verifyDirectory(dir: string, onProgress?: (progress: VerifyProgress) => void): VerifyResult {
  const topics = readTopicSpecs(dir);
  const plan: { topic: string; partition: number; dir: string; files: { baseOffset: number; path: string; size: number }[] }[] = [];
  let totalBytes = 0;
  for (const topic of topics) {
    for (let partition = 0; partition < topic.partitions; partition++) {
      const pdir = partitionDir(dir, topic.name, partition);
      const files = listSegments(pdir).map((s) => {
        const path = join(pdir, s.name);
        const size = statSync(path).size;
        totalBytes += size;
        return { baseOffset: s.baseOffset, path, size };
      });
      plan.push({ topic: topic.name, partition, dir: pdir, files });
    }
  }

  let events = 0;
  let bytesDone = 0;
  let lastReport = 0;
  const report = (force = false): void => {
    if (onProgress && (force || bytesDone - lastReport >= 8 << 20)) {
      lastReport = bytesDone;
      onProgress({ events, bytes: bytesDone, totalBytes });
    }
  };

  for (const p of plan) {
    let prevHash: Buffer = ZERO_HASH;
    let offset = 0;
    for (const [i, file] of p.files.entries()) {
      const isLast = i === p.files.length - 1;
      const bad = (position: number, reason: string, at = offset): VerifyResult => ({
        ok: false,
        eventsChecked: events,
        firstBad: { topic: p.topic, partition: p.partition, offset: at, file: file.path, position, reason },
      });
      const fd = openSync(file.path, "r");
      try {
        const size = fstatSync(fd).size;
        const headerBuf = Buffer.alloc(SEGMENT_HEADER_BYTES);
        const got = readSync(fd, headerBuf, 0, SEGMENT_HEADER_BYTES, 0);
        if (got < SEGMENT_HEADER_BYTES && isLast) break; // a segment still being created
        const header = decodeSegmentHeader(headerBuf);
        if (typeof header === "string") return bad(0, header);
        if (header.baseOffset !== file.baseOffset || header.baseOffset !== offset || header.partition !== p.partition) {
          return bad(0, `segment header says partition ${header.partition}, offset ${header.baseOffset}; expected partition ${p.partition}, offset ${offset}`);
        }
        if (!header.prevHash.equals(prevHash)) return bad(24, "hash chain broken between segments");

        let hash: Hash = createHash("sha256").update(prevHash);
        let batchCount = 0;
        let batchStart = SEGMENT_HEADER_BYTES;
        let batchFirstOffset = offset;
        let failure: VerifyResult | undefined;
        let committedEnd = SEGMENT_HEADER_BYTES;
        const stop = scanSync(fd, SEGMENT_HEADER_BYTES, size, (buf, at, position, kind, _flags, bodyBytes) => {
          if (kind === KIND_COMMIT) {
            const body = at + RECORD_HEADER_BYTES;
            const count = buf.readUInt32LE(body);
            if (count !== batchCount) {
              failure = bad(position, `commit record counts ${count} event(s) but its batch has ${batchCount}`, batchFirstOffset);
              return false;
            }
            const stored = buf.subarray(body + 4, body + 4 + HASH_BYTES);
            if (!hash.digest().equals(stored)) {
              failure = bad(
                batchStart,
                `hash chain mismatch: the batch of events at offsets ${batchFirstOffset}..${offset - 1} does not hash to its commit record (bytes were changed after being written)`,
                batchFirstOffset,
              );
              return false;
            }
            prevHash = Buffer.from(stored);
            hash = createHash("sha256").update(prevHash);
            events += batchCount;
            batchCount = 0;
            batchStart = position + RECORD_HEADER_BYTES + bodyBytes;
            committedEnd = batchStart;
            batchFirstOffset = offset;
            return true;
          }
          hash.update(buf.subarray(at, at + RECORD_HEADER_BYTES + bodyBytes));
          batchCount++;
          offset++;
          return true;
        });
        if (failure) return failure;
        if (stop.kind === "corrupt") {
          // The CRC identifies the record; its offset is the one the scan had reached.
          return bad(stop.position, stop.reason, offset);
        }
        if (stop.kind === "incomplete" || batchCount > 0) {
          if (!isLast) return bad(committedEnd, "a segment that is not the last ends with an incomplete batch", batchFirstOffset);
          // The last segment's uncommitted tail is an interrupted (never acknowledged) write, not damage.
          offset = batchFirstOffset;
        }
        bytesDone += size;
        report();
      } finally {
        closeSync(fd);
      }
    }
  }
  report(true);
  return { ok: true, eventsChecked: events };
}
