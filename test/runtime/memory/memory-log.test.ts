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

  it("describes itself for messages", () => {
    expect(createMemoryLog().description).toBe("memory log");
    expect(createMemoryLog({ description: "test log" }).description).toBe("test log");
  });
});
