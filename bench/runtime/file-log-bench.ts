/**
 * `npm run bench:runtime [-- --events N]`: the file log's numbers next to the raw limit of this
 * machine, measured in the same run (see docs/performance.md, "Runtime"). With `--backend nats` it
 * runs bench/nats/bench-nats.ts instead, with the same arguments.
 *
 *   (a) append throughput and latency, 64 concurrent publishers over 10,000 keys, durability "fsync"
 *   (b) the same with durability "none"
 *   (c) replay of the whole log into a counting projection: events/s and peak RSS (fresh process)
 *   (d) open/recovery time of that log (fresh process)
 *
 * Raw limits: (a)/(b) write the same number of bytes with fs.writeSync in exactly the batch sizes
 * the log used, per partition file, with the same fsync policy (fdatasync after every batch, the
 * partitions' loops running concurrently as the log's do); (c) reads the segment files back in 1 MiB
 * chunks and JSON.parses every record body. The raw side does nothing else: no checks, no index,
 * no checksums, no promises per event.
 */
import { spawnSync } from "node:child_process";
import { closeSync, fdatasync, mkdtempSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openFileLog } from "../../runtime/file/file-log.js";
import { batchSizeLog } from "../../runtime/file/group-commit.js";

const fdatasyncAsync = promisify(fdatasync);
const TOPIC = "bench.events";

