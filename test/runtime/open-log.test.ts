import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openLog, ValidationError, type OpenLogOptions } from "../../runtime/index.js";
import { NATS_URL, natsAvailable, removeStreams, runPrefix } from "./jetstream/nats-available.js";

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../runtime");

async function optionError(options: unknown): Promise<ValidationError> {
  const error = await openLog(options as OpenLogOptions).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("openLog", () => {
  it("opens a memory log", async () => {
    const log = await openLog({ memory: true });
    expect(log.description).toBe("memory log");
    await log.ensureTopic({ name: "t", partitions: 1 });
    expect(await log.topics()).toEqual([{ name: "t", partitions: 1 }]);
    await log.close();
  });

  it("opens the file log for { dir } and keeps events across reopen", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eventc-open-log-"));
    try {
      const log = await openLog({ dir, durability: "none" });
      await log.ensureTopic({ name: "t", partitions: 2 });
      await log.append("t", [{ type: "x", schemaVersion: 1, key: "k", data: { n: 1 } }]);
      await log.close();
      const again = await openLog({ dir, readOnly: true });
      const events = [];
      for await (const e of again.readKey("t", "k")) events.push(e.data);
      expect(events).toEqual([{ n: 1 }]);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("opens the JetStream backend for { nats } (loaded on demand)", async (context) => {
    if (!(await natsAvailable())) {
      context.skip();
      return;
    }
    const streamPrefix = runPrefix().toUpperCase();
    const log = await openLog({ nats: { servers: NATS_URL, streamPrefix } });
    try {
      await log.ensureTopic({ name: "open.log", partitions: 2 });
      const [stored] = await log.append("open.log", [{ type: "x", schemaVersion: 1, key: "k", data: { n: 1 } }]);
      expect(stored).toMatchObject({ topic: "open.log", key: "k", version: 1, offset: 0, data: { n: 1 } });
    } finally {
      await log.close();
      await removeStreams(streamPrefix);
    }
  });

  it("names the bad option in a ValidationError", async () => {
    expect((await optionError(undefined)).issues[0]!.path).toBe("$");
    expect((await optionError({})).issues[0]!.message).toContain("must choose a backend");
    expect((await optionError({ dir: "./x", memory: true })).issues[0]!.message).toContain('"dir" and "memory"');
    expect((await optionError({ dir: "" })).issues[0]!.path).toBe("$.dir");
    expect((await optionError({ dir: "./x", durability: "sometimes" })).issues[0]).toEqual({ path: "$.durability", message: 'must be "fsync" or "none", got "sometimes"' });
    expect((await optionError({ dir: "./x", durabilty: "none" })).issues[0]!.path).toBe("$.durabilty");
    expect((await optionError({ memory: false })).issues[0]!.path).toBe("$.memory");
    expect((await optionError({ memory: true, dir2: 1 })).issues[0]!.path).toBe("$.dir2");
    expect((await optionError({ nats: {} })).issues[0]!.path).toBe("$.nats.servers");
    expect((await optionError({ nats: { servers: [] } })).issues[0]!.path).toBe("$.nats.servers");
    expect((await optionError({ dir: "./x" as unknown as number, readOnly: "yes" })).issues.map((i) => i.path)).toEqual(["$.readOnly"]);
  });
});

describe("eventc/runtime stays import-light", () => {
  // Follows the static imports from runtime/index.ts: no NATS client and no backend besides memory may be
  // loaded by importing the entry point (dynamic `import()` and `import type` are not followed).
  it("statically imports neither the NATS client nor the file or JetStream backends", () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
        const specifier = match[1]!;
        if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")));
        else external.add(specifier);
      }
    };
    visit(join(runtimeDir, "index.ts"));
    const files = [...seen].map((f) => f.slice(runtimeDir.length + 1));
    expect(files).toContain("memory/memory-log.ts");
    expect(files.filter((f) => f.startsWith("file/") || f.startsWith("jetstream/"))).toEqual([]);
    expect([...external].filter((s) => s.startsWith("@nats-io") || s === "nats")).toEqual([]);
    expect([...external].every((s) => s.startsWith("node:"))).toBe(true);
  });
});
