/**
 * The compile benchmark (`npm run bench:compile`): writes synthetic specs of 100, 1,000 and
 * 10,000 events and times a full `eventc generate` of each as a child process (process start
 * to exit), with peak RSS, generated lines and events/second; then compares tsc's time on
 * the generated code for 1,000 events with tsc's time on equivalent hand-written interfaces.
 * Prints markdown tables (docs/performance.md records them).
 *
 *   npm run bench:compile                      # all sizes
 *   npm run bench:compile -- --sizes 100,1000  # quick run
 *   npm run bench:compile -- --profile         # also CPU-profile one run of the largest size
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeSyntheticSpecs } from "../synthetic/write-spec.js";
import { renderHandWrittenBaseline } from "./hand-written-baseline.js";
import { measureNode, median, rssSource, type ProcessMeasurement } from "./measure-process.js";
import { formatProfileSummary, readProfile, summarizeProfile } from "./profile-summary.js";
import { countTscErrors, prepareTscProject, runTsc } from "./tsc-comparison.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const USAGE = `usage: npm run bench:compile -- [options]
  --sizes 100,1000,10000   event counts to benchmark
  --runs 5                 timed runs per size (median reported)
  --namespaces 10          domain namespaces (plus a shared "common")
  --seed 1                 synthetic spec seed
  --tsc-events 1000        size of the tsc comparison (0 skips it)
  --tsc-runs 3             timed tsc runs per side
  --profile                CPU-profile one generate of the largest size and summarise it
  --phases                 time each compiler phase in-process at the largest size (cold + 2 warm rounds)
  --cli PATH               the CLI to run (default dist/compiler/cli/main.js)
  --keep                   keep the temporary folder`;

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly namespaces: number;
  readonly seed: number;
  readonly tscEvents: number;
  readonly tscRuns: number;
  readonly profile: boolean;
  readonly phases: boolean;
  readonly cli: string;
  readonly keep: boolean;
}

function fail(message: string): never {
  console.error(`bench:compile: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function positiveInt(name: string, text: string, allowZero = false): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) fail(`--${name} expects ${allowZero ? "a non-negative" : "a positive"} integer, got "${text}"`);
  return value;
}

function parseOptions(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        sizes: { type: "string", default: "100,1000,10000" },
        runs: { type: "string", default: "5" },
        namespaces: { type: "string", default: "10" },
        seed: { type: "string", default: "1" },
        "tsc-events": { type: "string", default: "1000" },
        "tsc-runs": { type: "string", default: "3" },
        profile: { type: "boolean", default: false },
        phases: { type: "boolean", default: false },
        cli: { type: "string", default: join(repoRoot, "dist", "compiler", "cli", "main.js") },
        keep: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = parsed.sizes.split(",").map((s) => positiveInt("sizes", s.trim()));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs: positiveInt("runs", parsed.runs),
    namespaces: positiveInt("namespaces", parsed.namespaces),
    seed: positiveInt("seed", parsed.seed, true),
    tscEvents: positiveInt("tsc-events", parsed["tsc-events"], true),
    tscRuns: positiveInt("tsc-runs", parsed["tsc-runs"]),
    profile: parsed.profile,
    phases: parsed.phases,
    cli: resolve(parsed.cli),
    keep: parsed.keep,
  };
}

/** Files, lines and bytes of the `.ts` files under `dir`. */
async function countLines(dir: string): Promise<{ files: number; lines: number; bytes: number }> {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.parentPath.includes("node_modules")) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    files++;
    bytes += Buffer.byteLength(text);
    lines += text.length === 0 ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  }
  return { files, lines, bytes };
}

function explainFailure(what: string, m: ProcessMeasurement): string {
  const output = `${m.stdout}\n${m.stderr}`.trim().split("\n");
  const shown = output.slice(0, 30).join("\n");
  return `${what} exited with ${m.exitCode}:\n${shown}${output.length > 30 ? `\n... (${output.length - 30} more lines)` : ""}`;
}

interface SizeResult {
  readonly events: number;
  readonly eventVersions: number;
  readonly specLines: number;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly rssKb: readonly number[];
  readonly generatedFiles: number;
  readonly generatedLines: number;
  readonly failure?: string;
}

