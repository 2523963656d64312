/**
 * Finds and reads `eventc.config.json`. Problems are diagnostics (EV9004–EV9006) pointing at
 * the config file, never exceptions, so the CLI reports them like any other mistake.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Diagnostics } from "../diagnostics/catalogue/index.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { CONFIG_FILE_NAME, CONFIG_KEYS, type ConfigFile } from "./options.js";

export interface LoadedConfig {
  /** Absent when there is no config file (or it is unusable). */
  readonly config?: ConfigFile;
  /** The folder config paths are relative to: the config file's folder, or `cwd` without one. */
  readonly dir: string;
  readonly path?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads `explicitPath` if given (it must exist), else `eventc.config.json` in `cwd` if present. */
export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const path = explicitPath !== undefined ? resolve(cwd, explicitPath) : resolve(cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    return explicitPath !== undefined
      ? { dir: cwd, diagnostics: [createDiagnostic(Diagnostics.FileNotFound, undefined, { path: explicitPath })] }
      : { dir: cwd, diagnostics: [] };
  }
  const dir = dirname(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { dir, path, diagnostics: [createDiagnostic(Diagnostics.ConfigInvalidJson, undefined, { path, reason })] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { dir, path, diagnostics: [createDiagnostic(Diagnostics.ConfigInvalidJson, undefined, { path, reason: "it must be a JSON object" })] };
  }
  const diagnostics: Diagnostic[] = [];
  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const suggestion = didYouMean(key, CONFIG_KEYS);
      diagnostics.push(createDiagnostic(Diagnostics.ConfigUnknownKey, undefined, { key, path, didYouMean: suggestion }));
      continue;
    }
    if (key === "specs") {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
        diagnostics.push(createDiagnostic(Diagnostics.ConfigInvalidValue, undefined, { key, path, expected: "a list of paths (strings)" }));
      } else config.specs = value;
    } else if (typeof value !== "string" || value === "") {
      diagnostics.push(createDiagnostic(Diagnostics.ConfigInvalidValue, undefined, { key, path, expected: "a non-empty string" }));
    } else {
      config[key as "out" | "lock" | "runtimeImport"] = value;
    }
  }
  return { config, dir, path, diagnostics };
}
