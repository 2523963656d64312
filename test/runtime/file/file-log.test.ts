/**
 * File-log behaviour beyond the shared contract: recovery of torn tails, detection of corruption,
 * the hash chain, the single-writer lock across processes, read-only tailing from another process,
 * group commit, and state rebuilt on reopen.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../../runtime/envelope.js";
import { LogCorruptedError, LogLockedError } from "../../../runtime/errors.js";
import { openFileLog } from "../../../runtime/file/file-log.js";
import { batchSizeLog } from "../../../runtime/file/group-commit.js";
import { verifyDirectory } from "../../../runtime/file/verify.js";
import type { LifecycleRules, Log } from "../../../runtime/log.js";
import { closed, onLines, startScript } from "./child-script.js";

const LOCK_HOLDER = fileURLToPath(new URL("./lock-holder.ts", import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "eventc-file-"));
  dirs.push(dir);
  return dir;
}

const TOPIC = "t.items";

/** A log with one partition and `batches` appends of one event each, closed. Returns the segment path and the events. */
async function seeded(batches: number, durability: "fsync" | "none" = "none"): Promise<{ dir: string; segment: string; events: StoredEvent[] }> {
  const dir = tempDir();
  const log = await openFileLog({ dir, durability });
  await log.ensureTopic({ name: TOPIC, partitions: 1 });
  const events: StoredEvent[] = [];
  for (let i = 0; i < batches; i++) {
    events.push(...(await log.append(TOPIC, [{ type: "t.Added", schemaVersion: 1, key: `k${i % 3}`, data: { i, text: "ünïcode ✓" } }])));
  }
  await log.close();
  return { dir, segment: join(dir, "topics", TOPIC, "0", "00000000000000000000.seg"), events };
}

async function readAll(log: Log, topic = TOPIC, partition = 0): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of log.readPartition(topic, partition)) out.push(e);
  return out;
}

const HEADER = 64;
/** Byte positions of the event records in a one-event-per-batch segment: each batch is one event record + a 48-byte commit. */
function recordPositions(segment: string): number[] {
  const buf = readFileSync(segment);
  const positions: number[] = [];
  for (let at = HEADER; at < buf.length; ) {
    const length = buf.readUInt32LE(at);
    if (buf[at + 8] === 0x45) positions.push(at);
    at += 12 + length;
  }
  return positions;
}

describe("file log recovery of torn tails", () => {
  it("truncates an interrupted last batch at every cut point, keeps every earlier event, and appends again", async () => {
    const { dir, segment, events } = await seeded(4);
    const full = readFileSync(segment);
    const lastBatchStart = recordPositions(segment)[3]!;
    // Every cut inside the last batch (event record and commit record), i.e. every torn write.
    for (let cut = lastBatchStart; cut < full.length; cut += 7) {
      writeFileSync(segment, full.subarray(0, cut));
      const log = await openFileLog({ dir, durability: "none" });
      try {
        expect(await readAll(log)).toEqual(events.slice(0, 3));
        expect(statSync(segment).size).toBe(lastBatchStart);
        expect((await log.keyState(TOPIC, "k0")).version).toBe(1);
        const [again] = await log.append(TOPIC, [{ type: "t.Added", schemaVersion: 1, key: "k0", data: { again: cut } }]);
        expect(again!.offset).toBe(3);
        expect(again!.version).toBe(2);
        expect((await log.verify()).ok).toBe(true);
      } finally {
        await log.close();
      }
    }
  });

  it("treats zero bytes after the last commit (a file that grew before its data reached the disk) as a torn tail", async () => {
    const { dir, segment, events } = await seeded(2);
    const size = statSync(segment).size;
    appendFileSync(segment, Buffer.alloc(5000));
    const log = await openFileLog({ dir });
    expect(await readAll(log)).toEqual(events);
    expect(statSync(segment).size).toBe(size);
    await log.close();
  });

  it("leaves a torn tail alone when opened read-only (the writer may still be writing)", async () => {
    const { dir, segment, events } = await seeded(3);
    const full = readFileSync(segment);
    writeFileSync(segment, full.subarray(0, full.length - 10));
    const log = await openFileLog({ dir, readOnly: true });
    expect(await readAll(log)).toEqual(events.slice(0, 2));
    expect(statSync(segment).size).toBe(full.length - 10);
    await log.close();
  });
});

