/**
 * The long crash-reliability run: `node --import tsx bench/runtime/crash-soak.ts [--kills N] [--lanes N]`.
 * Runs the crash test's lanes (test/runtime/file/crash-lane.ts) with many more SIGKILLs and prints
 * a report. Exit code 1 if any acknowledged event was lost, changed or reordered.
 */
import { rmSync } from "node:fs";
import { crashLane } from "../../test/runtime/file/crash-lane.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive integer`);
  return n;
}

const kills = option("--kills", 400);
const lanes = option("--lanes", 4);
const perLane = Math.ceil(kills / lanes);
const started = Date.now();
process.stderr.write(`crash soak: ${lanes} lanes x ${perLane} SIGKILLs ...\n`);
const reports = await Promise.all(Array.from({ length: lanes }, (_, lane) => crashLane(lane, perLane, 250)));
const reopen = reports.flatMap((r) => r.reopenMs).sort((a, b) => a - b);
const problems = reports.flatMap((r) => r.problems);
const sum = (f: (r: (typeof reports)[number]) => number): number => reports.reduce((s, r) => s + f(r), 0);
const lines = [
  `crash soak report (${new Date().toISOString()})`,
  `  kills:                      ${reopen.length} of ${lanes * perLane} planned (${sum((r) => r.killedMidStream)} while appends were being acknowledged)`,
  `  acknowledged events:        ${sum((r) => r.acked)} (all checked after every kill: present, same offset, bit-identical)`,
  `  events stored at the end:   ${sum((r) => r.storedAtEnd)} (acknowledged + written-but-unacknowledged at kill time)`,
  `  reopen time p50 / max:      ${reopen[Math.floor(reopen.length / 2)]?.toFixed(1) ?? "-"} ms / ${reopen.at(-1)?.toFixed(1) ?? "-"} ms`,
  `  wall time:                  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  `  result:                     ${problems.length === 0 ? "PASS: no acknowledged event lost, changed or reordered" : `FAIL (${problems.length} problem(s))`}`,
  ...problems.slice(0, 20).map((p) => `    - ${p}`),
];
process.stdout.write(`${lines.join("\n")}\n`);
for (const r of reports) if (problems.length === 0) rmSync(r.dir, { recursive: true, force: true });
process.exit(problems.length === 0 ? 0 : 1);
