/**
 * Every option of the compiler's command line and config file, normalised in one place
 * (like ts-proto's options.ts): the CLI only maps flags onto `RawOptions`, the config file
 * supplies defaults, and everything downstream reads `EventcOptions`.
 */
import { isAbsolute, resolve } from "node:path";

/** What `eventc.config.json` may hold (all optional; paths relative to the config file). */
export interface ConfigFile {
  /** Spec files or folders searched for `*.events`. Default: the config file's folder. */
  readonly specs?: readonly string[];
  /** Output folder of `eventc generate`. Default: `generated`. */
  readonly out?: string;
  /** Lock file of `eventc lock` / `check --against`. Default: `events.lock.json`. */
  readonly lock?: string;
  /** Module specifier generated code imports the runtime from. Default: `eventc/runtime`. */
  readonly runtimeImport?: string;
}

export const CONFIG_FILE_NAME = "eventc.config.json";

export const CONFIG_KEYS: readonly (keyof ConfigFile)[] = ["specs", "out", "lock", "runtimeImport"];

/** Flags as the CLI received them (undefined: not given). */
export interface RawOptions {
  readonly paths?: readonly string[];
  readonly out?: string;
  readonly lock?: string;
  readonly runtimeImport?: string;
}

export interface EventcOptions {
  /** Absolute spec files or folders. */
  readonly paths: readonly string[];
  /** Absolute output folder. */
  readonly out: string;
  /** Absolute lock file path. */
  readonly lock: string;
  readonly runtimeImport: string;
  /** Folder that relative paths in output headers and messages are relative to. */
  readonly rootDir: string;
}

/**
 * Merges flags over the config file over defaults. Flag paths are relative to `cwd`,
 * config paths to the config file's folder.
 */
export function normalizeOptions(raw: RawOptions, config: ConfigFile | undefined, configDir: string, cwd: string): EventcOptions {
  const fromConfig = (p: string) => (isAbsolute(p) ? p : resolve(configDir, p));
  const fromCwd = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const paths =
    raw.paths && raw.paths.length > 0
      ? raw.paths.map(fromCwd)
      : config?.specs && config.specs.length > 0
        ? config.specs.map(fromConfig)
        : [configDir];
  return {
    paths,
    out: raw.out !== undefined ? fromCwd(raw.out) : fromConfig(config?.out ?? "generated"),
    lock: raw.lock !== undefined ? fromCwd(raw.lock) : fromConfig(config?.lock ?? "events.lock.json"),
    runtimeImport: raw.runtimeImport ?? config?.runtimeImport ?? "eventc/runtime",
    rootDir: configDir,
  };
}
