import { describe, expect, it } from "vitest";
import { createMemoryLog, openLog, type Log } from "../../../runtime/index.js";
import { describeLogContract } from "../contract/log-contract.js";

describeLogContract("memory log", async () => {
  const log = createMemoryLog();
  return { log, cleanup: () => log.close() };
});

describeLogContract("memory log via openLog", async () => {
  const log = await openLog({ memory: true });
  return { log, cleanup: () => log.close() };
});

// Interface drift: the memory log must satisfy the contract exactly (tsc checks this file).
const _drift = createMemoryLog() satisfies Log;
void _drift;

describe("memory log specifics", () => {
  it("keeps nothing between instances", async () => {
    const a = createMemoryLog();
    await a.ensureTopic({ name: "t", partitions: 1 });
    await a.append("t", [{ type: "x", schemaVersion: 1, key: "k", data: {} }]);
    const b = createMemoryLog();
    expect(await b.topics()).toEqual([]);
    await a.close();
    await b.close();
  });

  it("allows one live subscription per group, and a new one once it ended", async () => {
    const log = createMemoryLog();
    await log.ensureTopic({ name: "t", partitions: 2 });
    const first = await log.subscribe({ topics: ["t"], group: "g", handler: () => undefined });
    await expect(log.subscribe({ topics: ["t"], group: "g", handler: () => undefined })).rejects.toThrow(/already has a live subscription/);
    const other = await log.subscribe({ topics: ["t"], group: "h", handler: () => undefined });
    await first.stop();
    const second = await log.subscribe({ topics: ["t"], group: "g", handler: () => undefined });
    await second.stop();
    await other.stop();
    // A subscription that failed frees its group as soon as `closed` settles.
    await log.append("t", [{ type: "x", schemaVersion: 1, key: "k", data: {} }]);
    const failing = await log.subscribe({ topics: ["t"], group: "g", maxAttempts: 1, handler: () => Promise.reject(new Error("no")) });
    await expect(failing.closed).rejects.toThrow(/no/);
    const again = await log.subscribe({ topics: ["t"], group: "g", handler: () => undefined });
    await again.stop();
    await log.close();
  });

  it("describes itself for messages", () => {
    expect(createMemoryLog().description).toBe("memory log");
    expect(createMemoryLog({ description: "test log" }).description).toBe("test log");
  });
});
