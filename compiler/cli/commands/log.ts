/**
 * `eventc log stats|tail|verify --dir DIR`: inspecting a file log from the shell. The logic is in
 * plain functions taking an output sink (tested directly); `logCommand` maps yargs onto them.
 *
 * Every command opens the log read-only (or, for verify, reads the files alone), so it can run
 * next to the process that writes the log, and never changes it.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { StoredEvent } from "../../../runtime/envelope.js";
import { openFileLog } from "../../../runtime/file/file-log.js";
import { verifyDirectory, type VerifyProgress } from "../../../runtime/file/verify.js";
import type { Log, TopicStats } from "../../../runtime/log.js";

/** Where a command writes. `progress` is set only when progress may be drawn (a TTY, not CI). */
export interface LogCommandIo {
  out(text: string): void;
  err(text: string): void;
  readonly progress?: { draw(line: string): void; clear(): void };
}

export type OutputFormat = "text" | "json";

/** `eventc log stats`: topics, partitions, event counts, keys, bytes. Returns the exit code. */
export async function logStats(options: { dir: string; format?: OutputFormat }, io: LogCommandIo): Promise<number> {
  const log = await openReadOnly(options.dir, io);
  if (!log) return 1;
  try {
    const stats = await log.stats();
    if (options.format === "json") {
      io.out(`${JSON.stringify({ dir: resolve(options.dir), topics: stats }, null, 2)}\n`);
      return 0;
    }
    io.out(formatStats(resolve(options.dir), stats));
    return 0;
  } finally {
    await log.close();
  }
}

export function formatStats(dir: string, stats: readonly TopicStats[]): string {
  const rows = [["topic", "partitions", "events", "keys", "size"]];
  for (const t of stats) rows.push([t.name, String(t.partitions.length), count(t.events), count(t.keys), size(t.bytes)]);
  const total = stats.reduce((sum, t) => sum + t.events, 0);
  const bytes = stats.reduce((sum, t) => sum + t.bytes, 0);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  let text = `File log at ${dir}: ${stats.length} topic(s), ${count(total)} event(s), ${size(bytes)}\n\n`;
  if (stats.length === 0) return text;
  text += `${rows.map(line).join("\n")}\n\n`;
  for (const t of stats) {
    text += `${t.name}: ${t.partitions.map((p) => `p${p.partition}=${count(p.events)}`).join(" ")}\n`;
  }
  return text;
}

export interface TailOptions {
  readonly dir: string;
  readonly topic?: string;
  readonly follow?: boolean;
  readonly format?: OutputFormat;
  /** Poll period while following, in ms. Default 200. */
  readonly pollMs?: number;
  /** Stops following. */
  readonly signal?: AbortSignal;
}

/**
 * `eventc log tail`: prints the events of one topic (or all), in replay order; with `follow`,
 * keeps printing new ones as the writer appends them. Writes no checkpoint.
 */
export async function logTail(options: TailOptions, io: LogCommandIo): Promise<number> {
  const log = await openReadOnly(options.dir, io);
  if (!log) return 1;
  try {
    const topics = (await log.topics()).map((t) => t.name);
    if (options.topic !== undefined && !topics.includes(options.topic)) {
      io.err(`eventc log tail: no topic "${options.topic}" in ${resolve(options.dir)} (topics: ${topics.length > 0 ? topics.join(", ") : "none"})\n`);
      return 1;
    }
    const chosen = options.topic !== undefined ? [options.topic] : topics;
    const print = (e: StoredEvent): void => io.out(`${options.format === "json" ? JSON.stringify(e) : formatEvent(e)}\n`);
    // Next offset per topic and partition, so following resumes exactly after what was printed.
    const next = new Map<string, number[]>();
    for (const topic of chosen) next.set(topic, Array.from({ length: (await log.topics()).find((t) => t.name === topic)!.partitions }, () => 0));
    for await (const e of log.replay(chosen)) {
      print(e);
      next.get(e.topic)![e.partition] = e.offset + 1;
    }
    while (options.follow && !options.signal?.aborted) {
      await sleep(options.pollMs ?? 200, options.signal);
      for (const [topic, offsets] of next) {
        for (let p = 0; p < offsets.length; p++) {
          for await (const e of log.readPartition(topic, p, offsets[p])) {
            print(e);
            offsets[p] = e.offset + 1;
          }
        }
      }
    }
    return 0;
  } finally {
    await log.close();
  }
}

