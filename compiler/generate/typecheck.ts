/**
 * Type-checks generated modules in memory with the strictest flags users are likely to have
 * (`strict`, `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`), using ts-morph.
 * Loaded lazily (`await import(...)`) by tests and tools: normal generation never pays for it.
 */
import { resolve } from "node:path";
import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "./index.js";

export interface TypecheckOptions {
  /** File the runtime import specifier resolves to (`runtime/index.ts` or `dist/runtime/index.d.ts`). */
  readonly runtimeTypes: string;
  /** The specifier generated code imports the runtime from. Default `eventc/runtime`. */
  readonly runtimeImport?: string;
  /** Where the modules pretend to live (affects nothing but messages). Default: `<cwd>/.eventc-typecheck`. */
  readonly virtualDir?: string;
  /** Extra modules checked together with the generated ones (e.g. code using the generated API). */
  readonly extraFiles?: readonly GeneratedFile[];
}

export interface TypecheckDiagnostic {
  /** Path of the module, as in `GeneratedFile.path`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

/** Diagnostics of the generated (and extra) modules; empty means they compile cleanly. */
export function typecheckOutputs(outputs: readonly GeneratedFile[], options: TypecheckOptions): TypecheckDiagnostic[] {
  const dir = resolve(options.virtualDir ?? ".eventc-typecheck");
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts"],
      types: ["node"],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      noPropertyAccessFromIndexSignature: true,
      skipLibCheck: true,
      noEmit: true,
      paths: { [options.runtimeImport ?? "eventc/runtime"]: [resolve(options.runtimeTypes)] },
    },
  });
  // A package.json marks the virtual folder as ESM, as a user's project would be.
  project.createSourceFile(resolve(dir, "package.json"), '{ "type": "module" }', { overwrite: true });
  const files = [...outputs, ...(options.extraFiles ?? [])].map((o) => ({
    path: o.path,
    source: project.createSourceFile(resolve(dir, o.path), o.content, { overwrite: true }),
  }));
  const program = project.getProgram().compilerObject;
  const result: TypecheckDiagnostic[] = [];
  for (const { path, source } of files) {
    const sf = source.compilerNode;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const at = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      result.push({
        file: path,
        line: at.line + 1,
        column: at.character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      });
    }
  }
  return result;
}

/** `shop.ts:12:3 TS2322: message` lines, for assertion messages. */
export function formatTypecheckDiagnostics(diagnostics: readonly TypecheckDiagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} TS${d.code}: ${d.message}`).join("\n");
}
