/**
 * `openLog(options)`: the one call that picks a backend. Generated code never depends on which;
 * switching from the file log to JetStream changes this call's options only.
 *
 * Backends other than memory are imported dynamically, so `eventc/runtime` loads no NATS client
 * (and no file-log code) unless asked for.
 */
import { ValidationError } from "./errors.js";
import type { Log } from "./log.js";
import { createMemoryLog } from "./memory/memory-log.js";
import type { ValidationIssue } from "./validation/result.js";
// Type-only: erased at run time, so the file log's code still loads only when chosen.
import type { FileLogOptions } from "./file/file-log.js";
import type { JetStreamLogOptions } from "./jetstream/jetstream-log.js";

/** The embedded durable file log (the default): `{ dir, durability?, readOnly?, ... }` (see runtime/file/file-log.ts). */
export type FileLogOpenOptions = FileLogOptions;

/** The in-memory log (nothing survives the process). */
export interface MemoryLogOpenOptions {
  readonly memory: true;
}

/** NATS JetStream: `{ nats: { servers, ... } }` (see runtime/jetstream/jetstream-log.ts and docs/runtime.md). */
export type JetStreamLogOpenOptions = JetStreamLogOptions;

export type OpenLogOptions = FileLogOpenOptions | MemoryLogOpenOptions | JetStreamLogOpenOptions;

export async function openLog(options: OpenLogOptions): Promise<Log> {
  if (options === null || typeof options !== "object") {
    throw new ValidationError("openLog options", [{ path: "$", message: 'must be an object: { dir }, { memory: true } or { nats: { servers } }' }]);
  }
  const chosen = (["dir", "memory", "nats"] as const).filter((k) => (options as unknown as Record<string, unknown>)[k] !== undefined);
  if (chosen.length !== 1) {
    throw new ValidationError("openLog options", [
      {
        path: "$",
        message:
          chosen.length === 0
            ? 'must choose a backend: { dir: "./data" } (file log), { memory: true } or { nats: { servers } }'
            : `must choose exactly one backend, got ${chosen.map((k) => `"${k}"`).join(" and ")}`,
      },
    ]);
  }
  if ("memory" in options && options.memory !== undefined) {
    if (options.memory !== true) throw new ValidationError("openLog options", [{ path: "$.memory", message: "must be true" }]);
    const extra = Object.keys(options).filter((k) => k !== "memory");
    if (extra.length > 0) throw new ValidationError("openLog options", extra.map((k) => ({ path: `$.${k}`, message: "is not an option of the memory log" })));
    return createMemoryLog();
  }
  if ("nats" in options && options.nats !== undefined) {
    const servers = (options.nats as { servers?: unknown }).servers;
    const okServers = typeof servers === "string" ? servers.length > 0 : Array.isArray(servers) && servers.length > 0 && servers.every((s) => typeof s === "string");
    if (!okServers) throw new ValidationError("openLog options", [{ path: "$.nats.servers", message: "must be a server URL or a non-empty list of them" }]);
    const { openJetStreamLog } = await import("./jetstream/jetstream-log.js");
    return openJetStreamLog(options);
  }
  const file = options as FileLogOpenOptions;
  const issues: ValidationIssue[] = [];
  if (typeof file.dir !== "string" || file.dir.length === 0) issues.push({ path: "$.dir", message: "must be a non-empty directory path" });
  if (file.durability !== undefined && file.durability !== "fsync" && file.durability !== "none") {
    issues.push({ path: "$.durability", message: `must be "fsync" or "none", got ${JSON.stringify(file.durability)}` });
  }
  if (file.readOnly !== undefined && typeof file.readOnly !== "boolean") issues.push({ path: "$.readOnly", message: "must be true or false" });
  const known = ["dir", "durability", "readOnly", "segmentBytes", "pollIntervalMs", "snapshotEvery"];
  for (const k of Object.keys(file)) if (!known.includes(k)) issues.push({ path: `$.${k}`, message: `is not an option of the file log (${known.join(", ")})` });
  if (issues.length > 0) throw new ValidationError("openLog options", issues);
  const { openFileLog } = await import("./file/file-log.js");
  return openFileLog(file);
}
