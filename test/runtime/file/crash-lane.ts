/**
 * One lane of the crash tests: over one directory, `kills` times: start the appender child, let it
 * append for a random while, SIGKILL it, reopen the log and check it. Shared by the vitest crash
 * test and the longer bench/runtime/crash-soak.ts, so both check exactly the same things:
 *
 * - every event whose append had resolved in the child is present, at its offset, bit-identical;
 * - offsets are dense and each key's versions are dense, in offset order;
 * - verify() passes (checksums and hash chain);
 * - the reopened log accepts a new append.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import type { StoredEvent } from "../../../runtime/envelope.js";
import { openFileLog } from "../../../runtime/file/file-log.js";
import { closed, onLines, startScript, stderrOf } from "./child-script.js";

const APPENDER = fileURLToPath(new URL("./crash-appender.ts", import.meta.url));
const SEGMENT_BYTES = 16384;

export interface LaneReport {
  readonly dir: string;
  readonly kills: number;
  /** Kills that landed after the child had acknowledged at least one append in that round. */
  readonly killedMidStream: number;
  readonly acked: number;
  readonly storedAtEnd: number;
  readonly reopenMs: number[];
  /** Everything that went wrong; empty when the lane passed. */
  readonly problems: string[];
}

export async function crashLane(lane: number, kills: number, maxDelayMs = 120): Promise<LaneReport> {
  const dir = mkdtempSync(join(tmpdir(), "eventc-crash-"));
  const acked: StoredEvent[] = [];
  const problems: string[] = [];
  const reopenMs: number[] = [];
  let seed = 20261126 + lane;
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  let killedMidStream = 0;
  let storedAtEnd = 0;

  for (let r = 0; r < kills && problems.length === 0; r++) {
    const round = `lane ${lane} round ${r}`;
    const child = startScript(APPENDER, [dir, String(lane * 100_000 + r + 1), String(1 + Math.floor(random() * 16)), String(SEGMENT_BYTES)]);
    const stderr = stderrOf(child);
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    let ackedThisRound = 0;
    onLines(child, (line) => {
      const value = JSON.parse(line) as { ready?: boolean } | StoredEvent[];
      if (!Array.isArray(value)) return ready();
      acked.push(...value);
      ackedThisRound++;
    });
    const done = closed(child);
    await Promise.race([isReady, done]);
    // A random moment: right away, or after up to maxDelayMs of appending.
    await new Promise((resolve) => setTimeout(resolve, random() < 0.15 ? 0 : random() * maxDelayMs));
    child.kill("SIGKILL");
    const exit = await done;
    if (exit.signal !== "SIGKILL") {
      problems.push(`${round}: the appender exited by itself (code ${exit.code}) instead of being killed:\n${stderr()}`);
      break;
    }
    if (ackedThisRound > 0) killedMidStream++;

    const t0 = performance.now();
    const log = await openFileLog({ dir, segmentBytes: SEGMENT_BYTES }).catch((error: unknown) => {
      problems.push(`${round}: reopen failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!log) break;
    reopenMs.push(performance.now() - t0);
    try {
      const stored: StoredEvent[][] = [];
      for (let p = 0; p < 3; p++) {
        const events: StoredEvent[] = [];
        for await (const e of log.readPartition("crash.items", p)) events.push(e);
        stored.push(events);
      }
      for (const event of acked) {
        const found = stored[event.partition]?.[event.offset];
        if (!found) problems.push(`${round}: acknowledged event ${event.id} (partition ${event.partition}, offset ${event.offset}) is missing`);
        else if (!isDeepStrictEqual({ ...found }, { ...event })) problems.push(`${round}: event at partition ${event.partition}, offset ${event.offset} differs from the acknowledged one`);
        if (problems.length > 5) break;
      }
      const versions = new Map<string, number>();
      for (const events of stored) {
        events.forEach((e, offset) => {
          if (e.offset !== offset) problems.push(`${round}: partition ${e.partition} has offset ${e.offset} at position ${offset}`);
          const expected = (versions.get(e.key) ?? 0) + 1;
          if (e.version !== expected) problems.push(`${round}: key ${e.key} has version ${e.version} where ${expected} was due`);
          versions.set(e.key, expected);
        });
      }
      storedAtEnd = stored.reduce((sum, events) => sum + events.length, 0);
      const verdict = await log.verify();
      if (!verdict.ok) problems.push(`${round}: verify failed: ${JSON.stringify(verdict.firstBad)}`);
      const [after] = await log.append("crash.items", [{ type: "crash.Reopened", schemaVersion: 1, key: `reopen-${lane}-${r}`, data: { r } }]);
      acked.push(after!);
    } finally {
      await log.close();
    }
  }
  return { dir, kills, killedMidStream, acked: acked.length, storedAtEnd, reopenMs, problems };
}
