/**
 * Runs a child process and measures what the benchmark reports: wall time from spawn to exit
 * and peak resident set size. RSS comes from GNU time (`/usr/bin/time -f %M`) when installed,
 * otherwise from a preload that records `process.resourceUsage().maxRSS` at exit (node only).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProcessMeasurement {
  readonly wallMs: number;
  /** Peak RSS in kilobytes; undefined when it could not be measured. */
  readonly maxRssKb: number | undefined;
  /**
   * User + system CPU time of the child. On a shared machine wall time includes waiting for
   * a core; CPU time shows the work itself.
   */
  readonly cpuMs: number | undefined;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = "/usr/bin/time";

export type RssSource = "gnu-time" | "node-preload";

export function rssSource(): RssSource {
  return existsSync(GNU_TIME) ? "gnu-time" : "node-preload";
}

const PRELOAD = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const target = process.env.EVENTC_BENCH_USAGE_FILE;
  if (target) {
    const usage = process.resourceUsage();
    writeFileSync(target, usage.maxRSS + " " + usage.userCPUTime / 1e6 + " " + usage.systemCPUTime / 1e6);
  }
});
`;

/**
 * Measures `node <nodeArgs...>`. Node is spawned directly (or under GNU time) so the wall
 * time covers process start, module loading, the work and exit.
 */
export async function measureNode(nodeArgs: readonly string[], options: { readonly cwd?: string } = {}): Promise<ProcessMeasurement> {
  const scratch = await mkdtemp(join(tmpdir(), "eventc-bench-usage-"));
  const usageFile = join(scratch, "rss");
  try {
    let command: string;
    let args: string[];
    const env = { ...process.env };
    if (rssSource() === "gnu-time") {
      command = GNU_TIME;
      args = ["-f", "%M %U %S", "-o", usageFile, process.execPath, ...nodeArgs];
    } else {
      const preload = join(scratch, "rss-preload.mjs");
      await writeFile(preload, PRELOAD);
      command = process.execPath;
      args = ["--import", preload, ...nodeArgs];
      env.EVENTC_BENCH_USAGE_FILE = usageFile;
    }
    const started = process.hrtime.bigint();
    const { exitCode, stdout, stderr } = await run(command, args, options.cwd, env);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    let maxRssKb: number | undefined;
    let cpuMs: number | undefined;
    try {
      // "<maxRSS kB> <user s> <system s>"; GNU time writes "Command exited with non-zero status N" before it on failure.
      const lines = (await readFile(usageFile, "utf8")).trim().split("\n");
      const [rss, user, system] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
      maxRssKb = rss !== undefined && Number.isFinite(rss) && rss > 0 ? rss : undefined;
      cpuMs = user !== undefined && system !== undefined && Number.isFinite(user + system) ? (user + system) * 1000 : undefined;
    } catch {
      maxRssKb = undefined;
    }
    return { wallMs, maxRssKb, cpuMs, exitCode, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: readonly string[],
  cwd: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
