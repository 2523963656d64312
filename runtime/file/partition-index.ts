/**
 * What the log knows about one partition's files: its segments, the byte position of every visible
 * event (4 bytes per event, so a partition of millions of events costs megabytes, not the events),
 * and where its hash chain stands.
 */
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { segmentFileName } from "./layout.js";
import { SEGMENT_HEADER_BYTES, encodeSegmentHeader } from "./record-format.js";

/** A Uint32Array that grows by doubling. */
export class GrowableU32 {
  #data: Uint32Array;
  length: number;

  constructor(initial?: Uint32Array) {
    this.#data = initial ? new Uint32Array(initial) : new Uint32Array(64);
    this.length = initial ? initial.length : 0;
    if (this.#data.length === 0) this.#data = new Uint32Array(64);
  }

  /** The values, as a view (valid until the next push). */
  view(): Uint32Array {
    return this.#data.subarray(0, this.length);
  }

  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = new Uint32Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }

  at(index: number): number {
    return this.#data[index]!;
  }
}

export interface SegmentInfo {
  readonly baseOffset: number;
  readonly path: string;
  /** Byte position of each event record, by offset - baseOffset. */
  readonly positions: GrowableU32;
  /** Bytes of whole, committed batches (the segment header included): where the next batch goes. */
  size: number;
  /** CRC-32 of bytes [0, size): lets an index snapshot prove the segment is unchanged without parsing it. */
  crc: number;
}

export class PartitionIndex {
  readonly segments: SegmentInfo[] = [];
  /** Next offset readers may see: every event below it is durable and visible. */
  visibleEnd = 0;
  /** Chain hash after the last visible batch. */
  lastHash: Buffer;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly dir: string,
    initialHash: Buffer,
  ) {
    this.lastHash = initialHash;
  }

  /** Adds the next segment, whose header (written or to be written) continues the chain from `lastHash`. */
  addSegment(baseOffset: number): SegmentInfo {
    const header = encodeSegmentHeader({ partition: this.partition, baseOffset, prevHash: this.lastHash });
    const segment: SegmentInfo = {
      baseOffset,
      path: join(this.dir, segmentFileName(baseOffset)),
      positions: new GrowableU32(),
      size: SEGMENT_HEADER_BYTES,
      crc: crc32(header),
    };
    this.segments.push(segment);
    return segment;
  }

  get current(): SegmentInfo | undefined {
    return this.segments[this.segments.length - 1];
  }

  /** The segment holding `offset` (which must be < visibleEnd) and the record's byte position in it. */
  locate(offset: number): { segment: SegmentInfo; position: number } {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const segment = this.segments[lo]!;
    return { segment, position: segment.positions.at(offset - segment.baseOffset) };
  }

  /** Total bytes of the partition's committed data. */
  get bytes(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }
}