async function generate(options: Options, specDir: string, outDir: string, extraNodeArgs: readonly string[] = []): Promise<ProcessMeasurement> {
  await rm(outDir, { recursive: true, force: true });
  return measureNode([...extraNodeArgs, options.cli, "generate", specDir, "--out", outDir], { cwd: repoRoot });
}

async function benchSize(options: Options, work: string, events: number): Promise<SizeResult> {
  const specDir = join(work, `specs-${events}`);
  const outDir = join(work, `out-${events}`);
  const written = await writeSyntheticSpecs({ events, namespaces: options.namespaces, seed: options.seed, dir: specDir });
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const rssKb: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const m = await generate(options, specDir, outDir);
    if (m.exitCode !== 0) {
      return {
        events,
        eventVersions: written.counts.eventVersions,
        specLines: written.lines,
        wallMs,
        cpuMs,
        rssKb,
        generatedFiles: 0,
        generatedLines: 0,
        failure: explainFailure(`eventc generate (${events} events)`, m),
      };
    }
    wallMs.push(m.wallMs);
    if (m.cpuMs !== undefined) cpuMs.push(m.cpuMs);
    if (m.maxRssKb !== undefined) rssKb.push(m.maxRssKb);
    process.stderr.write(`  ${events} events, run ${run + 1}/${options.runs}: ${m.wallMs.toFixed(0)} ms wall, ${m.cpuMs?.toFixed(0) ?? "?"} ms CPU\n`);
  }
  const generated = await countLines(outDir);
  return {
    events,
    eventVersions: written.counts.eventVersions,
    specLines: written.lines,
    wallMs,
    cpuMs,
    rssKb,
    generatedFiles: generated.files,
    generatedLines: generated.lines,
  };
}

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtMs = (n: number) => (Number.isFinite(n) ? fmtInt(n) : "n/a");

function sizeTable(results: readonly SizeResult[]): string {
  const rows = [
    "| events (versions) | spec lines | wall, median (min–max) | CPU user+sys, median | peak RSS | generated files / lines | events/s (wall) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    if (r.failure !== undefined) {
      rows.push(`| ${fmtInt(r.events)} (${fmtInt(r.eventVersions)}) | ${fmtInt(r.specLines)} | FAILED | | | | |`);
      continue;
    }
    const wall = median(r.wallMs);
    const rss = r.rssKb.length > 0 ? `${(Math.max(...r.rssKb) / 1024).toFixed(0)} MB` : "n/a";
    rows.push(
      `| ${fmtInt(r.events)} (${fmtInt(r.eventVersions)}) | ${fmtInt(r.specLines)} | ${fmtMs(wall)} ms (${fmtMs(Math.min(...r.wallMs))}–${fmtMs(Math.max(...r.wallMs))}) | ${fmtMs(median(r.cpuMs))} ms | ${rss} | ${r.generatedFiles} / ${fmtInt(r.generatedLines)} | ${fmtInt((r.events * 1000) / wall)} |`,
    );
  }
  return rows.join("\n");
}

function scalingLines(results: readonly SizeResult[], floorMs: number): string[] {
  const lines: string[] = [];
  const ok = results.filter((r) => r.failure === undefined);
  for (let i = 1; i < ok.length; i++) {
    const small = ok[i - 1];
    const large = ok[i];
    if (small === undefined || large === undefined) continue;
    const timeRatio = median(large.wallMs) / median(small.wallMs);
    const netRatio = (median(large.wallMs) - floorMs) / Math.max(1, median(small.wallMs) - floorMs);
    lines.push(
      `- ${fmtInt(large.events)} / ${fmtInt(small.events)} events (${(large.events / small.events).toFixed(0)}× the events): ${timeRatio.toFixed(2)}× the wall time (${netRatio.toFixed(2)}× after subtracting the ${fmtMs(floorMs)} ms node start floor); target ≤ ~${(large.events / small.events).toFixed(0)}×: ${timeRatio <= (large.events / small.events) * 1.05 ? "met" : "MISSED"}`,
    );
  }
  const tenK = ok.find((r) => r.events === 10_000);
  if (tenK) {
    const wall = median(tenK.wallMs);
    lines.push(`- 10,000 events: ${fmtMs(wall)} ms wall; target < 2,000 ms: ${wall < 2000 ? "met" : "MISSED"}`);
  }
  return lines;
}

