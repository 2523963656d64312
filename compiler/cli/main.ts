#!/usr/bin/env node
/**
 * The `eventc` command: wiring only. Every command maps its flags onto the programmatic API
 * (compile, writeOutputs, the evolution and log functions) and turns results into exit codes:
 * 0 success, 1 any error diagnostic, 2 bad usage. User mistakes never print a stack trace.
 */
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { Diagnostics } from "../diagnostics/catalogue/index.js";
import { renderSummary } from "../report/index.js";
import { checkAgainstOptions, compileForEvolution, runCheckAgainst } from "./commands/check-against.js";
import type { CommandIo } from "./commands/evolution-output.js";
import { generateLockOptions, lockOptions, runLock } from "./commands/lock.js";
import { logCommand } from "./commands/log.js";
import { exportCommand } from "./commands/export.js";
import { docsCommand } from "./commands/docs.js";
import { fmtCommand } from "./commands/fmt.js";
import { initCommand } from "./commands/init.js";
import { lspCommand } from "./commands/lsp.js";
import { compileSpecs } from "./compile-specs.js";
import { printDiagnostics, runGenerate, watchGenerate } from "./commands/generate.js";

type Format = "text" | "json";

interface SpecArgs {
  paths?: string[];
  config?: string;
  format: Format;
}

const io: CommandIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Colours only on a terminal, and never with NO_COLOR (https://no-color.org). */
const useColor = (): boolean => process.stderr.isTTY === true && !("NO_COLOR" in process.env && process.env["NO_COLOR"] !== "");

const specOptions = <T>(y: Argv<T>) =>
  y
    .positional("paths", { type: "string", array: true, describe: "Spec files or folders (searched for *.events); default: \"specs\" in eventc.config.json, or the current folder" })
    .option("config", { type: "string", describe: "Config file (default: eventc.config.json in the current folder, if any)" })
    .option("format", { choices: ["text", "json"] as const, default: "text" as Format, describe: "Diagnostics as text with code frames, or as JSON" });

async function main(argv: readonly string[]): Promise<void> {
  await yargs(argv)
    .scriptName("eventc")
    .usage("$0 <command> [options]\n\nCompile .events specs to typed TypeScript, and inspect event logs.")
    .command(
      "generate [paths..]",
      "Generate TypeScript modules (one per namespace) from .events specs",
      (y) =>
        generateLockOptions(
          specOptions(y).option("out", { type: "string", alias: "o", describe: "Output folder (default: \"out\" in eventc.config.json, or ./generated)" }),
        )
          .example("$0 generate specs --out src/generated", "Generate from every *.events file under specs/")
          .example("$0 generate", "Use the specs and out folder of eventc.config.json")
          .option("watch", { type: "boolean", alias: "w", default: false, describe: "Keep running: regenerate on every change of a spec, an import or the config" })
          .example("$0 generate specs --out gen --update-lock", "Also update events.lock.json")
          .example("$0 generate specs --out gen --watch", "Regenerate on every save; errors are printed and watching goes on"),
      (args) => {
        const a = args as unknown as SpecArgs & { out?: string; lock?: string; updateLock: boolean; watch: boolean };
        const request = {
          cwd: process.cwd(),
          ...specRequest(a),
          ...(a.out !== undefined ? { out: a.out } : {}),
          ...(a.lock !== undefined ? { lock: a.lock } : {}),
          updateLock: a.updateLock,
          format: a.format,
          color: useColor(),
        };
        if (!a.watch) {
          process.exitCode = runGenerate(request, io).exitCode;
          return;
        }
        const watcher = watchGenerate(request, io);
        process.once("SIGINT", () => void watcher.close().then(() => process.exit(0)));
        process.once("SIGTERM", () => void watcher.close().then(() => process.exit(0)));
      },
    )
    .command(
      "check [paths..]",
      "Report diagnostics without generating; with --against, also breaking changes",
      (y) =>
        checkAgainstOptions(specOptions(y))
          .example("$0 check specs", "Check every *.events file under specs/")
          .example("$0 check specs --format json", "Diagnostics as JSON, for editors and CI"),
      (args) => {
        const a = args as unknown as SpecArgs & { against?: string; againstGit?: string; verbose: boolean };
        const compiled = compileSpecs({ cwd: process.cwd(), generate: false, ...specRequest(a) });
        if ((a.against !== undefined || a.againstGit !== undefined) && compiled.result) {
          process.exitCode = runCheckAgainst(
            { diagnostics: compiled.diagnostics, sources: compiled.result.sources, ...(compiled.result.model ? { model: compiled.result.model } : {}) },
            {
              ...(a.against !== undefined ? { against: a.against } : {}),
              ...(a.againstGit !== undefined ? { againstGit: a.againstGit } : {}),
              verbose: a.verbose,
              format: a.format,
              color: useColor(),
            },
            compileForEvolution,
            io,
          );
          return;
        }
        const failed = printDiagnostics(compiled.diagnostics, compiled, { cwd: process.cwd(), format: a.format, color: useColor() }, io);
        if (!failed && a.format === "text") io.out(`No problems found (${renderSummary(compiled.diagnostics)}).\n`);
        process.exitCode = failed ? 1 : 0;
      },
    )
    .command(
      "lock [paths..]",
      "Write events.lock.json: the schema and fingerprint of every event version",
      (y) => lockOptions(specOptions(y)),
      (args) => {
        const a = args as unknown as SpecArgs & { lock?: string; force: boolean; verbose: boolean };
        const compiled = compileSpecs({ cwd: process.cwd(), generate: false, ...specRequest(a), ...(a.lock !== undefined ? { lock: a.lock } : {}) });
        if (!compiled.options || !compiled.result) {
          process.exitCode = printDiagnostics(compiled.diagnostics, compiled, { cwd: process.cwd(), format: a.format, color: useColor() }, io) ? 1 : 0;
          return;
        }
        process.exitCode = runLock(
          { diagnostics: compiled.diagnostics, sources: compiled.result.sources, ...(compiled.result.model ? { model: compiled.result.model } : {}) },
          { lock: compiled.options.lock, force: a.force, verbose: a.verbose, format: a.format, color: useColor() },
          io,
        );
      },
    )
    .command(logCommand)
    .command(exportCommand)
    .command(docsCommand)
    .command(fmtCommand)
    .command(initCommand)
    .command(lspCommand)
    .demandCommand(1, "Choose a command: generate, check, lock or log.")
    .strict()
    .help()
    .alias("help", "h")
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      // Bad usage: say what is wrong and how to get help, exit 2. Errors thrown by handlers land here too.
      if (error && !(error instanceof Error && error.name === "YError")) {
        io.err(`error EV9009: eventc failed internally: ${reasonOf(error)}. This is a bug in eventc; please report it.\n`);
        process.exit(1);
      }
      io.err(`error ${Diagnostics.InvalidUsage.code}: ${message ?? reasonOf(error)}\nRun "eventc --help" (or "eventc <command> --help") for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}

function specRequest(a: SpecArgs): { paths?: string[]; config?: string } {
  return { ...(a.paths !== undefined ? { paths: a.paths } : {}), ...(a.config !== undefined ? { config: a.config } : {}) };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main(hideBin(process.argv)).catch((error: unknown) => {
  io.err(`error EV9009: eventc failed internally: ${reasonOf(error)}. This is a bug in eventc; please report it.\n`);
  process.exitCode = 1;
});