interface Args {
  events: number;
  publishers: number;
  keys: number;
  partitions: number;
  phase: "main" | "replay";
  dir?: string;
  keep: boolean;
  /** Skip (a) (the slow fsync phase); (c)(d) then run on (b)'s log. For re-measuring reads quickly. */
  skipFsync: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { events: 1_000_000, publishers: 64, keys: 10_000, partitions: 4, phase: "main", keep: false, skipFsync: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const num = (): number => {
      const n = Number(value?.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got ${String(value)}`);
      i++;
      return n;
    };
    if (flag === "--events") args.events = num();
    else if (flag === "--publishers") args.publishers = num();
    else if (flag === "--keys") args.keys = num();
    else if (flag === "--partitions") args.partitions = num();
    else if (flag === "--phase") (args.phase = value as Args["phase"]), i++;
    else if (flag === "--dir" && value !== undefined) (args.dir = value), i++;
    else if (flag === "--keep") args.keep = true;
    else if (flag === "--skip-fsync") args.skipFsync = true;
    else if (flag === "--backend") {
      if (value !== "file") throw new Error(`unknown backend ${String(value)} (file, the default, or nats)`);
      i++;
    } else throw new Error(`unknown option ${String(flag)} (options: --events N, --publishers N, --keys N, --partitions N, --keep)`);
  }
  return args;
}

/** A ~200-byte payload, different per event. */
function payload(i: number, key: string): unknown {
  return {
    orderId: key,
    seq: i,
    sku: `SKU-${(i * 7919) % 100000}`,
    quantity: (i % 9) + 1,
    price: { amount: ((i % 10000) / 100).toFixed(2), currency: "EUR" },
    note: "standard shipping, leave at the door if nobody answers; gift wrap: no",
  };
}

interface AppendResult {
  seconds: number;
  latencies: Float64Array;
  bytes: number;
  batches: { partition: number; bytes: number; events: number }[];
}

async function appendPhase(dir: string, args: Args, durability: "fsync" | "none"): Promise<AppendResult> {
  const log = await openFileLog({ dir, durability });
  await log.ensureTopic({ name: TOPIC, partitions: args.partitions });
  const latencies = new Float64Array(args.events);
  batchSizeLog.sizes = [];
  batchSizeLog.enabled = true;
  let next = 0;
  let seed = 12345;
  const start = performance.now();
  const publisher = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= args.events) return;
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const key = `order-${seed % args.keys}`;
      const t0 = performance.now();
      await log.append(TOPIC, [{ type: "bench.OrderLinePlaced", schemaVersion: 1, key, data: payload(i, key) }]);
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: args.publishers }, publisher));
  const seconds = (performance.now() - start) / 1000;
  batchSizeLog.enabled = false;
  const batches = batchSizeLog.sizes;
  batchSizeLog.sizes = [];
  const bytes = (await log.stats())[0]!.bytes;
  await log.close();
  return { seconds, latencies, bytes, batches };
}

/** The raw limit for (a)/(b): the same batches, writeSync + (fdatasync), partitions concurrently, nothing else. */
async function rawWrite(dir: string, batches: AppendResult["batches"], partitions: number, fsync: boolean): Promise<number> {
  const fds = Array.from({ length: partitions }, (_, p) => openSync(join(dir, `raw-${p}.bin`), "w"));
  const max = batches.reduce((m, b) => Math.max(m, b.bytes), 0);
  const buf = Buffer.alloc(max, 0x7b);
  const perPartition = Array.from({ length: partitions }, (_, p) => batches.filter((b) => b.partition === p));
  const start = performance.now();
  await Promise.all(
    perPartition.map(async (list, p) => {
      const fd = fds[p]!;
      let position = 0;
      for (const b of list) {
        let done = 0;
        while (done < b.bytes) done += writeSync(fd, buf, done, b.bytes - done, position + done);
        position += b.bytes;
        if (fsync) await fdatasyncAsync(fd);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const fd of fds) closeSync(fd);
  return seconds;
}

/** Raw (b) variant that includes serializing: JSON.stringify of an equivalent envelope per event, then writeSync in the same batches. */
function rawSerializeWrite(dir: string, batches: AppendResult["batches"], args: Args): number {
  const fd = openSync(join(dir, "raw-serialized.bin"), "w");
  const start = performance.now();
  let i = 0;
  for (const b of batches) {
    const parts: string[] = [];
    for (let j = 0; j < b.events; j++, i++) {
      const key = `order-${i % args.keys}`;
      parts.push(
        JSON.stringify({
          id: "01a2b3c4-d5e6-7f00-8123-456789abcdef",
          type: "bench.OrderLinePlaced",
          key,
          schemaVersion: 1,
          topic: TOPIC,
          partition: b.partition,
          offset: i,
          version: 1,
          time: new Date().toISOString(),
          data: payload(i, key),
        }),
      );
    }
    writeSync(fd, parts.join("\n"));
  }
  const seconds = (performance.now() - start) / 1000;
  closeSync(fd);
  return seconds;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs in a fresh process: (d) open time, (c) replay into a counting projection, raw read+parse, peak RSS. */
async function replayPhase(args: Args): Promise<void> {
  const dir = args.dir!;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  const log = await openFileLog({ dir });
  const openSeconds = (performance.now() - t0) / 1000;
  const counts = new Map<string, number>();
  let events = 0;
  const t1 = performance.now();
  for await (const e of log.replay([TOPIC])) {
    counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    events++;
  }
  const replaySeconds = (performance.now() - t1) / 1000;
  peak = Math.max(peak, process.memoryUsage.rss());
  const peakRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  await log.close();
  clearInterval(sampler);

  // Raw limit: read the same files in 1 MiB chunks, JSON.parse every event record body.
  const t2 = performance.now();
  let rawEvents = 0;
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (let p = 0; p < args.partitions; p++) {
    const pdir = join(dir, "topics", TOPIC, String(p));
    for (const name of readdirSync(pdir).sort()) {
      const fd = openSync(join(pdir, name), "r");
      let position = 64;
      let filled = 0;
      let at = 0;
      for (;;) {
        if (filled - at < 12 || filled - at < 12 + chunk.readUInt32LE(at)) {
          chunk.copy(chunk, 0, at, filled);
          filled -= at;
          at = 0;
          const n = readSync(fd, chunk, filled, chunk.length - filled, position);
          if (n === 0) break;
          position += n;
          filled += n;
          continue;
        }
        const length = chunk.readUInt32LE(at);
        if (chunk[at + 8] === 0x45) {
          JSON.parse(chunk.toString("utf8", at + 12, at + 12 + length));
          rawEvents++;
        }
        at += 12 + length;
      }
      closeSync(fd);
    }
  }
  const rawSeconds = (performance.now() - t2) / 1000;

  // (d') The crash case with no usable snapshot: open rebuilds the index by scanning every record.
  renameSync(join(dir, "index.snapshot"), join(dir, "index.snapshot.aside"));
  const t3 = performance.now();
  const scanned = await openFileLog({ dir, readOnly: true });
  const fullScanSeconds = (performance.now() - t3) / 1000;
  await scanned.close();
  renameSync(join(dir, "index.snapshot.aside"), join(dir, "index.snapshot"));
  process.stdout.write(`${JSON.stringify({ openSeconds, replaySeconds, events, keys: counts.size, peakRss, rawSeconds, rawEvents, fullScanSeconds })}\n`);
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const backend = argv[argv.indexOf("--backend") + 1];
  if (argv.includes("--backend") && backend === "nats") {
    // `npm run bench:runtime -- --backend nats`: the JetStream benchmark, handed the same arguments.
    const nats = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL("../nats/bench-nats.ts", import.meta.url)), ...argv], { stdio: "inherit" });
    process.exit(nats.status ?? 1);
  }
  const args = parseArgs(argv);
  if (args.phase === "replay") return replayPhase(args);

  const root = mkdtempSync(join(tmpdir(), "eventc-bench-"));
  const fsyncDir = join(root, "fsync");
  const noneDir = join(root, "none");
  const rawDir = mkdtempSync(join(root, "raw-"));
  process.stderr.write(`bench: ${fmt(args.events)} events, ${args.publishers} publishers, ${fmt(args.keys)} keys, ${args.partitions} partitions, in ${root}\n`);

  let a: AppendResult | undefined;
  let rawA = 0;
  if (!args.skipFsync) {
    process.stderr.write("(a) append, durability fsync ...\n");
    a = await appendPhase(fsyncDir, args, "fsync");
    rawA = await rawWrite(rawDir, a.batches, args.partitions, true);
  }
  process.stderr.write("(b) append, durability none ...\n");
  rmSync(join(rawDir), { recursive: true, force: true });
  const rawDir2 = mkdtempSync(join(root, "raw-"));
  const b = await appendPhase(noneDir, args, "none");
  const rawB = await rawWrite(rawDir2, b.batches, args.partitions, false);
  const rawBSerialized = rawSerializeWrite(rawDir2, b.batches, args);
  rmSync(rawDir2, { recursive: true, force: true });
  const logDir = a ? fsyncDir : noneDir;
  if (a) rmSync(noneDir, { recursive: true, force: true });

  process.stderr.write("(c)(d) open and replay in a fresh process ...\n");
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--phase", "replay", "--dir", logDir, "--partitions", String(args.partitions)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`replay phase failed:\n${child.stderr}`);
  const c = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
    openSeconds: number;
    replaySeconds: number;
    events: number;
    keys: number;
    peakRss: number;
    rawSeconds: number;
    rawEvents: number;
    fullScanSeconds: number;
  };
  if (c.events !== args.events || c.rawEvents !== args.events) throw new Error(`replay saw ${c.events} events (raw ${c.rawEvents}), expected ${args.events}`);
  const logBytes = dirBytes(logDir);
  if (!args.keep) rmSync(root, { recursive: true, force: true });

  const row = (label: string, ours: string, raw: string, ratio: string, target: string): string => `| ${label} | ${ours} | ${raw} | ${ratio} | ${target} |`;
  const lat = (r: AppendResult): string => {
    const sorted = Float64Array.from(r.latencies).sort();
    return `${fmt(percentile(sorted, 50), 2)} / ${fmt(percentile(sorted, 99), 2)} ms`;
  };
  const rate = (events: number, seconds: number): number => events / seconds;
  const mb = (bytes: number, seconds: number): string => `${fmt(bytes / seconds / 1e6, 1)} MB/s`;
  const avgBatch = (r: AppendResult): string => fmt(args.events / r.batches.length, 1);
  const lines = [
    `Command: \`npm run bench:runtime -- --events ${args.events}${args.skipFsync ? " --skip-fsync" : ""}\` (${args.publishers} publishers, ${fmt(args.keys)} keys, ${args.partitions} partitions; log ${fmt(logBytes / 1e6, 1)} MB, ${fmt(b.bytes / args.events, 0)} bytes/event on disk)`,
    "",
    "| measure | file log | raw limit | ratio | target |",
    "|---|---|---|---|---|",
    ...(a
      ? [
          row("(a) append, fsync: events/s", fmt(rate(args.events, a.seconds)), fmt(rate(args.events, rawA)), fmt(rawA / a.seconds, 2), "≥ 0.5"),
          row("(a) append, fsync: MB/s", mb(a.bytes, a.seconds), mb(a.bytes, rawA), "", ""),
          row("(a) append, fsync: p50 / p99 latency", lat(a), "", "", ""),
          row("(a) events per write+fsync (avg)", avgBatch(a), "same batches", "", ""),
        ]
      : [row("(a) append, fsync", "skipped (--skip-fsync)", "", "", "")]),
    row("(b) append, none: events/s", fmt(rate(args.events, b.seconds)), fmt(rate(args.events, rawB)), fmt(rawB / b.seconds, 2), "≥ 0.5"),
    row("(b) … vs raw that also JSON.stringifies", "", fmt(rate(args.events, rawBSerialized)), fmt(rawBSerialized / b.seconds, 2), ""),
    row("(b) append, none: MB/s", mb(b.bytes, b.seconds), mb(b.bytes, rawB), "", ""),
    row("(b) append, none: p50 / p99 latency", lat(b), "", "", ""),
    row("(c) replay into a counting projection: events/s", fmt(rate(c.events, c.replaySeconds)), fmt(rate(c.rawEvents, c.rawSeconds)), fmt(c.rawSeconds / c.replaySeconds, 2), "≥ 0.5"),
    row("(c) peak RSS of the replaying process", `${fmt(c.peakRss / 1e6, 0)} MB`, "", "", "< 300 MB"),
    row("(d) open/recovery time (after a clean close: index snapshot)", `${fmt(c.openSeconds, 2)} s`, "", "", "< 2 s"),
    row("(d) open without a usable snapshot (full scan of every record)", `${fmt(c.fullScanSeconds, 2)} s`, "", "", ""),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:runtime failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
