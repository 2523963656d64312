/**
 * `eventc docs [paths..] --out DIR`: a static HTML catalog of the specs (index.html and a page per
 * namespace, diagrams as inline SVG). The logic is `runDocs` (tested directly); `docsCommand` is
 * the yargs wiring.
 */
import { relative, resolve } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { Diagnostics } from "../../diagnostics/catalogue/index.js";
import { createDiagnostic, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { renderSite } from "../../docs-site/site.js";
import { writeOutputs } from "../../io/write-outputs.js";
import { compileSpecs } from "../compile-specs.js";
import type { CommandIo } from "./evolution-output.js";
import { printDiagnostics } from "./generate.js";

export interface DocsRequest {
  readonly cwd: string;
  readonly paths?: readonly string[];
  readonly config?: string;
  readonly out: string;
  readonly title?: string;
  readonly format: "text" | "json";
  readonly color: boolean;
}

/** Compiles the specs and writes the catalog. Returns the exit code: 0, or 1 when there are errors. */
export function runDocs(request: DocsRequest, io: CommandIo): 0 | 1 {
  const compiled = compileSpecs({
    cwd: request.cwd,
    generate: false,
    ...(request.paths !== undefined ? { paths: [...request.paths] } : {}),
    ...(request.config !== undefined ? { config: request.config } : {}),
  });
  const diagnostics: Diagnostic[] = [...compiled.diagnostics];
  const model = compiled.result?.model;
  let summary: string | undefined;
  if (model !== undefined && !hasErrors(diagnostics)) {
    const out = resolve(request.cwd, request.out);
    try {
      const files = renderSite(model, request.title !== undefined ? { title: request.title } : {});
      const written = writeOutputs(out, files);
      summary = `Wrote the catalog to ${relative(request.cwd, out) || "."}: ${files.length} page(s), ${written.written.length} written, ${written.unchanged.length} unchanged. Open ${relative(request.cwd, resolve(out, "index.html"))}.`;
    } catch (error) {
      diagnostics.push(createDiagnostic(Diagnostics.OutputUnwritable, undefined, { path: request.out, reason: error instanceof Error ? error.message : String(error) }));
    }
  }
  const failed = printDiagnostics(diagnostics, compiled, request, io);
  if (!failed && summary !== undefined && request.format === "text") io.out(`${summary}\n`);
  return failed ? 1 : 0;
}

interface DocsArgs {
  paths?: string[];
  config?: string;
  out: string;
  title?: string;
  format: "text" | "json";
}

export const docsCommand: CommandModule<object, DocsArgs> = {
  command: "docs [paths..]",
  describe: "Write a static HTML catalog of the specs, with lifecycle and flow diagrams",
  builder: (y: Argv) =>
    y
      .positional("paths", { type: "string", array: true, describe: "Spec files or folders (searched for *.events); default: \"specs\" in eventc.config.json, or the current folder" })
      .option("out", { type: "string", alias: "o", demandOption: true, describe: "Folder for index.html and one page per namespace" })
      .option("title", { type: "string", describe: "Title of the catalog (default: \"Event catalog\")" })
      .option("config", { type: "string", describe: "Config file (default: eventc.config.json in the current folder, if any)" })
      .option("format", { choices: ["text", "json"] as const, default: "text" as const, describe: "Diagnostics as text with code frames, or as JSON" })
      .example("$0 docs specs --out site", "Write site/index.html and a page per namespace; open it in any browser, offline") as unknown as Argv<DocsArgs>,
  handler: (args) => {
    const useColor = process.stderr.isTTY === true && !("NO_COLOR" in process.env && process.env["NO_COLOR"] !== "");
    process.exitCode = runDocs(
      {
        cwd: process.cwd(),
        ...(args.paths !== undefined ? { paths: args.paths } : {}),
        ...(args.config !== undefined ? { config: args.config } : {}),
        ...(args.title !== undefined ? { title: args.title } : {}),
        out: args.out,
        format: args.format,
        color: useColor,
      },
      { out: (text) => void process.stdout.write(text), err: (text) => void process.stderr.write(text) },
    );
  },
};
