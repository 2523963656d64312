/**
 * Real crashes: a child process appends in a loop and is killed with SIGKILL at random moments,
 * 50 times in all (5 directories side by side, 10 kills each, so the test's wall time stays well
 * under a minute on a busy machine). After each kill the log is reopened and checked (see
 * crash-lane.ts). bench/runtime/crash-soak.ts runs the same lanes for longer.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { crashLane, type LaneReport } from "./crash-lane.js";

const LANES = 5;
const KILLS_PER_LANE = 10;
const KILLS = LANES * KILLS_PER_LANE;
const reports: LaneReport[] = [];
afterAll(() => {
  for (const r of reports) rmSync(r.dir, { recursive: true, force: true });
});

describe("file log crash safety (SIGKILL)", () => {
  it(`keeps every acknowledged event across ${KILLS} kills at random moments, and accepts appends after each`, { timeout: 120_000 }, async () => {
    reports.push(...(await Promise.all(Array.from({ length: LANES }, (_, lane) => crashLane(lane, KILLS_PER_LANE)))));
    expect(reports.flatMap((r) => r.problems)).toEqual([]);
    expect(reports.reduce((sum, r) => sum + r.reopenMs.length, 0)).toBe(KILLS);
    // The kills really landed while appends were flowing, not only at start-up.
    expect(reports.reduce((sum, r) => sum + r.killedMidStream, 0)).toBeGreaterThan(KILLS / 2);
    expect(reports.reduce((sum, r) => sum + r.acked, 0)).toBeGreaterThan(KILLS * 5);
  });
});