/** One readable line per event: time, topic/partition@offset, key and version, type, data. */
export function formatEvent(e: StoredEvent): string {
  return `${e.time}  ${e.topic}/${e.partition}@${e.offset}  ${e.key} v${e.version}  ${e.type} v${e.schemaVersion}  ${JSON.stringify(e.data)}`;
}

/** `eventc log verify`: every checksum and the hash chain. Exit code 1 and the first bad position when anything changed. */
export async function logVerify(options: { dir: string; format?: OutputFormat }, io: LogCommandIo): Promise<number> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, "meta.json"))) {
    io.err(`eventc log verify: no eventc file log at ${dir} (no meta.json)\n`);
    return 1;
  }
  const started = Date.now();
  let result;
  try {
    result = verifyDirectory(dir, io.progress ? (p) => io.progress!.draw(progressLine(p)) : undefined);
  } catch (error) {
    io.err(`eventc log verify: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    io.progress?.clear();
  }
  if (options.format === "json") {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    io.out(`OK: ${count(result.eventsChecked)} event(s) checked in ${((Date.now() - started) / 1000).toFixed(1)} s; every checksum and the hash chain match.\n`);
    return 0;
  }
  const bad = result.firstBad!;
  io.out(
    `CORRUPTED: the first bad record is in topic "${bad.topic}", partition ${bad.partition}, offset ${bad.offset}\n` +
      `  file:   ${bad.file ?? "?"}\n  byte:   ${bad.position ?? "?"}\n  reason: ${bad.reason}\n` +
      `${count(result.eventsChecked)} event(s) before it are intact.\n`,
  );
  return 1;
}

function progressLine(p: VerifyProgress): string {
  const fraction = p.totalBytes === 0 ? 1 : Math.min(1, p.bytes / p.totalBytes);
  const width = 30;
  const filled = Math.round(fraction * width);
  return `verifying [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${count(p.events)} events`;
}

async function openReadOnly(dir: string, io: LogCommandIo): Promise<Log | undefined> {
  try {
    return await openFileLog({ dir, readOnly: true });
  } catch (error) {
    io.err(`eventc log: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Output to the process's streams; progress only on a TTY outside CI. */
export function processIo(): LogCommandIo {
  const tty = process.stderr.isTTY === true && !process.env.CI;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    ...(tty
      ? {
          progress: {
            draw: (line: string) => void process.stderr.write(`\r${line}\u001b[K`),
            clear: () => void process.stderr.write("\r\u001b[K"),
          },
        }
      : {}),
  };
}

interface DirArgs {
  dir: string;
  format: OutputFormat;
}

const withDir = <T>(y: Argv<T>): Argv<T & DirArgs> =>
  y
    .option("dir", { type: "string", demandOption: true, describe: "Directory of the file log" })
    .option("format", { choices: ["text", "json"] as const, default: "text" as OutputFormat, describe: "Output format" }) as unknown as Argv<T & DirArgs>;

/** `eventc log <stats|tail|verify>`, for compiler/cli/main.ts. */
export const logCommand: CommandModule = {
  command: "log <command>",
  describe: "Inspect a file log: stats, tail, verify",
  builder: (yargs) =>
    yargs
      .command({
        command: "stats",
        describe: "Topics, partitions, event counts, keys and sizes",
        builder: (y) => withDir(y),
        handler: async (argv) => {
          const a = argv as unknown as DirArgs;
          process.exitCode = await logStats({ dir: a.dir, format: a.format }, processIo());
        },
      })
      .command({
        command: "tail",
        describe: "Print events (JSON lines with --format json); --follow keeps printing new ones",
        builder: (y) =>
          withDir(y)
            .option("topic", { type: "string", describe: "Only this topic" })
            .option("follow", { type: "boolean", alias: "f", default: false, describe: "Keep printing events as they are appended" }),
        handler: async (argv) => {
          const a = argv as unknown as DirArgs & { topic?: string; follow: boolean };
          const stop = new AbortController();
          process.once("SIGINT", () => stop.abort());
          process.exitCode = await logTail(
            { dir: a.dir, format: a.format, follow: a.follow, signal: stop.signal, ...(a.topic !== undefined ? { topic: a.topic } : {}) },
            processIo(),
          );
        },
      })
      .command({
        command: "verify",
        describe: "Check every checksum and the hash chain; exit 1 with the first bad position",
        builder: (y) => withDir(y),
        handler: async (argv) => {
          const a = argv as unknown as DirArgs;
          process.exitCode = await logVerify({ dir: a.dir, format: a.format }, processIo());
        },
      })
      .demandCommand(1, "Choose a log command: stats, tail or verify"),
  handler: () => undefined,
};
