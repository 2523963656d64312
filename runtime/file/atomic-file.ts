/**
 * Small files that must never be seen half-written (topic.json, meta.json, checkpoints): write a
 * temp file, fsync it, rename it over the target, fsync the directory so the rename itself is durable.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { dirname } from "node:path";

let counter = 0;

function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${++counter}.tmp`;
}

export async function writeFileAtomic(path: string, content: string, durable = true): Promise<void> {
  const temp = tempPathFor(path);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(content, "utf8");
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  if (durable) await syncDir(dirname(path));
}

export function writeFileAtomicSync(path: string, content: string | Uint8Array, durable = true): void {
  const temp = tempPathFor(path);
  const fd = openSync(temp, "w");
  try {
    if (typeof content === "string") writeSync(fd, content, null, "utf8");
    else for (let done = 0; done < content.length; ) done += writeSync(fd, content, done, content.length - done);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  if (durable) syncDirSync(dirname(path));
}

/** Makes a directory's entries (created, renamed files) durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function syncDirSync(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
