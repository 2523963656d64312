/**
 * Where a generate's time goes, phase by phase, measured in one process against the built
 * compiler (dist/): module loading, read + parse, resolve, check, build the model, generate,
 * write. It calls the same phase functions, in the same order, as `compile()` and the CLI.
 * The first round is cold (as in `eventc generate`); later rounds show the JIT-warm cost.
 *
 *   node bench/compile/phases.ts --events 10000 [--rounds 3]    (with --import tsx)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { writeSyntheticSpecs } from "../synthetic/write-spec.js";
import { measureNode } from "./measure-process.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = (path: string) => pathToFileURL(join(repoRoot, "dist", path)).href;

/** Wall and CPU (user + system, this process) milliseconds of one phase. */
export interface PhaseTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function measure<T>(run: () => T): { result: T; time: PhaseTime } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, time: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

/**
 * What loading the compiler costs a fresh process: node start plus importing everything
 * `eventc generate` imports, in a plain `node` (this script runs under tsx, whose loader
 * hooks would inflate the number).
 */
async function measureModuleLoading(): Promise<PhaseTime> {
  const code = `await import(${JSON.stringify(dist("compiler/cli/compile-specs.js"))}); await import(${JSON.stringify(dist("compiler/io/write-outputs.js"))}); await import("yargs");`;
  const m = await measureNode(["--input-type=module", "-e", code], { cwd: repoRoot });
  if (m.exitCode !== 0) throw new Error(`loading the compiler failed:\n${m.stderr}`);
  return { wallMs: m.wallMs, cpuMs: m.cpuMs ?? Number.NaN };
}

/** Imports the built phase modules. */
async function loadPhases() {
  const [parseModule, loadModule, programModule, checksModule, modelModule, generateModule, writeModule, compileModule] = await Promise.all([
    import(dist("grammar/parse.js")),
    import(dist("compiler/resolve/load-files.js")),
    import(dist("compiler/resolve/program.js")),
    import(dist("compiler/checks/index.js")),
    import(dist("compiler/build-model.js")),
    import(dist("compiler/generate/index.js")),
    import(dist("compiler/io/write-outputs.js")),
    import(dist("compiler/compile.js")),
  ]);
  return {
    load: await measureModuleLoading(),
    parse: parseModule.parse,
    loadFiles: loadModule.loadFiles,
    resolveProgram: programModule.resolveProgram,
    runChecks: checksModule.runChecks,
    buildModel: modelModule.buildModel,
    generate: generateModule.generate,
    writeOutputs: writeModule.writeOutputs,
    readFileFromDisk: compileModule.readFileFromDisk,
  };
}

type Phases = Awaited<ReturnType<typeof loadPhases>>;

function round(phases: Phases, files: readonly string[], outDir: string): { times: Record<string, PhaseTime>; diagnostics: number; outputs: number } {
  const times: Record<string, PhaseTime> = {};
  const time = <T>(name: string, run: () => T): T => {
    const { result, time: spent } = measure(run);
    times[name] = spent;
    return result;
  };
  const loaded = time("read + parse", () => phases.loadFiles(files, phases.readFileFromDisk, phases.parse));
  const program = time("resolve", () => phases.resolveProgram(loaded.files));
  const diagnostics = time("check", () => phases.runChecks(program));
  const model = time("build model", () => phases.buildModel(program));
  const outputs = time("generate", () => phases.generate(model, { rootDir: dirname(files[0] ?? ".") }));
  time("write", () => phases.writeOutputs(outDir, outputs));
  const syntax = (loaded.files as readonly { syntaxProblems: readonly unknown[] }[]).reduce((n, f) => n + f.syntaxProblems.length, 0);
  return { times, diagnostics: loaded.diagnostics.length + syntax + diagnostics.length, outputs: outputs.length };
}

export async function measurePhases(events: number, rounds: number, namespaces = 10, seed = 1): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "eventc-bench-phases-"));
  try {
    const written = await writeSyntheticSpecs({ events, namespaces, seed, dir: join(work, "specs") });
    const phases = await loadPhases();
    const results = [];
    for (let r = 0; r < rounds; r++) {
      await rm(join(work, "out"), { recursive: true, force: true });
      results.push(round(phases, written.files, join(work, "out")));
    }
    const names = Object.keys(results[0]?.times ?? {});
    const cell = (t: PhaseTime | undefined) => (t === undefined ? "–" : `${t.wallMs.toFixed(0)} / ${t.cpuMs.toFixed(0)}`);
    const total = (times: Record<string, PhaseTime>): PhaseTime =>
      Object.values(times).reduce((a, b) => ({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs }), { wallMs: 0, cpuMs: 0 });
    const header = `| phase (${events.toLocaleString("en-US")} events), wall / CPU ms | ${results.map((_, i) => (i === 0 ? "cold" : `warm ${i}`)).join(" | ")} |`;
    const lines = [header, `| --- | ${results.map(() => "---:").join(" | ")} |`];
    lines.push(`| node start + load compiler modules (separate process) | ${[cell(phases.load), ...results.slice(1).map(() => "–")].join(" | ")} |`);
    for (const name of names) lines.push(`| ${name} | ${results.map((r) => cell(r.times[name])).join(" | ")} |`);
    lines.push(`| total of the phases (without loading) | ${results.map((r) => cell(total(r.times))).join(" | ")} |`);
    const first = results[0];
    if (first && first.diagnostics > 0) lines.push("", `(the spec produced ${first.diagnostics} diagnostics: the numbers are not a clean generate)`);
    return lines.join("\n");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { events: { type: "string", default: "10000" }, rounds: { type: "string", default: "3" } } });
  console.log(await measurePhases(Number(values.events), Number(values.rounds)));
}
