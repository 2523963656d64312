/** Reading single records at known positions (readKey, idempotency checks). */
import { closeSync, openSync, readSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import type { StoredEvent } from "../envelope.js";
import { LogCorruptedError } from "../errors.js";
import { decodeEvent } from "./envelope-body.js";
import { KIND_EVENT, MAX_BODY_BYTES, RECORD_HEADER_BYTES, recordChecksumOk } from "./record-format.js";

const GUESS = 4096;

function decodeAt(path: string, buf: Buffer, position: number): StoredEvent {
  const bodyBytes = buf.readUInt32LE(0);
  if (buf[8] !== KIND_EVENT || !recordChecksumOk(buf, 0, bodyBytes)) {
    throw new LogCorruptedError(path, position, "record checksum (CRC-32) mismatch or not an event record");
  }
  return decodeEvent(buf, RECORD_HEADER_BYTES, RECORD_HEADER_BYTES + bodyBytes);
}

function lengthAt(path: string, buf: Buffer, position: number): number {
  const bodyBytes = buf.readUInt32LE(0);
  if (bodyBytes > MAX_BODY_BYTES) throw new LogCorruptedError(path, position, `implausible record length ${bodyBytes}`);
  return RECORD_HEADER_BYTES + bodyBytes;
}

export function readEventSync(path: string, position: number): StoredEvent {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.allocUnsafe(GUESS);
    let n = readSync(fd, buf, 0, GUESS, position);
    if (n < RECORD_HEADER_BYTES) throw new LogCorruptedError(path, position, "record cut short");
    const total = lengthAt(path, buf, position);
    if (total > n) {
      buf = Buffer.allocUnsafe(total);
      n = readSync(fd, buf, 0, total, position);
      if (n < total) throw new LogCorruptedError(path, position, "record cut short");
    }
    return decodeAt(path, buf, position);
  } finally {
    closeSync(fd);
  }
}

export async function readEventAsync(handle: FileHandle, path: string, position: number): Promise<StoredEvent> {
  let buf = Buffer.allocUnsafe(GUESS);
  let { bytesRead } = await handle.read(buf, 0, GUESS, position);
  if (bytesRead < RECORD_HEADER_BYTES) throw new LogCorruptedError(path, position, "record cut short");
  const total = lengthAt(path, buf, position);
  if (total > bytesRead) {
    buf = Buffer.allocUnsafe(total);
    ({ bytesRead } = await handle.read(buf, 0, total, position));
    if (bytesRead < total) throw new LogCorruptedError(path, position, "record cut short");
  }
  return decodeAt(path, buf, position);
}