interface TscResult {
  readonly label: string;
  readonly files: number;
  readonly lines: number;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly errors: number;
  readonly firstErrors: string;
}

async function timeTsc(label: string, dir: string, runs: number): Promise<TscResult> {
  const counted = await countLines(dir);
  await prepareTscProject(dir, repoRoot);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let errors = 0;
  let firstErrors = "";
  for (let run = 0; run < runs; run++) {
    const m = await runTsc(dir, repoRoot);
    wallMs.push(m.wallMs);
    if (m.cpuMs !== undefined) cpuMs.push(m.cpuMs);
    errors = countTscErrors(m);
    if (m.exitCode !== 0) firstErrors = `${m.stdout}${m.stderr}`.split("\n").slice(0, 15).join("\n");
    process.stderr.write(`  tsc ${label}, run ${run + 1}/${runs}: ${m.wallMs.toFixed(0)} ms${errors > 0 ? `, ${errors} errors` : ""}\n`);
  }
  return { label, files: counted.files, lines: counted.lines, wallMs, cpuMs, errors, firstErrors };
}

async function tscComparison(options: Options, work: string): Promise<{ table: string; notes: string[] } | { failure: string }> {
  const events = options.tscEvents;
  const specDir = join(work, `tsc-specs-${events}`);
  const generatedDir = join(work, `tsc-generated-${events}`);
  const baselineDir = join(work, `tsc-baseline-${events}`);
  const emptyDir = join(work, "tsc-empty");
  const written = await writeSyntheticSpecs({ events, namespaces: options.namespaces, seed: options.seed, dir: specDir });
  const m = await generate(options, specDir, generatedDir);
  if (m.exitCode !== 0) return { failure: explainFailure(`eventc generate (${events} events, for tsc)`, m) };
  await mkdir(baselineDir, { recursive: true });
  for (const module of renderHandWrittenBaseline(written.spec)) await writeFile(join(baselineDir, module.fileName), module.text);
  await mkdir(emptyDir, { recursive: true });
  await writeFile(join(emptyDir, "empty.ts"), "export {};\n");

  const empty = await timeTsc("empty module", emptyDir, options.tscRuns);
  const baseline = await timeTsc("hand-written interfaces", baselineDir, options.tscRuns);
  const generated = await timeTsc("generated code", generatedDir, options.tscRuns);
  const rows = [
    `| tsc --noEmit over (${fmtInt(events)} events) | files | lines | wall, median (min–max) | CPU user+sys, median | errors |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of [empty, baseline, generated]) {
    const wall = median(r.wallMs);
    rows.push(`| ${r.label} | ${r.files} | ${fmtInt(r.lines)} | ${fmtMs(wall)} ms (${fmtMs(Math.min(...r.wallMs))}–${fmtMs(Math.max(...r.wallMs))}) | ${fmtMs(median(r.cpuMs))} ms | ${r.errors} |`);
  }
  const ratio = median(generated.wallMs) / median(baseline.wallMs);
  const floor = median(empty.wallMs);
  const netRatio = (median(generated.wallMs) - floor) / Math.max(1, median(baseline.wallMs) - floor);
  const cpuRatio = median(generated.cpuMs) / median(baseline.cpuMs);
  const notes = [
    `- generated / hand-written, wall: ${ratio.toFixed(2)}× (${netRatio.toFixed(2)}× after subtracting tsc's own start-up, the empty-module row); CPU: ${cpuRatio.toFixed(2)}×; target < 2×: ${ratio < 2 ? "met" : "MISSED"}`,
  ];
  if (generated.errors > 0) notes.push(`- the generated code has ${generated.errors} type errors:\n\n\`\`\`\n${generated.firstErrors}\n\`\`\``);
  if (baseline.errors > 0) notes.push(`- the hand-written baseline has ${baseline.errors} type errors (a benchmark bug):\n\n\`\`\`\n${baseline.firstErrors}\n\`\`\``);
  return { table: rows.join("\n"), notes };
}

async function profileLargest(options: Options, work: string): Promise<string> {
  const events = options.sizes[options.sizes.length - 1] ?? 10_000;
  const specDir = join(work, `specs-${events}`);
  if (!existsSync(specDir)) await writeSyntheticSpecs({ events, namespaces: options.namespaces, seed: options.seed, dir: specDir });
  const profileDir = join(work, "profile");
  const m = await generate(options, specDir, join(work, `out-profile-${events}`), ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-interval", "200"]);
  if (m.exitCode !== 0) return explainFailure("profiled eventc generate", m);
  const files = (await readdir(profileDir)).filter((f) => f.endsWith(".cpuprofile"));
  const first = files[0];
  if (first === undefined) return "no .cpuprofile was written";
  // Kept outside the work folder (which is removed) so it can be opened in a profiler UI.
  const kept = join(tmpdir(), `eventc-generate-${events}.cpuprofile`);
  await copyFile(join(profileDir, first), kept);
  const summary = summarizeProfile(await readProfile(kept), 25);
  return `Profile of one \`eventc generate\` of ${fmtInt(events)} events (${fmtMs(m.wallMs)} ms wall under the profiler; saved as ${kept}):\n\n${formatProfileSummary(summary)}`;
}

/** Runs bench/compile/phases.ts in its own process (a fresh, cold compiler). */
async function phaseBreakdown(options: Options): Promise<string> {
  const events = options.sizes[options.sizes.length - 1] ?? 10_000;
  const script = join(repoRoot, "bench", "compile", "phases.ts");
  const m = await measureNode(["--import", "tsx", script, "--events", String(events), "--rounds", "3"], { cwd: repoRoot });
  if (m.exitCode !== 0) return explainFailure("bench/compile/phases.ts", m);
  return `In one process, against dist/ (wall / CPU ms; "cold" is what \`eventc generate\` pays):\n\n${m.stdout.trim()}`;
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!existsSync(options.cli)) fail(`the CLI ${options.cli} does not exist; run \`npm run build\` first (npm run bench:compile does)`);
  const work = await mkdtemp(join(tmpdir(), "eventc-bench-compile-"));
  try {
    process.stderr.write(`bench:compile in ${work}\n`);
    const startLoad = loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ");
    const floorRuns: number[] = [];
    for (let run = 0; run < 5; run++) floorRuns.push((await measureNode(["-e", ""])).wallMs);
    const floorMs = median(floorRuns);

    const results: SizeResult[] = [];
    for (const events of options.sizes) results.push(await benchSize(options, work, events));

    const cpu = cpus();
    const out: string[] = [
      `## eventc generate (${options.namespaces} domain namespaces + common, seed ${options.seed}, ${options.runs} run${options.runs === 1 ? "" : "s"} per size)`,
      "",
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, node ${process.version}; peak RSS via ${rssSource() === "gnu-time" ? "GNU time" : "process.resourceUsage()"}; node start floor (\`node -e ""\`): ${fmtMs(floorMs)} ms; load average before the run: ${startLoad}.`,
      "",
      sizeTable(results),
      "",
      ...scalingLines(results, floorMs),
    ];
    for (const r of results) if (r.failure !== undefined) out.push("", "```", r.failure, "```");

    if (options.tscEvents > 0) {
      const tsc = await tscComparison(options, work);
      out.push("", `## tsc on the generated code vs. hand-written interfaces (${options.tscRuns} run${options.tscRuns === 1 ? "" : "s"} each)`, "");
      if ("failure" in tsc) out.push("```", tsc.failure, "```");
      else out.push(tsc.table, "", ...tsc.notes);
    }
    if (options.phases) out.push("", "## Phases", "", await phaseBreakdown(options));
    if (options.profile) out.push("", "## Profile", "", await profileLargest(options, work));
    console.log(out.join("\n"));
    if (results.some((r) => r.failure !== undefined)) process.exitCode = 1;
  } finally {
    if (options.keep) process.stderr.write(`kept ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

await main();
