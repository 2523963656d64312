import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yargs from "yargs";
import { afterAll, describe, expect, it } from "vitest";
import { logCommand, logStats, logTail, logVerify, type LogCommandIo } from "../../../../compiler/cli/commands/log.js";
import { openFileLog } from "../../../../runtime/file/file-log.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function capture(withProgress = false): LogCommandIo & { stdout: string; stderr: string; drawn: string[] } {
  const io = {
    stdout: "",
    stderr: "",
    drawn: [] as string[],
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    ...(withProgress ? { progress: { draw: (line: string) => void io.drawn.push(line), clear: () => undefined } } : {}),
  };
  return io;
}

async function sampleLog(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "eventc-cli-log-"));
  dirs.push(dir);
  const log = await openFileLog({ dir, durability: "none" });
  await log.ensureTopic({ name: "shop.orders", partitions: 2 });
  await log.ensureTopic({ name: "shop.catalog", partitions: 1 });
  for (let i = 0; i < 6; i++) await log.append("shop.orders", [{ type: "shop.OrderPlaced", schemaVersion: 1, key: `o${i % 3}`, data: { i }, time: `2026-01-01T00:00:0${i}Z` }]);
  await log.append("shop.catalog", [{ type: "shop.ItemListed", schemaVersion: 1, key: "sku-1", data: { title: "Tea" }, time: "2026-01-01T00:00:09Z" }]);
  await log.close();
  return dir;
}

describe("eventc log stats", () => {
  it("lists topics with partitions, events, keys and size", async () => {
    const dir = await sampleLog();
    const io = capture();
    expect(await logStats({ dir }, io)).toBe(0);
    expect(io.stdout).toContain("2 topic(s), 7 event(s)");
    expect(io.stdout).toMatch(/shop\.orders\s+2\s+6\s+3\s+[\d.]+ KiB/);
    expect(io.stdout).toMatch(/shop\.catalog\s+1\s+1\s+1\s+/);
    const json = capture();
    expect(await logStats({ dir, format: "json" }, json)).toBe(0);
    const parsed = JSON.parse(json.stdout) as { topics: { name: string; events: number; keys: number }[] };
    expect(parsed.topics.map((t) => [t.name, t.events, t.keys])).toEqual([
      ["shop.catalog", 1, 1],
      ["shop.orders", 6, 3],
    ]);
  });

  it("fails clearly on a directory that is not a log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-cli-empty-"));
    dirs.push(dir);
    const io = capture();
    expect(await logStats({ dir }, io)).toBe(1);
    expect(io.stderr).toContain("No eventc file log at");
  });
});

describe("eventc log tail", () => {
  it("prints every event of a topic as JSON lines, and readable lines by default", async () => {
    const dir = await sampleLog();
    const io = capture();
    expect(await logTail({ dir, topic: "shop.orders", format: "json" }, io)).toBe(0);
    const lines = io.stdout.trim().split("\n").map((l) => JSON.parse(l) as { data: { i: number } });
    expect(lines.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5]);
    const text = capture();
    expect(await logTail({ dir }, text)).toBe(0);
    const rows = text.stdout.trim().split("\n");
    expect(rows).toHaveLength(7);
    expect(rows[6]).toMatch(/^2026-01-01T00:00:09.000Z {2}shop\.catalog\/0@0 {2}sku-1 v1 {2}shop\.ItemListed v1 {2}\{"title":"Tea"\}$/);
  });

  it("names the topics when asked for an unknown one", async () => {
    const dir = await sampleLog();
    const io = capture();
    expect(await logTail({ dir, topic: "nope" }, io)).toBe(1);
    expect(io.stderr).toContain('no topic "nope"');
    expect(io.stderr).toContain("shop.catalog, shop.orders");
  });

  it("follows: prints events appended by the writer after it started, then stops on abort", async () => {
    const dir = await sampleLog();
    const io = capture();
    const stop = new AbortController();
    const tailing = logTail({ dir, topic: "shop.catalog", follow: true, format: "json", pollMs: 20, signal: stop.signal }, io);
    const writer = await openFileLog({ dir });
    await writer.append("shop.catalog", [{ type: "shop.ItemListed", schemaVersion: 1, key: "sku-2", data: { title: "Coffee" } }]);
    await writer.append("shop.catalog", [{ type: "shop.ItemListed", schemaVersion: 1, key: "sku-3", data: { title: "Cocoa" } }]);
    const start = Date.now();
    while (io.stdout.trim().split("\n").length < 3 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    expect(await tailing).toBe(0);
    await writer.close();
    expect(io.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { key: string }).key)).toEqual(["sku-1", "sku-2", "sku-3"]);
  });
});

describe("eventc log verify", () => {
  it("passes an intact log, drawing progress only when given a progress sink", async () => {
    const dir = await sampleLog();
    const quiet = capture();
    expect(await logVerify({ dir }, quiet)).toBe(0);
    expect(quiet.stdout).toMatch(/^OK: 7 event\(s\) checked/);
    const tty = capture(true);
    expect(await logVerify({ dir }, tty)).toBe(0);
    expect(tty.drawn.at(-1)).toMatch(/verifying \[#{30}\] 100%/);
  });

  it("exits 1 naming the first bad position after a byte was changed", async () => {
    const dir = await sampleLog();
    const segment = join(dir, "topics", "shop.orders", "1", "00000000000000000000.seg");
    const bytes = readFileSync(segment);
    bytes[bytes.length - 60]! ^= 0x20; // inside the last event's body
    writeFileSync(segment, bytes);
    const io = capture();
    expect(await logVerify({ dir }, io)).toBe(1);
    expect(io.stdout).toMatch(/^CORRUPTED: the first bad record is in topic "shop\.orders", partition 1, offset \d+/);
    expect(io.stdout).toContain(`file:   ${segment}`);
    expect(io.stdout).toContain("reason: record checksum (CRC-32) mismatch");
    const json = capture();
    expect(await logVerify({ dir, format: "json" }, json)).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBad: { topic: "shop.orders", partition: 1, file: segment } });
  });

  it("is wired as a yargs command: `log verify --dir` sets the exit code", async () => {
    const dir = await sampleLog();
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await yargs().command(logCommand).strict().parseAsync(["log", "verify", "--dir", dir]);
    } finally {
      process.stdout.write = write;
    }
    expect(process.exitCode).toBe(0);
    expect(out.join("")).toContain("OK: 7 event(s)");
    process.exitCode = undefined;
  });
});
