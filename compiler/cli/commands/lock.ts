/**
 * `eventc lock [paths..] [--lock PATH] [--force]`: writes the lock file (events.lock.json) for
 * the specs, after checking them against the lock it replaces; and the lock step of
 * `eventc generate` (`--update-lock`, or a staleness warning without it).
 *
 * The logic is in plain functions taking the compiled specs and an output sink (tested
 * directly); the CLI's shared compile step and option handling call them.
 */
import { relative } from "node:path";
import type { Argv } from "yargs";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Model } from "../../model.js";
import { checkLockFreshness, updateLock } from "../../evolution/update-lock.js";
import { exitCodeOf, printReport, type CommandIo, type CompiledSpecs, type OutputFormat } from "./evolution-output.js";

export interface LockCommandOptions {
  /** Absolute path of the lock file (EventcOptions.lock). */
  readonly lock: string;
  readonly force?: boolean;
  readonly verbose?: boolean;
  readonly format?: OutputFormat;
  readonly cwd?: string;
  readonly color?: boolean;
}

/** `eventc lock`. Returns the exit code: 0 written or up to date, 1 errors in the specs or breaking changes. */
export function runLock(specs: CompiledSpecs, options: LockCommandOptions, io: CommandIo): 0 | 1 {
  const cwd = options.cwd ?? process.cwd();
  const print = (diagnostics: readonly Diagnostic[], compatible: readonly string[], summary: string) =>
    printReport(io, diagnostics, compatible, summary, {
      format: options.format ?? "text",
      verbose: options.verbose ?? false,
      cwd,
      ...(specs.sources ? { sources: specs.sources } : {}),
      ...(options.color !== undefined ? { color: options.color } : {}),
    });
  const shown = relative(cwd, options.lock) || options.lock;
  if (!specs.model || exitCodeOf(specs.diagnostics) === 1) {
    print(specs.diagnostics, [], `${shown} not written: the specs have errors`);
    return 1;
  }
  const result = updateLock(specs.model, options.lock, { force: options.force ?? false });
  const diagnostics = [...specs.diagnostics, ...result.diagnostics];
  const summary =
    result.status === "written"
      ? `Wrote ${shown}${options.force && result.diagnostics.length > 0 ? " (forced over breaking changes)" : ""}`
      : result.status === "unchanged"
        ? `${shown} is up to date`
        : `${shown} not written`;
  print(diagnostics, result.compatible, summary);
  return result.status === "refused" ? 1 : exitCodeOf(diagnostics);
}

/**
 * The lock step of `eventc generate`, after a successful generation: with `--update-lock`, update
 * the lock like `eventc lock` (refusing breaking changes); without it, never write, only warn
 * when an existing lock is out of date. Returns diagnostics to print with generate's own and a
 * line to print on success (or nothing).
 */
export function generateLockStep(
  model: Model,
  options: { readonly lock: string; readonly updateLock: boolean; readonly force?: boolean; readonly cwd?: string },
): { readonly diagnostics: readonly Diagnostic[]; readonly message?: string } {
  const shown = relative(options.cwd ?? process.cwd(), options.lock) || options.lock;
  if (!options.updateLock) return { diagnostics: checkLockFreshness(model, options.lock) };
  const result = updateLock(model, options.lock, { force: options.force ?? false });
  if (result.status === "written") return { diagnostics: result.diagnostics, message: `Updated ${shown}` };
  return { diagnostics: result.diagnostics };
}

/** yargs options of `eventc lock` (besides the shared `paths`, `--config` and `--format`). */
export function lockOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("lock", { type: "string", describe: "Lock file to write (default: events.lock.json, or \"lock\" in eventc.config.json)" })
    .option("force", {
      type: "boolean",
      default: false,
      describe: "Write even over breaking changes (only for events that were never published)",
    })
    .option("verbose", { type: "boolean", default: false, describe: "List the compatible changes since the previous lock" })
    .example("$0 lock specs/", "Write events.lock.json for the specs in specs/")
    .example("$0 lock specs/ --lock specs/events.lock.json", "Write the lock file next to the specs")
    .example("$0 lock --force", "Accept breaking changes (nothing was published yet)");
}

/** yargs options `eventc generate` gets for the lock file. */
export function generateLockOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("update-lock", { type: "boolean", default: false, describe: "Also update the lock file (refuses breaking changes)" })
    .option("lock", { type: "string", describe: "Lock file (default: events.lock.json, or \"lock\" in eventc.config.json)" });
}
