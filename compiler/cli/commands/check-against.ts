/**
 * `eventc check [paths..] --against events.lock.json | --against-git REF:path [--verbose]`:
 * the breaking-change check of the current specs against a lock file or the specs at a git
 * revision. Plain functions over the compiled specs and an output sink; the CLI's `check`
 * command calls `runCheckAgainst` when either option is given.
 */
import { relative } from "node:path";
import type { Argv } from "yargs";
import { compile } from "../../compile.js";
import { checkAgainst, type AgainstSource, type CompileSpecs } from "../../evolution/check-against.js";
import { exitCodeOf, printReport, type CommandIo, type CompiledSpecs, type OutputFormat } from "./evolution-output.js";

export interface CheckAgainstOptions {
  /** Absolute path of a lock file. Exactly one of `against` and `againstGit`. */
  readonly against?: string;
  /** `REF:path`. */
  readonly againstGit?: string;
  readonly verbose?: boolean;
  readonly format?: OutputFormat;
  readonly cwd?: string;
  readonly color?: boolean;
}

/**
 * Prints the current specs' own diagnostics and the evolution diagnostics; returns the exit
 * code (1 on any error). `compile` reads old specs for `--against-git`.
 */
export function runCheckAgainst(specs: CompiledSpecs, options: CheckAgainstOptions, compile: CompileSpecs, io: CommandIo): 0 | 1 {
  const cwd = options.cwd ?? process.cwd();
  const print = {
    format: options.format ?? "text",
    verbose: options.verbose ?? false,
    cwd,
    ...(options.color !== undefined ? { color: options.color } : {}),
  } as const;
  const target = options.against !== undefined ? relative(cwd, options.against) || options.against : options.againstGit ?? "";
  if (!specs.model || exitCodeOf(specs.diagnostics) === 1) {
    printReport(io, specs.diagnostics, [], `Not compared with ${target}: the specs have errors`, { ...print, ...(specs.sources ? { sources: specs.sources } : {}) });
    return 1;
  }
  const source: AgainstSource =
    options.against !== undefined ? { lock: options.against } : { git: options.againstGit ?? "", cwd, compile };
  const result = checkAgainst(specs.model, source);
  const diagnostics = [...specs.diagnostics, ...result.diagnostics];
  const sources = new Map([...(specs.sources ?? new Map<string, string>()), ...result.oldSources]);
  const breaking = result.diagnostics.filter((d) => d.severity === "error").length;
  const summary =
    breaking > 0
      ? `Breaking changes against ${target}`
      : `No breaking changes against ${target}${result.compatible.length > 0 ? ` (${result.compatible.length} compatible change(s)${print.verbose ? "" : "; --verbose lists them"})` : ""}`;
  printReport(io, diagnostics, result.compatible, summary, { ...print, sources, displayPath: result.displayPath });
  return exitCodeOf(diagnostics);
}

/** Compiles old specs (read from git) without generating code. */
export const compileForEvolution: CompileSpecs = (files, readFile) => {
  const result = compile({ files, ...(readFile ? { readFile } : {}), generate: false });
  return { diagnostics: result.diagnostics, ...(result.model ? { model: result.model } : {}) };
};

/** yargs options `eventc check` gets for the breaking-change check. */
export function checkAgainstOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("against", { type: "string", describe: "Lock file to check the specs against (breaking changes are errors)" })
    .option("against-git", { type: "string", describe: "Check against the specs at a git revision: REF:path (e.g. main:specs)" })
    .conflicts("against", "against-git")
    .option("verbose", { type: "boolean", default: false, describe: "Also list the compatible changes" })
    .example("$0 check specs/ --against events.lock.json", "Fail on changes that break events in the lock file")
    .example("$0 check specs/ --against-git origin/main:specs --verbose", "Compare with the specs on main, listing compatible changes");
}
