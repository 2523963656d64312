/**
 * Where the server's texts come from: open editor buffers first (unsaved edits win), then the
 * disk. Paths are the compiler's: normalised file-system paths, the same strings as in spans.
 */
import { normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileFromDisk } from "../compile.js";
import type { ReadFile } from "../resolve/source-file.js";

export interface OpenTexts {
  /** The text of an open document by its path, or undefined. */
  textOf(path: string): string | undefined;
  /** The URI an open document was opened with. */
  uriOf(path: string): string | undefined;
}

/** A document URI as a compiler path; non-file URIs (e.g. `untitled:`) keep their text as path. */
export function pathOfUri(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return normalize(fileURLToPath(uri));
    } catch {
      return uri;
    }
  }
  return uri;
}

export function uriOfPath(path: string, open: OpenTexts): string {
  return open.uriOf(path) ?? (path.includes(":") && !/^[A-Za-z]:[\\/]/.test(path) ? path : pathToFileURL(path).href);
}

/** Reads open buffers first, the disk otherwise (a read failure throws; the compiler reports it at the import). */
export function readThrough(open: OpenTexts): ReadFile {
  return (path) => open.textOf(path) ?? readFileFromDisk(path);
}
