/**
 * chevrotain, loaded from its single-file build.
 *
 * The package entry (`lib/src/api.js`) pulls in ~700 ES modules (one per lodash-es function),
 * which costs every `eventc` run about half a second of start-up on the machines we measure
 * (docs/performance.md). chevrotain ships the same API bundled in `lib/chevrotain.mjs`; its
 * `exports` map does not expose that file, so it is located from the entry and imported by URL.
 * Types still come from the package. If the bundle is ever missing, the entry is used.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Chevrotain from "chevrotain";

async function load(): Promise<typeof Chevrotain> {
  const entry = createRequire(import.meta.url).resolve("chevrotain");
  const bundle = join(dirname(entry), "..", "chevrotain.mjs");
  if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as typeof Chevrotain;
  return await import("chevrotain");
}

const chevrotain = await load();
export const { CstParser, EOF, Lexer, createToken, tokenMatcher } = chevrotain;
