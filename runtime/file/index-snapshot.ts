/**
 * `dir/index.snapshot`: the per-key and per-partition indexes as of a moment, so that opening a
 * large log does not have to parse every record. The log is append-only, so a snapshot stays a
 * valid description of a PREFIX of the files forever; on open the log loads it and scans only what
 * was appended after it (the same catch-up that read-only readers use).
 *
 * Trust, but check: for every segment it covers, the snapshot holds the CRC-32 of the segment's
 * bytes up to the covered size, and the file's size and modification time (ns) when it was taken.
 * A segment whose size or mtime changed since (the active one, after more appends; or one that was
 * edited) gets its CRC recomputed on open (native CRC over 1 MiB chunks, far cheaper than parsing).
 * Any difference, a missing file, or a snapshot that is itself damaged, and the topic is rebuilt by
 * a full scan, which then reports any corruption with its exact position. (A deliberate edit that
 * also restores the mtime passes open; `verify` still catches it.)
 *
 * Layout: "EVCSNAP1", u32 length of a JSON description, the JSON, then little-endian u32 arrays
 * (per segment its record positions; per key its offsets, then its id fingerprints), then the
 * CRC-32 of everything before it.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { TopicSpec } from "../log.js";
import { writeFileAtomicSync } from "./atomic-file.js";
import { KeyIndex } from "./key-index.js";
import { partitionDir, segmentFileName } from "./layout.js";
import { GrowableU32, PartitionIndex } from "./partition-index.js";
import { listSegments } from "./recovery.js";

const MAGIC = Buffer.from("EVCSNAP1", "latin1");
export const snapshotPath = (dir: string): string => join(dir, "index.snapshot");

interface SnapshotSegment {
  readonly baseOffset: number;
  readonly size: number;
  readonly crc: number;
  readonly count: number;
  /** File size and modification time (ns) when the snapshot was written: unchanged, the CRC need not be recomputed. */
  readonly fileSize: number;
  readonly mtimeNs: string;
}

interface SnapshotPartition {
  readonly visibleEnd: number;
  readonly lastHash: string;
  readonly segments: readonly SnapshotSegment[];
}

interface SnapshotTopic {
  readonly name: string;
  readonly partitions: readonly SnapshotPartition[];
  /** [key, version, state, ended] per key with at least one durable event. */
  readonly keys: readonly (readonly [string, number, string | null, boolean])[];
}

export interface IndexedTopic {
  readonly spec: TopicSpec;
  readonly keys: KeyIndex;
  readonly partitions: readonly PartitionIndex[];
}

/** Writes the snapshot of the topics' visible state (call synchronously: it must not interleave with a commit). */
export function writeSnapshot(dir: string, topics: readonly IndexedTopic[], durable: boolean): void {
  const arrays: Uint32Array[] = [];
  const described: SnapshotTopic[] = topics.map((topic) => {
    const partitions = topic.partitions.map((p) => ({
      visibleEnd: p.visibleEnd,
      lastHash: p.lastHash.toString("hex"),
      segments: p.segments.map((s) => {
        arrays.push(s.positions.view());
        const stat = fileStat(s.path);
        return { baseOffset: s.baseOffset, size: s.size, crc: s.crc, count: s.positions.length, fileSize: stat?.size ?? -1, mtimeNs: stat?.mtimeNs ?? "" };
      }),
    }));
    const keys: [string, number, string | null, boolean][] = [];
    for (const entry of topic.keys.entries()) {
      const { version, state, ended } = entry.durable;
      if (version === 0) continue;
      keys.push([entry.key, version, state, ended]);
      arrays.push(Uint32Array.from(entry.offsets.slice(0, version)), Uint32Array.from(entry.fingerprints.slice(0, version)));
    }
    return { name: topic.spec.name, partitions, keys };
  });
  const json = Buffer.from(JSON.stringify({ topics: described }), "utf8");
  const binaryBytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const out = Buffer.alloc(MAGIC.length + 4 + json.length + binaryBytes + 4);
  let at = MAGIC.copy(out, 0);
  at = out.writeUInt32LE(json.length, at);
  at += json.copy(out, at);
  for (const a of arrays) {
    at += Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
  }
  out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  writeFileAtomicSync(snapshotPath(dir), out, durable);
}