describe("file log corruption", () => {
  it("refuses to open when a byte in the middle changed, naming file, byte position and offset; verify reports the same first bad record", async () => {
    const { dir, segment } = await seeded(5);
    // The index snapshot written on close must not hide the change: it proves each segment's bytes by CRC first.
    expect(existsSync(join(dir, "index.snapshot"))).toBe(true);
    const positions = recordPositions(segment);
    const victim = positions[1]!; // offset 1
    const bytes = readFileSync(segment);
    bytes[victim + 40]! ^= 0x01;
    writeFileSync(segment, bytes);

    const error = await openFileLog({ dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LogCorruptedError);
    const corrupted = error as LogCorruptedError;
    expect(corrupted.file).toBe(segment);
    expect(corrupted.position).toBe(victim);
    expect(corrupted.offset).toBe(1);
    expect(corrupted.message).toContain(`at byte ${victim}`);
    // The log was not modified, and nothing was truncated.
    expect(readFileSync(segment).equals(bytes)).toBe(true);

    const verdict = verifyDirectory(dir);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toEqual({ topic: TOPIC, partition: 0, offset: 1, file: segment, position: victim, reason: "record checksum (CRC-32) mismatch" });
    expect(verdict.eventsChecked).toBe(1); // offset 0, before the damage
  });

  it("treats a complete last record with a bad checksum as corruption, not as a torn tail", async () => {
    const { dir, segment } = await seeded(3);
    const last = recordPositions(segment)[2]!;
    const bytes = readFileSync(segment);
    bytes[last + 20]! ^= 0x40;
    writeFileSync(segment, bytes);
    await expect(openFileLog({ dir })).rejects.toMatchObject({ code: "LOG_CORRUPTED", position: last, offset: 2 });
    expect(verifyDirectory(dir).firstBad).toMatchObject({ offset: 2, position: last });
  });

  it("detects a change whose CRC was recomputed through the hash chain (verify names the batch)", async () => {
    const { dir, segment, events } = await seeded(4);
    const at = recordPositions(segment)[2]!;
    const bytes = readFileSync(segment);
    const body = bytes.subarray(at + 12, at + 12 + bytes.readUInt32LE(at));
    const text = body.toString("utf8");
    const forged = Buffer.from(text.replace('"i":2', '"i":9'), "utf8");
    expect(forged.length).toBe(body.length);
    forged.copy(bytes, at + 12);
    bytes.writeUInt32LE(crc32(bytes.subarray(at + 8, at + 12 + forged.length)), at + 4);
    writeFileSync(segment, bytes);

    // Checksums all match, so the log opens (and would serve the forged event); verify catches it.
    const log = await openFileLog({ dir, readOnly: true });
    expect((await readAll(log))[2]!.data).toEqual({ i: 9, text: "ünïcode ✓" });
    const verdict = await log.verify();
    await log.close();
    expect(verdict.ok).toBe(false);
    expect(verdict.eventsChecked).toBe(2);
    expect(verdict.firstBad).toMatchObject({ topic: TOPIC, partition: 0, offset: 2, file: segment, position: at });
    expect(verdict.firstBad!.reason).toContain("hash chain mismatch");
    expect(events[2]!.data).toEqual({ i: 2, text: "ünïcode ✓" });
  });

  it("treats an incomplete batch in a segment that is not the last as corruption", async () => {
    const dir = tempDir();
    const log = await openFileLog({ dir, durability: "none", segmentBytes: 1024 });
    await log.ensureTopic({ name: TOPIC, partitions: 1 });
    for (let i = 0; i < 30; i++) await log.append(TOPIC, [{ type: "t.Added", schemaVersion: 1, key: "k", data: { i, pad: "p".repeat(100) } }]);
    await log.close();
    const pdir = join(dir, "topics", TOPIC, "0");
    const segments = readdirSync(pdir).sort();
    expect(segments.length).toBeGreaterThan(2);
    const first = join(pdir, segments[0]!);
    truncateSync(first, statSync(first).size - 5);
    await expect(openFileLog({ dir })).rejects.toMatchObject({ code: "LOG_CORRUPTED", file: first });
    expect(verifyDirectory(dir).ok).toBe(false);
  });
});

describe("file log state after reopen", () => {
  const rules: LifecycleRules = { "t.Opened": { creates: true }, "t.Touched": {}, "t.Closed": { after: ["t.Opened"], ends: true } };

  it("rebuilds versions, lifecycle state, ended keys and the idempotency index from the files", async () => {
    const dir = tempDir();
    let log = await openFileLog({ dir });
    await log.ensureTopic({ name: TOPIC, partitions: 2 });
    const [opened] = await log.append(TOPIC, [{ id: "id-open-a", type: "t.Opened", schemaVersion: 1, key: "a", data: {} }], { lifecycle: rules });
    await log.append(TOPIC, [{ type: "t.Touched", schemaVersion: 1, key: "a", data: {} }], { lifecycle: rules });
    await log.append(TOPIC, [{ type: "t.Opened", schemaVersion: 1, key: "b", data: {} }], { lifecycle: rules });
    await log.append(TOPIC, [{ type: "t.Closed", schemaVersion: 1, key: "b", data: {} }], { lifecycle: rules });
    await log.close();

    log = await openFileLog({ dir });
    expect(await log.keyState(TOPIC, "a")).toEqual({ key: "a", version: 2, state: "t.Opened", ended: false });
    expect(await log.keyState(TOPIC, "b")).toEqual({ key: "b", version: 2, state: "t.Closed", ended: true });
    await expect(log.append(TOPIC, [{ type: "t.Touched", schemaVersion: 1, key: "b", data: {} }], { lifecycle: rules })).rejects.toMatchObject({ code: "LIFECYCLE" });
    // A retried publish after the restart is a no-op that returns the original.
    const [repeat] = await log.append(TOPIC, [{ id: "id-open-a", type: "t.Opened", schemaVersion: 1, key: "a", data: { other: true } }], { lifecycle: rules });
    expect(repeat).toEqual(opened);
    expect((await log.keyState(TOPIC, "a")).version).toBe(2);
    await log.close();
  });
});

describe("file log index snapshot", () => {
  it("loads the snapshot and completes it from the events appended after it (a crash between snapshots)", async () => {
    const dir = tempDir();
    const log = await openFileLog({ dir, durability: "none", snapshotEvery: 10, segmentBytes: 2048 });
    await log.ensureTopic({ name: TOPIC, partitions: 2 });
    const written: StoredEvent[] = [];
    for (let i = 0; i < 25; i++) written.push(...(await log.append(TOPIC, [{ id: `id-${i}`, type: "t.Added", schemaVersion: 1, key: `k${i % 4}`, data: { i } }])));
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(join(dir, "index.snapshot"))).toBe(true);
    // The directory as a crash would leave it: files and an older snapshot, no clean close.
    const crashed = tempDir();
    cpSync(dir, crashed, { recursive: true, filter: (source) => !source.endsWith("LOCK") });
    await log.close();

    const reopened = await openFileLog({ dir: crashed });
    const all = [...(await readAll(reopened, TOPIC, 0)), ...(await readAll(reopened, TOPIC, 1))];
    const order = (e: StoredEvent): number => (e.data as { i: number }).i;
    expect(all.sort((a, b) => order(a) - order(b))).toEqual(written);
    for (let k = 0; k < 4; k++) {
      const events: StoredEvent[] = [];
      for await (const e of reopened.readKey(TOPIC, `k${k}`)) events.push(e);
      expect(events).toEqual(written.filter((e) => e.key === `k${k}`));
      expect((await reopened.keyState(TOPIC, `k${k}`)).version).toBe(events.length);
    }
    // Idempotency fingerprints came back too (from the snapshot for early ids, from the tail for late ones).
    expect(await reopened.append(TOPIC, [{ id: "id-1", type: "t.Added", schemaVersion: 1, key: "k1", data: {} }])).toEqual([written[1]]);
    expect(await reopened.append(TOPIC, [{ id: "id-24", type: "t.Added", schemaVersion: 1, key: "k0", data: {} }])).toEqual([written[24]]);
    await reopened.close();
  });

  it("falls back to a full scan when the snapshot itself is damaged", async () => {
    const { dir, events } = await seeded(6);
    const path = join(dir, "index.snapshot");
    const bytes = readFileSync(path);
    bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(path, bytes);
    const log = await openFileLog({ dir });
    expect(await readAll(log)).toEqual(events);
    expect((await log.keyState(TOPIC, "k0")).version).toBe(2);
    await log.close();
  });
});

