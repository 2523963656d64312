/**
 * `eventc export asyncapi|jsonschema [paths..]`: the specs for other tools. `asyncapi` writes
 * one AsyncAPI 3.0 document (to --out, or stdout); `jsonschema` writes one JSON Schema per event
 * version into --out. The logic is `runExport` (tested directly); `exportCommand` is the wiring.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { exportAsyncApi } from "../../export/asyncapi.js";
import { exportJsonSchemas } from "../../export/json-schema.js";
import { writeOutputs } from "../../io/write-outputs.js";
import { compileSpecs } from "../compile-specs.js";
import type { CommandIo } from "./evolution-output.js";
import { printDiagnostics } from "./generate.js";

export type ExportTarget = "asyncapi" | "jsonschema";

export interface ExportRequest {
  readonly target: ExportTarget;
  readonly cwd: string;
  readonly paths?: readonly string[];
  readonly config?: string;
  /** asyncapi: a file (default: stdout); jsonschema: a folder (required). */
  readonly out?: string;
  readonly format: "text" | "json";
  readonly color: boolean;
}

/** Compiles the specs and writes the export. Returns the exit code: 0, 1 (errors) or 2 (bad usage). */
export function runExport(request: ExportRequest, io: CommandIo): 0 | 1 | 2 {
  if (request.target === "jsonschema" && request.out === undefined) {
    io.err(`error ${Diagnostics.InvalidUsage.code}: eventc export jsonschema needs --out DIR (one file per event version is written there).\n`);
    return 2;
  }
  const compiled = compileSpecs({
    cwd: request.cwd,
    generate: false,
    ...(request.paths !== undefined ? { paths: [...request.paths] } : {}),
    ...(request.config !== undefined ? { config: request.config } : {}),
  });
  const diagnostics: Diagnostic[] = [...compiled.diagnostics];
  const model = compiled.result?.model;
  let summary: string | undefined;
  let document: string | undefined;
  if (model !== undefined && !hasErrors(diagnostics)) {
    const out = request.out === undefined ? undefined : resolve(request.cwd, request.out);
    const shown = out === undefined ? "" : relative(request.cwd, out) || ".";
    try {
      if (request.target === "asyncapi") {
        const text = `${JSON.stringify(exportAsyncApi(model), null, 2)}\n`;
        if (out === undefined) document = text;
        else {
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, text);
          summary = `Wrote the AsyncAPI 3.0 document to ${shown}.`;
        }
      } else if (out !== undefined) {
        const files = exportJsonSchemas(model);
        const written = writeOutputs(out, files);
        summary = `Exported ${files.length} JSON Schema(s) in ${shown}: ${written.written.length} written, ${written.unchanged.length} unchanged.`;
      }
    } catch (error) {
      diagnostics.push(createDiagnostic(Diagnostics.OutputUnwritable, undefined, { path: request.out ?? "", reason: error instanceof Error ? error.message : String(error) }));
    }
  }
  // When the document itself goes to stdout, JSON diagnostics go to stderr so stdout stays one JSON document.
  const toStdout = request.target === "asyncapi" && request.out === undefined;
  const failed = printDiagnostics(diagnostics, compiled, request, toStdout ? { out: io.err, err: io.err } : io);
  if (failed) return 1;
  if (document !== undefined) io.out(document);
  // With the document on stdout, the summary would corrupt it; with JSON diagnostics, stdout is theirs.
  if (summary !== undefined && request.format === "text") io.out(`${summary}\n`);
  return 0;
}

interface ExportArgs {
  target: ExportTarget;
  paths?: string[];
  config?: string;
  out?: string;
  format: "text" | "json";
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: "export <target> [paths..]",
  describe: "Export the specs for other tools: an AsyncAPI 3.0 document, or JSON Schemas of every event version",
  builder: (y: Argv) =>
    y
      .positional("target", { choices: ["asyncapi", "jsonschema"] as const, demandOption: true, describe: "What to export" })
      .positional("paths", { type: "string", array: true, describe: "Spec files or folders (searched for *.events); default: \"specs\" in eventc.config.json, or the current folder" })
      .option("out", { type: "string", alias: "o", describe: "asyncapi: the document's file (default: stdout); jsonschema: the folder (required)" })
      .option("config", { type: "string", describe: "Config file (default: eventc.config.json in the current folder, if any)" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Diagnostics as text with code frames, or as JSON" })
      .example("$0 export asyncapi specs --out asyncapi.json", "One AsyncAPI 3.0 document: channels per topic, messages per event version")
      .example("$0 export jsonschema specs --out schemas", "schemas/shop.ItemListed.v1.schema.json, ... (JSON Schema 2020-12)") as unknown as Argv<ExportArgs>,
  handler: (args) => {
    const useColor = process.stderr.isTTY === true && !("NO_COLOR" in process.env && process.env["NO_COLOR"] !== "");
    process.exitCode = runExport(
      {
        target: args.target,
        cwd: process.cwd(),
        ...(args.paths !== undefined ? { paths: args.paths } : {}),
        ...(args.config !== undefined ? { config: args.config } : {}),
        ...(args.out !== undefined ? { out: args.out } : {}),
        format: args.format,
        color: useColor,
      },
      { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) },
    );
  },
};
