/**
 * The per-key index of one topic: for each key its version, lifecycle state, whether it ended,
 * the partition offsets of its events (for readKey) and 32-bit fingerprints of their ids (for
 * idempotent appends; a fingerprint match is confirmed against the stored record, so a collision
 * can cost a read but never a wrong answer).
 *
 * Two states per key: `head` includes appends that are written but not yet durable (the next
 * append is checked against it, so concurrent appends of one key serialize correctly), `durable`
 * is what readers see.
 */
import type { KeyState } from "../log.js";

export interface KeyEntry {
  readonly key: string;
  head: KeyState;
  durable: KeyState;
  /** Offset of the event with version v at index v - 1 (head, so possibly not yet durable). */
  readonly offsets: number[];
  readonly fingerprints: number[];
}

export class KeyIndex {
  readonly #entries = new Map<string, KeyEntry>();

  get(key: string): KeyEntry | undefined {
    return this.#entries.get(key);
  }

  getOrCreate(key: string): KeyEntry {
    let entry = this.#entries.get(key);
    if (!entry) {
      const empty: KeyState = { key, version: 0, state: null, ended: false };
      entry = { key, head: empty, durable: empty, offsets: [], fingerprints: [] };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  entries(): IterableIterator<KeyEntry> {
    return this.#entries.values();
  }

  /** Puts back a key loaded from an index snapshot. */
  restore(key: string, state: KeyState, offsets: number[], fingerprints: number[]): void {
    this.#entries.set(key, { key, head: state, durable: state, offsets, fingerprints });
  }

  get size(): number {
    let n = 0;
    for (const entry of this.#entries.values()) if (entry.durable.version > 0) n++;
    return n;
  }

  /** Versions (1-based) whose id fingerprint equals `fingerprint`, newest first. */
  *candidates(entry: KeyEntry, fingerprint: number): Generator<number> {
    const fps = entry.fingerprints;
    for (let i = fps.length - 1; i >= 0; i--) if (fps[i] === fingerprint) yield i + 1;
  }

  /** Records a committed event found on disk (recovery, or a reader catching up with another process's appends). */
  addRecovered(key: string, offset: number, fingerprint: number, type: string, setsState: boolean, ends: boolean): void {
    const entry = this.getOrCreate(key);
    const prev = entry.durable;
    // Not frozen: recovery makes one per event, and keyState() hands out frozen copies anyway.
    const next: KeyState = { key, version: prev.version + 1, state: setsState ? type : prev.state, ended: prev.ended || ends };
    entry.offsets.push(offset);
    entry.fingerprints.push(fingerprint);
    entry.durable = next;
    entry.head = next;
  }
}
