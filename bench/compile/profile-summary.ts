/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) into where the time went: by area
 * of the code base (grammar, compiler phases, each node_modules package, node internals,
 * GC), by function (self and inclusive time), and which heavy packages were loaded at all.
 *
 *   node --import tsx bench/compile/profile-summary.ts <file.cpuprofile>
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Time per compiler phase (see PHASES), descending. */
  readonly phases: readonly { readonly phase: string; readonly ms: number }[];
  /** Self time per area, descending. */
  readonly areas: readonly { readonly area: string; readonly ms: number }[];
  readonly selfByFunction: readonly { readonly name: string; readonly ms: number }[];
  readonly inclusiveByFunction: readonly { readonly name: string; readonly ms: number }[];
  /** Packages from node_modules that ran any code. */
  readonly packages: readonly string[];
}

/**
 * Compiler phases by the function that runs them (name and file), as called by `compile()`
 * and the CLI. A sample belongs to the deepest phase function on its stack; samples under
 * none of them are module loading (node's module loader or a module's top-level code),
 * GC, or "other" (CLI wiring, yargs, process start and exit).
 */
const PHASES: readonly { readonly phase: string; readonly functionName: string; readonly file: RegExp }[] = [
  { phase: "read + parse", functionName: "loadFiles", file: /\/resolve\/load-files\.js$/ },
  { phase: "resolve", functionName: "resolveProgram", file: /\/resolve\/program\.js$/ },
  { phase: "check", functionName: "runChecks", file: /\/checks\/index\.js$/ },
  { phase: "build model", functionName: "buildModel", file: /\/build-model\.js$/ },
  { phase: "generate", functionName: "generate", file: /\/generate\/index\.js$/ },
  { phase: "write", functionName: "writeOutputs", file: /\/io\/write-outputs\.js$/ },
  { phase: "print diagnostics", functionName: "renderText", file: /\/report\/render-text\.js$/ },
  // Matched only when no phase above is deeper on the stack: yargs parsing and the command wiring.
  { phase: "CLI wiring (yargs)", functionName: "main", file: /\/cli\/main\.js$/ },
];

function phaseOfFrame(node: ProfileNode): string | undefined {
  const { functionName, url } = node.callFrame;
  for (const p of PHASES) if (p.functionName === functionName && p.file.test(url)) return p.phase;
  if (url.startsWith("node:internal/modules/")) return "module loading";
  return undefined;
}

/** Which part of the system a script URL belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (url === "") {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "V8 (compile, native)";
    return "native";
  }
  if (url.startsWith("node:")) return "node internals (module loader, fs, ...)";
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  const own = /\/(?:dist\/)?(grammar|compiler|runtime)\/(?:([^/]+)\/)?/.exec(url);
  if (own) {
    const sub = own[2] !== undefined && !own[2].includes(".") ? `/${own[2]}` : "";
    return `${own[1]}${sub}`;
  }
  return url;
}

function label(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^.*\/(node_modules\/|dist\/)?/, (_, prefix: string | undefined) => prefix ?? "");
  return `${node.callFrame.functionName || "(top level)"} ${file}:${node.callFrame.lineNumber + 1}`;
}

export function summarizeProfile(profile: CpuProfile, top = 20): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const areas = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packages = new Set<string>();
  const phases = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((sampleId, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(sampleId);
    if (!node) return;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    let phase: string | undefined;
    let topLevelCode = false;
    for (let id: number | undefined = sampleId; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id);
      if (!frame) break;
      phase ??= phaseOfFrame(frame);
      // A module body runs as an anonymous function called by node's module loader.
      if (frame.callFrame.functionName === "" && frame.callFrame.url !== "") topLevelCode = true;
      const name = label(frame);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
    if (phase === undefined) {
      const fn = node.callFrame.functionName;
      phase = fn === "(garbage collector)" ? "GC (outside any phase)" : fn === "(idle)" ? "idle" : topLevelCode ? "module loading" : "other (process start/exit, native)";
    }
    phases.set(phase, (phases.get(phase) ?? 0) + ms);
  });
  for (const node of profile.nodes) {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(node.callFrame.url);
    if (pkg?.[1] !== undefined) packages.add(pkg[1]);
  }
  const sorted = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms }));
  return {
    totalMs,
    phases: sorted(phases, 50).map(({ name, ms }) => ({ phase: name, ms })),
    areas: sorted(areas, 50).map(({ name, ms }) => ({ area: name, ms })),
    selfByFunction: sorted(self, top),
    inclusiveByFunction: sorted(inclusive, top),
    packages: [...packages].sort(),
  };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const pct = (value: number) => `${((100 * value) / summary.totalMs).toFixed(1)}%`;
  const lines = [`Sampled time: ${ms(summary.totalMs)}`, "", "| phase (inclusive; GC inside a phase counts to it) | ms | share |", "| --- | ---: | ---: |"];
  for (const { phase, ms: t } of summary.phases) lines.push(`| ${phase} | ${t.toFixed(0)} | ${pct(t)} |`);
  lines.push("", "| area (self time) | ms | share |", "| --- | ---: | ---: |");
  for (const { area, ms: t } of summary.areas) lines.push(`| ${area} | ${t.toFixed(0)} | ${pct(t)} |`);
  lines.push("", "| function (inclusive) | ms | share |", "| --- | ---: | ---: |");
  for (const { name, ms: t } of summary.inclusiveByFunction) lines.push(`| \`${name}\` | ${t.toFixed(0)} | ${pct(t)} |`);
  lines.push("", "| function (self) | ms | share |", "| --- | ---: | ---: |");
  for (const { name, ms: t } of summary.selfByFunction) lines.push(`| \`${name}\` | ${t.toFixed(0)} | ${pct(t)} |`);
  lines.push("", `Packages that ran code: ${summary.packages.join(", ") || "(none)"}`);
  // A normal generate must not pay for the TypeScript compiler (ts-morph is for tests and tools).
  const heavy = summary.packages.filter((p) => p === "typescript" || p === "ts-morph" || p.startsWith("@ts-morph/"));
  lines.push(heavy.length > 0 ? `WARNING: the TypeScript compiler was loaded (${heavy.join(", ")})` : "TypeScript / ts-morph loaded: no");
  return lines.join("\n");
}

export async function readProfile(path: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(path, "utf8")) as CpuProfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2];
  if (path === undefined) {
    console.error("usage: profile-summary.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  if (!Number.isInteger(top) || top < 1) {
    console.error(`top must be a positive integer, got "${process.argv[3]}"`);
    process.exit(2);
  }
  console.log(formatProfileSummary(summarizeProfile(await readProfile(path), top)));
}
