/**
 * eventc's programmatic API, for build tools: `compile()` turns `.events` specs into
 * diagnostics, the checked model and generated TypeScript; the renderers print diagnostics
 * as the CLI does.
 */
export { compile, readFileFromDisk, sortDiagnostics, type CompileOptions, type CompileResult } from "./compile.js";
export { Diagnostics, DIAGNOSTIC_BANDS, allDiagnostics, type DiagnosticBand, type DiagnosticName } from "./diagnostics/catalogue/index.js";
export { createDiagnostic, formatMessage, hasErrors } from "./diagnostics/diagnostic.js";
export type { Diagnostic, DiagnosticMessage, RelatedInformation, Severity } from "./diagnostics/diagnostic.js";
export { formatSpec, type FormatResult } from "./format/index.js";
export { renderText, renderSummary, renderJson, toJsonDiagnostic, type RenderOptions, type JsonDiagnostic } from "./report/index.js";
export type { ReadFile } from "./resolve/source-file.js";
export type { GeneratedFile, GenerateOptions } from "./generate/index.js";
export type * from "./model.js";
export * from "./evolution/index.js";
