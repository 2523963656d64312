import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileCheckpointStore } from "../../../runtime/file/checkpoint-store.js";
import { checkpointPath, decodeName, encodeName } from "../../../runtime/file/layout.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("file checkpoint store", () => {
  it("saves a group's position as readable JSON, atomically (no temp file left), and loads it back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-ckpt-"));
    dirs.push(dir);
    const store = fileCheckpointStore(dir, true);
    expect(await store.load("billing")).toEqual({});
    await store.save("billing", { "shop.orders": { 0: 17, 1: 4 } });
    await store.save("billing", { "shop.orders": { 0: 18, 1: 4 } });
    expect(await store.load("billing")).toEqual({ "shop.orders": { 0: 18, 1: 4 } });
    expect(JSON.parse(readFileSync(checkpointPath(dir, "billing"), "utf8"))).toEqual({ group: "billing", position: { "shop.orders": { "0": 18, "1": 4 } } });
    expect(readdirSync(join(dir, "checkpoints"))).toEqual(["billing.json"]);
  });

  it("keeps odd group names inside the directory and reversible", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-ckpt-"));
    dirs.push(dir);
    const store = fileCheckpointStore(dir, false);
    for (const group of ["../escape", ".hidden", "billing/eu", "gruppe ü"]) {
      await store.save(group, { t: { 0: 1 } });
      expect(await store.load(group)).toEqual({ t: { 0: 1 } });
      expect(decodeName(encodeName(group))).toBe(group);
    }
    expect(readdirSync(join(dir, "checkpoints")).sort()).toEqual(["%2E.%2Fescape.json", "%2Ehidden.json", "billing%2Feu.json", "gruppe%20%C3%BC.json"]);
  });

  it("names the file and the group when a checkpoint is unreadable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-ckpt-"));
    dirs.push(dir);
    const store = fileCheckpointStore(dir, false);
    await store.save("g", { t: { 0: 1 } });
    writeFileSync(checkpointPath(dir, "g"), "{ torn");
    await expect(store.load("g")).rejects.toThrow(`Checkpoint file ${checkpointPath(dir, "g")} of group "g" is not valid JSON`);
    writeFileSync(checkpointPath(dir, "g"), JSON.stringify({ group: "g", position: { t: { 0: -1 } } }));
    await expect(store.load("g")).rejects.toThrow('has no valid "position"');
  });
});
