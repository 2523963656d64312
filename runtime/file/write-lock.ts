/**
 * The single-writer lock: `dir/LOCK` holds the owner's pid (and, on Linux, its start time, so a
 * recycled pid is not mistaken for the owner). Created with O_EXCL, so of two processes racing for
 * a free log exactly one wins.
 *
 * A lock left by a dead process is taken over through a second O_EXCL file, `LOCK.takeover`: only
 * its holder may remove the stale LOCK and create a new one, so two processes that both find the
 * same stale lock cannot both end up believing they own the log. A takeover file itself left by a
 * crash is removed when its own owner is dead.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from "node:fs";
import { LogLockedError } from "../errors.js";
import { lockPath } from "./layout.js";

interface LockOwner {
  readonly pid: number;
  readonly start?: string;
}

export interface WriteLock {
  release(): void;
}

export function acquireWriteLock(dir: string): WriteLock {
  const path = lockPath(dir);
  const me: LockOwner = { pid: process.pid, ...startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(path, me)) return lockHandle(path, me);
    const owner = readOwner(path);
    if (owner === undefined) continue; // released (or being written) meanwhile: try again
    if (isAlive(owner)) throw new LogLockedError(dir, owner.pid);
    const takeover = `${path}.takeover`;
    if (!tryCreate(takeover, me)) {
      const other = readOwner(takeover);
      if (other !== undefined && !isAlive(other)) removeIf(takeover, other);
      sleepSync(10);
      continue;
    }
    try {
      const again = readOwner(path);
      if (again !== undefined && isAlive(again)) throw new LogLockedError(dir, again.pid);
      if (again !== undefined) removeIf(path, again);
      if (tryCreate(path, me)) return lockHandle(path, me);
    } finally {
      removeIf(takeover, me);
    }
  }
  const owner = readOwner(path);
  throw new LogLockedError(dir, owner?.pid ?? -1);
}

function lockHandle(path: string, me: LockOwner): WriteLock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      removeIf(path, me);
    },
  };
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockOwner;
    if (Number.isInteger(parsed.pid)) return parsed;
  } catch {
    // An empty or half-written lock: its creator is between create and write, or died there.
  }
  // Treat an unreadable lock as owned by nobody alive only if it stays unreadable; give the creator a moment.
  sleepSync(20);
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as LockOwner;
    if (Number.isInteger(parsed.pid)) return parsed;
  } catch {
    // still unreadable
  }
  return { pid: -1 };
}

/** Removes the lock file only if it still names `owner` (never someone else's lock). */
function removeIf(path: string, owner: LockOwner): void {
  const current = (() => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  })();
  if (current === undefined) return;
  let parsed: LockOwner | undefined;
  try {
    parsed = JSON.parse(current) as LockOwner;
  } catch {
    parsed = { pid: -1 };
  }
  if (parsed.pid === owner.pid && parsed.start === owner.start) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A live process with this pid: the owner, unless the pid was recycled (start time differs).
  if (owner.start !== undefined) {
    const now = startTimeOf(owner.pid).start;
    if (now !== undefined && now !== owner.start) return false;
  }
  return true;
}

/** The process start time from /proc (Linux); {} elsewhere. */
function startTimeOf(pid: number): { start?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); fields after the parenthesised command name, which may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const start = fields[19];
    return start === undefined ? {} : { start };
  } catch {
    return {};
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
