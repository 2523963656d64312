/**
 * Streaming a partition's events from its segments: one chunk (256 KiB) of records at a time, each
 * record's CRC checked, so memory stays flat however long the partition.
 */
import { open, type FileHandle } from "node:fs/promises";
import type { StoredEvent } from "../envelope.js";
import { LogCorruptedError } from "../errors.js";
import { decodeEvent } from "./envelope-body.js";
import type { PartitionIndex } from "./partition-index.js";
import { KIND_EVENT, RECORD_HEADER_BYTES } from "./record-format.js";
import { readEventAsync } from "./record-reader.js";
import { scanChunks } from "./record-scanner.js";

/** Events [from, end) of a partition, as arrays (one per chunk read), in offset order. */
export async function* partitionChunks(index: PartitionIndex, from: number, end: number): AsyncGenerator<StoredEvent[]> {
  let offset = from;
  while (offset < end) {
    const { segment, position } = index.locate(offset);
    const handle = await open(segment.path, "r");
    try {
      const chunks = scanChunks(handle, position, segment.size, (buf, at, _position, kind, _flags, bodyBytes) =>
        kind === KIND_EVENT ? decodeEvent(buf, at + RECORD_HEADER_BYTES, at + RECORD_HEADER_BYTES + bodyBytes) : undefined,
      );
      for (;;) {
        const next = await chunks.next();
        if (next.done) {
          if (next.value.kind === "corrupt") {
            throw new LogCorruptedError(segment.path, next.value.position, next.value.reason, index.topic, index.partition, offset);
          }
          break;
        }
        const events = offset + next.value.length > end ? next.value.slice(0, end - offset) : next.value;
        offset += events.length;
        if (events.length > 0) yield events;
        if (offset >= end) return;
      }
    } finally {
      await handle.close();
    }
    if (offset < end && index.locate(offset).segment === segment) {
      throw new LogCorruptedError(segment.path, segment.size, "the segment ended before its indexed events", index.topic, index.partition, offset);
    }
  }
}

/** Events [from, end) of a partition, one by one. */
export async function* readRange(index: PartitionIndex, from: number, end: number): AsyncGenerator<StoredEvent> {
  for await (const events of partitionChunks(index, from, end)) yield* events;
}

/** The events at these offsets of a partition, in the given order (readKey). */
export async function* readOffsets(index: PartitionIndex, offsets: readonly number[]): AsyncGenerator<StoredEvent> {
  const handles = new Map<string, FileHandle>();
  try {
    for (const offset of offsets) {
      const { segment, position } = index.locate(offset);
      let handle = handles.get(segment.path);
      if (!handle) {
        handle = await open(segment.path, "r");
        handles.set(segment.path, handle);
      }
      yield await readEventAsync(handle, segment.path, position);
    }
  } finally {
    await Promise.all([...handles.values()].map((h) => h.close()));
  }
}
