/**
 * Group commit for one partition. Appends queue their encoded records; one loop per partition
 * takes everything queued, writes it with ONE write call followed by one commit record (the
 * batch's count and chain hash), fsyncs once, and only then makes the events visible and resolves
 * every append of the batch. Appends arriving while a batch is being fsynced form the next batch,
 * so the more concurrent publishers, the more events each fsync covers.
 *
 * A failed write or fsync leaves the file in an unknown state (after a failed fsync the kernel may
 * even have dropped the dirty pages), so it is never retried: the writer fails every waiting
 * append and refuses new ones until the log is reopened, whose recovery truncates the torn tail.
 */
import { closeSync, fdatasync, openSync, writeSync } from "node:fs";
import { promisify } from "node:util";
import { createSegmentFile } from "./segment-file.js";
import type { PartitionIndex } from "./partition-index.js";
import { crc32 } from "node:zlib";
import { segmentFileName } from "./layout.js";
import { COMMIT_RECORD_BYTES, batchHash, encodeCommitRecord } from "./record-format.js";

const fdatasyncAsync = promisify(fdatasync);

export interface QueuedAppend {
  /** The append's event records, back to back (no commit record). */
  readonly records: Buffer;
  /** Start of each event record within `records`. */
  readonly starts: readonly number[];
  /** Called once the batch holding this append is durable and visible (before waiters are woken). */
  readonly durable: () => void;
  readonly failed: (error: unknown) => void;
}

export interface GroupCommitOptions {
  readonly fsync: boolean;
  readonly segmentBytes: number;
  /** Called after a batch of `events` events became visible. */
  readonly onVisible: (events: number) => void;
  /** Called once when the writer fails. */
  readonly onFailure: (error: unknown) => void;
}

/** Batch sizes written, for the benchmark's raw-limit comparison (event records per write). */
export const batchSizeLog: { enabled: boolean; sizes: { partition: number; bytes: number; events: number }[] } = { enabled: false, sizes: [] };

export class GroupCommitWriter {
  #queue: QueuedAppend[] = [];
  #running = false;
  #fd: number;
  #failure: unknown;
  /** Offset the next queued event gets (visible events plus queued ones). */
  nextOffset: number;

  constructor(
    readonly index: PartitionIndex,
    readonly options: GroupCommitOptions,
  ) {
    const current = index.current;
    if (!current) throw new Error(`partition ${index.partition} of topic "${index.topic}" has no segment`);
    this.#fd = openSync(current.path, "r+");
    this.nextOffset = index.visibleEnd;
  }

  get failure(): unknown {
    return this.#failure;
  }

  enqueue(append: QueuedAppend, events: number): void {
    if (this.#failure !== undefined) {
      append.failed(this.#failure);
      return;
    }
    this.nextOffset += events;
    this.#queue.push(append);
    if (!this.#running) {
      this.#running = true;
      // Let the appends issued in this tick join the batch.
      setImmediate(() => void this.#run());
    }
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.#running) await new Promise((resolve) => setImmediate(resolve));
  }

  close(): void {
    closeSync(this.#fd);
  }

  async #run(): Promise<void> {
    let batch: QueuedAppend[] = [];
    try {
      while (this.#queue.length > 0) {
        batch = this.#queue;
        this.#queue = [];
        this.#rollIfFull();
        const segment = this.index.current!;
        // The batch's event records and its commit record, written with one call.
        let recordBytes = 0;
        let count = 0;
        for (const a of batch) {
          recordBytes += a.records.length;
          count += a.starts.length;
        }
        const out = Buffer.allocUnsafe(recordBytes + COMMIT_RECORD_BYTES);
        let at = 0;
        for (const a of batch) at += a.records.copy(out, at);
        const records = out.subarray(0, recordBytes);
        const hash = batchHash(this.index.lastHash, records);
        encodeCommitRecord(count, hash).copy(out, recordBytes);
        writeFully(this.#fd, out, segment.size);
        if (this.options.fsync) await fdatasyncAsync(this.#fd);
        if (batchSizeLog.enabled) batchSizeLog.sizes.push({ partition: this.index.partition, bytes: out.length, events: count });
        // Durable: now, and only now, readers may see the batch.
        let base = segment.size;
        for (const a of batch) {
          for (const start of a.starts) segment.positions.push(base + start);
          base += a.records.length;
        }
        segment.size += out.length;
        segment.crc = crc32(out, segment.crc);
        this.index.lastHash = hash;
        this.index.visibleEnd += count;
        for (const a of batch) a.durable();
        batch = [];
        this.options.onVisible(count);
      }
    } catch (error) {
      this.#failure = error;
      for (const a of [...batch, ...this.#queue]) a.failed(error);
      this.#queue = [];
      this.options.onFailure(error);
    } finally {
      this.#running = false;
    }
  }

  #rollIfFull(): void {
    const current = this.index.current!;
    if (current.size < this.options.segmentBytes || current.positions.length === 0) return;
    const fd = createSegmentFile(`${this.index.dir}/${segmentFileName(this.index.visibleEnd)}`, this.index.partition, this.index.visibleEnd, this.index.lastHash, this.options.fsync);
    this.index.addSegment(this.index.visibleEnd);
    closeSync(this.#fd);
    this.#fd = fd;
  }
}

function writeFully(fd: number, buf: Buffer, position: number): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, position + done);
}
