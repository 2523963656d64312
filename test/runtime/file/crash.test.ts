/**
 * Real crashes: a child process appends in a loop and is killed with SIGKILL at random moments,
 * 50 times in all (5 directories side by side, 10 kills each, so the test's wall time stays
 * well under a minute on a busy machine). After each kill the log is reopened and every event whose
 * append had resolved in the child must be there, at its offset, bit-identical (ids, data, every
 * envelope field); each key's versions are dense and in offset order; verify() passes; and the log
 * accepts new appends. (bench/runtime/crash-soak.ts runs the same loop for longer.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../../runtime/envelope.js";
import { openFileLog } from "../../../runtime/file/file-log.js";
import { closed, onLines, startScript, stderrOf } from "./child-script.js";

const APPENDER = fileURLToPath(new URL("./crash-appender.ts", import.meta.url));
const LANES = 5;
const KILLS_PER_LANE = 10;
const KILLS = LANES * KILLS_PER_LANE;
const SEGMENT_BYTES = 16384;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("file log crash safety (SIGKILL)", () => {
  it(`keeps every acknowledged event across ${KILLS} kills at random moments, and accepts appends after each`, { timeout: 120_000 }, async () => {
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => crashLane(lane)));
    const killedMidStream = lanes.reduce((sum, l) => sum + l.killedMidStream, 0);
    const acked = lanes.reduce((sum, l) => sum + l.acked, 0);
    // The kills really landed while appends were flowing, not only at start-up.
    expect(killedMidStream).toBeGreaterThan(KILLS / 2);
    expect(acked).toBeGreaterThan(KILLS * 5);
  });
});

/** One directory, KILLS_PER_LANE kill/reopen rounds. */
async function crashLane(lane: number): Promise<{ killedMidStream: number; acked: number }> {
  const dir = mkdtempSync(join(tmpdir(), "eventc-crash-"));
  dirs.push(dir);
  const acked: StoredEvent[] = [];
  let seed = 20261126 + lane;
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  let killedMidStream = 0;

  for (let r = 0; r < KILLS_PER_LANE; r++) {
    const round = `${lane}.${r}`;
    const child = startScript(APPENDER, [dir, String(lane * 100 + r + 1), String(1 + Math.floor(random() * 16)), String(SEGMENT_BYTES)]);
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
    // Kill at a random moment: right away, or after up to ~120 ms of appending.
    await new Promise((resolve) => setTimeout(resolve, random() < 0.15 ? 0 : random() * 120));
    child.kill("SIGKILL");
    const exit = await done;
    expect(exit.signal, `round ${round}: the appender must die by SIGKILL, not by itself. stderr:\n${stderr()}`).toBe("SIGKILL");
    if (ackedThisRound > 0) killedMidStream++;

    const log = await openFileLog({ dir, segmentBytes: SEGMENT_BYTES });
    try {
      const stored: StoredEvent[][] = [];
      for (let p = 0; p < 3; p++) {
        const events: StoredEvent[] = [];
        for await (const e of log.readPartition("crash.items", p)) events.push(e);
        stored.push(events);
      }
      for (const event of acked) {
        const found = stored[event.partition]![event.offset];
        expect(found, `round ${round}: acknowledged event ${event.id} (partition ${event.partition}, offset ${event.offset}) is missing`).toBeDefined();
        expect(found).toEqual(event);
      }
      // Per key: versions dense from 1, in offset order.
      const versions = new Map<string, number>();
      for (const events of stored) {
        events.forEach((e, offset) => {
          expect(e.offset).toBe(offset);
          const expected = (versions.get(e.key) ?? 0) + 1;
          expect(e.version, `round ${round}: key ${e.key} at offset ${offset}`).toBe(expected);
          versions.set(e.key, expected);
        });
      }
      const verdict = await log.verify();
      expect(verdict.ok, JSON.stringify(verdict.firstBad)).toBe(true);
      const [after] = await log.append("crash.items", [{ type: "crash.Reopened", schemaVersion: 1, key: `reopen-${round}`, data: { round } }]);
      acked.push(after!);
    } finally {
      await log.close();
    }
  }
  return { killedMidStream, acked: acked.length };
}
