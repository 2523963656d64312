/**
 * verify() for one topic's stream. What can be checked from the client: every message's checksum
 * and record format; each partition's offsets dense from 0 in stream order; each key's versions
 * dense from 1 with no version claimed twice; each key in the partition the partitioner picks.
 * (Sequence continuity — no message ever removed — is the stream's deny_delete/deny_purge, checked
 * by the caller from the stream state.) The server keeps its own per-record hashes in its files.
 */
import { LogCorruptedError } from "../errors.js";
import type { TopicSpec, VerifyResult } from "../log.js";
import { partitionFor } from "../partitioner.js";
import type { RecordSource } from "./record-source.js";

export async function verifyTopic(source: RecordSource, spec: TopicSpec, subjects: string, lastSeq: number, onProgress: (checked: number) => void): Promise<VerifyResult> {
  const nextOffset = new Array<number>(spec.partitions).fill(0);
  const versions = new Map<string, number>();
  let checked = 0;
  const bad = (partition: number, offset: number, seq: number, reason: string): VerifyResult => ({
    ok: false,
    eventsChecked: checked,
    firstBad: { topic: spec.name, partition, offset, file: `stream ${source.stream}`, position: seq, reason },
  });
  try {
    for await (const record of source.records(subjects, 1, lastSeq)) {
      const { partition, key, body, seq } = record;
      if (partition >= spec.partitions || partitionFor(key, spec.partitions) !== partition) {
        return bad(partition, body.o, seq, `key "${key}" belongs to partition ${partitionFor(key, spec.partitions)}, found in partition ${partition}`);
      }
      if (body.o !== nextOffset[partition]) {
        return bad(partition, body.o, seq, `offset ${body.o} where ${nextOffset[partition]} was expected (partition offsets must be dense)`);
      }
      const version = versions.get(key) ?? 0;
      if (body.v !== version + 1) {
        return bad(partition, body.o, seq, body.v <= version ? `version ${body.v} of key "${key}" is claimed twice` : `key "${key}" jumps from version ${version} to ${body.v}`);
      }
      nextOffset[partition] = body.o + body.e.length;
      versions.set(key, body.v + body.e.length - 1);
      checked += body.e.length;
      if (checked % 1000 < body.e.length) onProgress(checked);
    }
  } catch (error) {
    if (error instanceof LogCorruptedError) return bad(error.partition ?? 0, error.offset ?? -1, error.position, error.reason);
    throw error;
  }
  onProgress(checked);
  return { ok: true, eventsChecked: checked };
}
