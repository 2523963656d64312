/** Creating a segment file: header first, then (when durable) fsync of the file and of its directory. */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { syncDirSync } from "./atomic-file.js";
import { encodeSegmentHeader } from "./record-format.js";
import { dirname } from "node:path";

/** Creates the segment (it must not exist) and returns its fd, open for reading and writing. */
export function createSegmentFile(path: string, partition: number, baseOffset: number, prevHash: Buffer, durable: boolean): number {
  const fd = openSync(path, "wx+");
  try {
    const header = encodeSegmentHeader({ partition, baseOffset, prevHash });
    writeSync(fd, header, 0, header.length, 0);
    if (durable) {
      fsyncSync(fd);
      syncDirSync(dirname(path));
    }
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
