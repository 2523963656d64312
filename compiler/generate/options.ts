/**
 * Options of `generate`, normalised once here; emitters read only `GenerateSettings`.
 */
import { relative, sep } from "node:path";

/** The eventc version written into headers (a test keeps it equal to package.json's). */
export const EVENTC_VERSION = "0.1.0";

export interface GenerateOptions {
  /** Module specifier generated code imports the runtime from. Default `eventc/runtime`. */
  readonly runtimeImport?: string;
  /** Folder that source paths in headers are relative to. Default: the current directory. */
  readonly rootDir?: string;
  /** Version named in headers. Default: this compiler's version. */
  readonly version?: string;
}

export interface GenerateSettings {
  readonly runtimeImport: string;
  readonly version: string;
  /** How a source file is named in headers: relative to rootDir, with `/` separators. */
  readonly displayPath: (file: string) => string;
}

export function normalizeGenerateOptions(options: GenerateOptions = {}): GenerateSettings {
  const rootDir = options.rootDir ?? process.cwd();
  return {
    runtimeImport: options.runtimeImport ?? "eventc/runtime",
    version: options.version ?? EVENTC_VERSION,
    displayPath: (file) => {
      const rel = relative(rootDir, file);
      return (rel === "" ? file : rel).split(sep).join("/");
    },
  };
}
