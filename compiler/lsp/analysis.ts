/**
 * One document's view of the world: the document compiled together with what it imports and
 * with the other files of its namespace in its folder (a namespace may span files that do
 * not import each other, and `eventc check <folder>` would see them too). Unrelated files in
 * the folder are left out, so their problems never show up in this document.
 */
import { readdirSync } from "node:fs";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { parse } from "../../grammar/parse.js";
import { compile, type CompileResult } from "../compile.js";
import { loadFiles } from "../resolve/load-files.js";
import { resolveProgram, type Program } from "../resolve/program.js";
import type { ReadFile } from "../resolve/source-file.js";

export interface Analysis {
  readonly path: string;
  readonly compiled: CompileResult;
  /** Names bound to declarations, for navigation; built on first use. */
  program(): Program;
}

const NAMESPACE = /^(?:\s|\/\/[^\n]*\n)*namespace\s+([A-Za-z_][A-Za-z0-9_.]*)/;

export function namespaceOf(text: string): string | undefined {
  return NAMESPACE.exec(text.replace(/^\uFEFF/, ""))?.[1];
}

/** The document and the sibling `.events` files that declare the same namespace. */
export function rootsFor(path: string, text: string, readFile: ReadFile, listDir: (dir: string) => readonly string[] = listEventsFiles): string[] {
  const roots = [path];
  const namespace = namespaceOf(text);
  if (namespace === undefined) return roots;
  for (const name of listDir(dirname(path))) {
    const sibling = normalize(join(dirname(path), name));
    if (sibling === path) continue;
    let siblingText: string | undefined;
    try {
      siblingText = readFile(sibling);
    } catch {
      continue;
    }
    if (siblingText !== undefined && namespaceOf(siblingText) === namespace) roots.push(sibling);
  }
  return roots;
}

function listEventsFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".events")).sort();
  } catch {
    return [];
  }
}

export function analyze(path: string, text: string, readFile: ReadFile): Analysis {
  const read: ReadFile = (p) => (p === path ? text : readFile(p));
  // A document that is no file (an untitled buffer) has no folder to look in.
  const roots = isAbsolute(path) ? rootsFor(path, text, read) : [path];
  const compiled = compile({ files: roots, readFile: read, generate: false });
  let program: Program | undefined;
  return {
    path,
    compiled,
    program: () => (program ??= resolveProgram(loadFiles(roots, read, parse).files)),
  };
}
