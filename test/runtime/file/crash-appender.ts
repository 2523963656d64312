/**
 * Child process of the crash tests: appends to a file log in a loop, `concurrency` appends in
 * flight at a time, and prints every RESOLVED append as one JSON line (stdout is synchronous for
 * pipes on Linux, so a printed line means the append had resolved). The parent kills it with
 * SIGKILL at a random moment.
 *
 *   node crash-appender.mjs <dir> <seed> [concurrency] [segmentBytes]
 */
import { openFileLog } from "../../../runtime/file/file-log.js";

const [dir, seedText, concurrencyText, segmentText] = process.argv.slice(2);
if (!dir || !seedText) {
  process.stderr.write("usage: crash-appender <dir> <seed> [concurrency] [segmentBytes]\n");
  process.exit(2);
}
let seed = Number(seedText) >>> 0 || 1;
const random = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const log = await openFileLog({ dir, segmentBytes: Number(segmentText ?? 16384) });
await log.ensureTopic({ name: "crash.items", partitions: 3 });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const concurrency = Number(concurrencyText ?? 8);
let n = 0;
async function worker(): Promise<void> {
  for (;;) {
    const i = n++;
    const key = `k${Math.floor(random() * 40)}-é`;
    const size = Math.floor(random() * 3);
    // Batches of 1-3 events of one key, payloads of varying size (some larger than a read chunk's page).
    const events = Array.from({ length: size + 1 }, (_, j) => ({
      type: "crash.Happened",
      schemaVersion: 1,
      key,
      data: { i, j, text: "x".repeat(Math.floor(random() * (random() < 0.05 ? 20000 : 300))), emoji: "🙂" },
    }));
    const stored = await log.append("crash.items", events);
    process.stdout.write(`${JSON.stringify(stored)}\n`);
  }
}
await Promise.all(Array.from({ length: concurrency }, () => worker()));
