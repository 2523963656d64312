/**
 * `eventc fmt [paths..] [--check]`: rewrite `.events` files in the canonical layout
 * (docs/formatting.md). Only files whose text changes are written; files with syntax errors
 * are reported and left alone. With `--check`, nothing is written: the files that would
 * change are listed and the exit code is 1 if there are any (for CI).
 *
 * The logic is `runFmt`, a plain function over an output sink; `fmtCommand` maps yargs onto it.
 */
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadConfig } from "../../config/load-config.js";
import { normalizeOptions } from "../../config/options.js";
import { formatSpec } from "../../format/index.js";
import { collectSpecFiles } from "../../io/collect-spec-files.js";
import { renderSummary, renderText } from "../../report/index.js";
import type { CommandIo } from "./evolution-output.js";

export interface FmtOptions {
  readonly cwd: string;
  /** Files or folders (searched for `*.events`); default: the specs of `eventc.config.json`, or `cwd`. */
  readonly paths?: readonly string[];
  readonly config?: string;
  /** List the files that would change instead of writing them. */
  readonly check: boolean;
  readonly color?: boolean;
}

export interface FmtRun {
  readonly exitCode: 0 | 1;
  /** Absolute paths of files that were rewritten (or, with `check`, would be). */
  readonly changed: readonly string[];
  /** Absolute paths of files already in canonical form. */
  readonly unchanged: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function runFmt(options: FmtOptions, io: CommandIo): FmtRun {
  const show = (path: string) => relative(options.cwd, path) || path;
  const loaded = loadConfig(options.cwd, options.config);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const changed: string[] = [];
  const unchanged: string[] = [];
  const sources = new Map<string, string>();

  if (diagnostics.length === 0) {
    const paths = normalizeOptions(options.paths !== undefined ? { paths: options.paths } : {}, loaded.config, loaded.dir, options.cwd).paths;
    const collected = collectSpecFiles(paths);
    for (const missing of collected.missing) diagnostics.push(createDiagnostic(Diagnostics.FileNotFound, undefined, { path: show(missing) }));
    if (collected.missing.length === 0 && collected.files.length === 0) {
      diagnostics.push(createDiagnostic(Diagnostics.NoSpecFiles, undefined, { paths: paths.map((p) => `"${show(p) || "."}"`).join(", ") }));
    }
    for (const file of collected.files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        diagnostics.push(createDiagnostic(Diagnostics.FileUnreadable, undefined, { path: show(file), reason: reasonOf(error) }));
        continue;
      }
      sources.set(file, text);
      const result = formatSpec(text, file);
      if ("diagnostics" in result) {
        diagnostics.push(...result.diagnostics);
        continue;
      }
      if (result.text === text) {
        unchanged.push(file);
        continue;
      }
      if (!options.check) {
        try {
          replaceFile(file, result.text);
        } catch (error) {
          diagnostics.push(createDiagnostic(Diagnostics.OutputUnwritable, undefined, { path: show(file), reason: reasonOf(error) }));
          continue;
        }
      }
      changed.push(file);
    }
  }

  if (diagnostics.length > 0) {
    io.err(renderText(diagnostics, { sources, displayPath: show, color: options.color ?? false }));
    io.err(`${renderSummary(diagnostics)}\n`);
  }
  for (const file of changed) io.out(`${show(file)}\n`);
  const total = changed.length + unchanged.length;
  if (total > 0) io.out(`${summary(options.check, changed.length, unchanged.length)}\n`);
  const failed = hasErrors(diagnostics) || (options.check && changed.length > 0);
  return { exitCode: failed ? 1 : 0, changed, unchanged, diagnostics };
}

/**
 * `eventc fmt --stdin`: for editors that format through a command. The formatted text goes to
 * stdout; a text with syntax errors gets its diagnostics on stderr, nothing on stdout, exit 1.
 * With `check`, nothing is printed on stdout and the exit code says whether the text is formatted.
 */
export function runFmtText(text: string, options: { readonly path: string; readonly check: boolean; readonly color?: boolean }, io: CommandIo): 0 | 1 {
  const result = formatSpec(text, options.path);
  if ("diagnostics" in result) {
    io.err(renderText(result.diagnostics, { sources: new Map([[options.path, text]]), color: options.color ?? false }));
    io.err(`${renderSummary(result.diagnostics)}\n`);
    return hasErrors(result.diagnostics) ? 1 : 0;
  }
  if (options.check) return result.text === text ? 0 : 1;
  io.out(result.text);
  return 0;
}

function summary(check: boolean, changed: number, unchanged: number): string {
  const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  if (check) {
    return changed === 0
      ? `All ${files(unchanged)} formatted.`
      : `${files(changed)} not formatted (listed above), ${unchanged} formatted. Run "eventc fmt" to format them.`;
  }
  return `Formatted ${files(changed)}, ${unchanged} already formatted.`;
}

/**
 * Writes next to the file and renames over it, so that a crash or a full disk never leaves a
 * half-written spec behind; the file keeps its permissions, and a symbolic link stays a link
 * (the file it points to is replaced).
 */
function replaceFile(link: string, text: string): void {
  const path = realpathSync(link);
  const temporary = `${path}.${process.pid}.fmt-tmp`;
  try {
    writeFileSync(temporary, text, "utf8");
    chmodSync(temporary, statSync(path).mode & 0o7777);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface FmtArgs {
  paths?: string[];
  config?: string;
  check: boolean;
  stdin: boolean;
  stdinPath: string;
}

/** Colours only on a terminal, and never with NO_COLOR (https://no-color.org). */
const useColor = (): boolean => process.stderr.isTTY === true && !("NO_COLOR" in process.env && process.env["NO_COLOR"] !== "");

export const fmtCommand: CommandModule<object, FmtArgs> = {
  command: "fmt [paths..]",
  describe: "Format .events files in the canonical layout (--check: only list files that would change)",
  builder: (y: Argv) =>
    y
      .positional("paths", { type: "string", array: true, describe: "Spec files or folders (searched for *.events); default: \"specs\" in eventc.config.json, or the current folder" })
      .option("config", { type: "string", describe: "Config file (default: eventc.config.json in the current folder, if any)" })
      .option("check", { type: "boolean", default: false, describe: "Write nothing; list the files that are not formatted and exit 1 if there are any" })
      .option("stdin", { type: "boolean", default: false, describe: "Format the text on stdin and print it on stdout (for editors); no paths" })
      .option("stdin-path", { type: "string", default: "<stdin>", describe: "With --stdin: the file name used in diagnostics" })
      .example("$0 fmt specs", "Format every *.events file under specs/ (only changed files are written)")
      .example("$0 fmt --check", "In CI: fail when a spec is not formatted") as unknown as Argv<FmtArgs>,
  handler: async (args) => {
    const io: CommandIo = { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) };
    if (args.stdin && args.paths !== undefined && args.paths.length > 0) {
      io.err(`error ${Diagnostics.InvalidUsage.code}: --stdin reads the text to format from stdin: give no paths with it.\nRun "eventc fmt --help" for usage.\n`);
      process.exitCode = 2;
      return;
    }
    if (args.stdin) {
      process.exitCode = runFmtText(await readStdin(), { path: args.stdinPath, check: args.check, color: useColor() }, io);
      return;
    }
    const run = runFmt(
      {
        cwd: process.cwd(),
        ...(args.paths !== undefined ? { paths: args.paths } : {}),
        ...(args.config !== undefined ? { config: args.config } : {}),
        check: args.check,
        color: useColor(),
      },
      io,
    );
    process.exitCode = run.exitCode;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
