/**
 * Where everything lives inside a file log's directory. One place, so the layout documented in
 * docs/runtime.md ("File log") is the layout the code uses:
 *
 *   dir/meta.json                                   format marker and version
 *   dir/LOCK                                        the writer's pid (see write-lock.ts)
 *   dir/topics/<topic>/topic.json                   name and partition count
 *   dir/topics/<topic>/<partition>/<base>.seg       append-only segments, base offset zero-padded to 20 digits
 *   dir/checkpoints/<group>.json                    consumer-group positions
 */
import { join } from "node:path";

export const FORMAT_NAME = "eventc-file-log";
export const FORMAT_VERSION = 1;

export const metaPath = (dir: string): string => join(dir, "meta.json");
export const lockPath = (dir: string): string => join(dir, "LOCK");
export const topicsDir = (dir: string): string => join(dir, "topics");
export const topicDir = (dir: string, topic: string): string => join(topicsDir(dir), encodeName(topic));
export const topicSpecPath = (dir: string, topic: string): string => join(topicDir(dir, topic), "topic.json");
export const partitionDir = (dir: string, topic: string, partition: number): string => join(topicDir(dir, topic), String(partition));
export const checkpointsDir = (dir: string): string => join(dir, "checkpoints");
export const checkpointPath = (dir: string, group: string): string => join(checkpointsDir(dir), `${encodeName(group)}.json`);

const SEGMENT_SUFFIX = ".seg";

export function segmentFileName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, "0")}${SEGMENT_SUFFIX}`;
}

/** The base offset of a segment file name, or undefined for any other file. */
export function parseSegmentFileName(name: string): number | undefined {
  if (!/^\d{20}\.seg$/.test(name)) return undefined;
  return Number(name.slice(0, 20));
}

/**
 * A topic or group name as one safe file name: letters, digits, `_`, `-` and `.` stay (so
 * `shop.catalog` is readable on disk), everything else becomes `%XX` of its UTF-8 bytes, and a
 * leading dot is escaped so no name can be `.`/`..` or hidden.
 */
export function encodeName(name: string): string {
  let out = "";
  for (const byte of Buffer.from(name, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_\-.]/.test(c) && !(c === "." && out.length === 0) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function decodeName(encoded: string): string {
  return Buffer.from(encoded.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}