/**
 * The indexes of `spec` from the snapshot, if the snapshot has them and every segment it covers
 * still has the bytes it had; undefined otherwise (the caller then scans the topic from scratch).
 */
export class SnapshotReader {
  readonly #topics = new Map<string, { topic: SnapshotTopic; arrays: Buffer; start: number }>();

  constructor(dir: string) {
    const path = snapshotPath(dir);
    if (!existsSync(path)) return;
    try {
      const buf = readFileSync(path);
      if (buf.length < MAGIC.length + 8 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return;
      if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4)) return;
      const jsonLength = buf.readUInt32LE(MAGIC.length);
      const jsonStart = MAGIC.length + 4;
      const described = JSON.parse(buf.toString("utf8", jsonStart, jsonStart + jsonLength)) as { topics: SnapshotTopic[] };
      let at = jsonStart + jsonLength;
      for (const topic of described.topics) {
        const start = at;
        for (const p of topic.partitions) for (const s of p.segments) at += s.count * 4;
        for (const [, version] of topic.keys) at += version * 8;
        this.#topics.set(topic.name, { topic, arrays: buf, start });
      }
    } catch {
      this.#topics.clear(); // an unreadable snapshot is only a missed shortcut
    }
  }

  load(dir: string, spec: TopicSpec): IndexedTopic | undefined {
    const found = this.#topics.get(spec.name);
    if (!found || found.topic.partitions.length !== spec.partitions) return undefined;
    const { topic, arrays } = found;
    let at = found.start;
    const u32 = (count: number): Uint32Array => {
      // Copy out: the snapshot buffer is not 4-byte aligned in general.
      const out = new Uint32Array(count);
      Buffer.from(out.buffer).set(arrays.subarray(at, at + count * 4));
      at += count * 4;
      return out;
    };
    const partitions: PartitionIndex[] = [];
    for (const [p, described] of topic.partitions.entries()) {
      const pdir = partitionDir(dir, spec.name, p);
      const files = listSegments(pdir);
      if (files.length < described.segments.length) return undefined;
      const index = new PartitionIndex(spec.name, p, pdir, Buffer.alloc(32));
      for (const [i, s] of described.segments.entries()) {
        if (files[i]!.baseOffset !== s.baseOffset) return undefined;
        const path = join(pdir, segmentFileName(s.baseOffset));
        const stat = fileStat(path);
        const untouched = stat !== undefined && stat.size === s.fileSize && stat.mtimeNs === s.mtimeNs && s.fileSize === s.size;
        if (!untouched && !prefixCrcMatches(path, s.size, s.crc)) return undefined;
        index.segments.push({ baseOffset: s.baseOffset, path: join(pdir, segmentFileName(s.baseOffset)), positions: new GrowableU32(u32(s.count)), size: s.size, crc: s.crc });
      }
      index.visibleEnd = described.visibleEnd;
      index.lastHash = Buffer.from(described.lastHash, "hex");
      partitions.push(index);
    }
    const keys = new KeyIndex();
    // Straight into JS arrays: a typed array per key costs more to allocate than the key's data.
    const numbers = (count: number): number[] => {
      const out = new Array<number>(count);
      for (let i = 0; i < count; i++, at += 4) out[i] = arrays.readUInt32LE(at);
      return out;
    };
    for (const [key, version, state, ended] of topic.keys) {
      const offsets = numbers(version);
      keys.restore(key, { key, version, state, ended }, offsets, numbers(version));
    }
    return { spec, keys, partitions };
  }
}

function fileStat(path: string): { size: number; mtimeNs: string } | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return { size: Number(stat.size), mtimeNs: String(stat.mtimeNs) };
  } catch {
    return undefined;
  }
}

/** True when the file's first `size` bytes have CRC-32 `crc`. */
function prefixCrcMatches(path: string, size: number, crc: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let value = 0;
    for (let at = 0; at < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) return false;
      value = crc32(chunk.subarray(0, n), value);
      at += n;
    }
    return value === crc;
  } finally {
    closeSync(fd);
  }
}