describe("file log group commit and visibility", () => {
  it("writes concurrent appends together: fewer writes than appends, one fsync each", async () => {
    const dir = tempDir();
    const log = await openFileLog({ dir });
    await log.ensureTopic({ name: TOPIC, partitions: 1 });
    batchSizeLog.sizes = [];
    batchSizeLog.enabled = true;
    try {
      await Promise.all(Array.from({ length: 200 }, (_, i) => log.append(TOPIC, [{ type: "t.Added", schemaVersion: 1, key: `k${i}`, data: { i } }])));
    } finally {
      batchSizeLog.enabled = false;
    }
    const writes = batchSizeLog.sizes.length;
    expect(batchSizeLog.sizes.reduce((sum, b) => sum + b.events, 0)).toBe(200);
    expect(writes).toBeLessThan(20);
    expect((await readAll(log)).map((e) => e.offset)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    await log.close();
  });

  it("shows an event to readers only after the fsync that covers it", async () => {
    const dir = tempDir();
    const log = await openFileLog({ dir });
    await log.ensureTopic({ name: TOPIC, partitions: 1 });
    const pending = log.append(TOPIC, [{ type: "t.Added", schemaVersion: 1, key: "k", data: {} }]);
    // Queued and even encoded, but not yet durable: not visible, and the key is still new to readers.
    expect(await readAll(log)).toEqual([]);
    expect((await log.keyState(TOPIC, "k")).version).toBe(0);
    const [stored] = await pending;
    expect(await readAll(log)).toEqual([stored]);
    expect((await log.keyState(TOPIC, "k")).version).toBe(1);
    await log.close();
  });
});

describe("file log single writer (real processes)", () => {
  it("gives a second writer process LogLockedError naming the owner, and lets a read-only process in", async () => {
    const dir = tempDir();
    const holder = startScript(LOCK_HOLDER, [dir, "write"]);
    const lines: string[] = [];
    onLines(holder, (l) => lines.push(l));
    await waitFor(() => lines.includes("open"));
    try {
      const second = startScript(LOCK_HOLDER, [dir, "write"]);
      const secondLines: string[] = [];
      onLines(second, (l) => secondLines.push(l));
      const exit = await closed(second);
      expect(secondLines).toEqual(["LOG_LOCKED"]);
      expect(exit.code).toBe(3);
      // In this process too, with the owner's pid.
      const error = await openFileLog({ dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LogLockedError);
      expect((error as LogLockedError).ownerPid).toBe(holder.pid);
      const reader = await openFileLog({ dir, readOnly: true });
      await reader.close();
    } finally {
      holder.kill("SIGKILL");
      await closed(holder);
    }
    // The owner died without releasing: its stale lock is taken over.
    const log = await openFileLog({ dir });
    await log.close();
    expect(readdirSync(dir)).not.toContain("LOCK");
  });

  it("lets exactly one of several processes racing for a free log win", async () => {
    const dir = tempDir();
    await (await openFileLog({ dir })).close();
    const racers = Array.from({ length: 4 }, () => startScript(LOCK_HOLDER, [dir, "write"]));
    const outputs = racers.map((r) => {
      const lines: string[] = [];
      onLines(r, (l) => lines.push(l));
      return lines;
    });
    await waitFor(() => outputs.every((o) => o.length > 0));
    try {
      expect(outputs.filter((o) => o[0] === "open")).toHaveLength(1);
      expect(outputs.filter((o) => o[0] === "LOG_LOCKED")).toHaveLength(3);
    } finally {
      for (const r of racers) r.kill("SIGKILL");
      await Promise.all(racers.map((r) => closed(r)));
    }
  });
});

describe("file log read-only tailing across processes", () => {
  it("delivers events another process appends to a live read-only subscription", async () => {
    const dir = tempDir();
    const setup = await openFileLog({ dir });
    await setup.ensureTopic({ name: "tail.items", partitions: 2 });
    await setup.close();

    const reader = await openFileLog({ dir, readOnly: true, pollIntervalMs: 20 });
    const seen: StoredEvent[] = [];
    const subscription = await reader.subscribe({ topics: ["tail.items"], group: "tailer", start: "end", handler: (e) => void seen.push(e) });
    const writer = startScript(LOCK_HOLDER, [dir, "append", "30"]);
    const lines: string[] = [];
    onLines(writer, (l) => lines.push(l));
    await closed(writer);
    expect(lines).toEqual(["open", "appended"]);
    await waitFor(() => seen.length === 30);
    await subscription.stop();
    expect(seen.map((e) => e.data)).toEqual(expect.arrayContaining(Array.from({ length: 30 }, (_, i) => ({ i }))));
    for (const p of [0, 1]) {
      const offsets = seen.filter((e) => e.partition === p).map((e) => e.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    expect(await reader.groupPosition("tailer")).toEqual({ "tail.items": { 0: seen.filter((e) => e.partition === 0).length, 1: seen.filter((e) => e.partition === 1).length } });
    await reader.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
