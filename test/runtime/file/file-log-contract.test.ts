import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "../../../runtime/log.js";
import { openFileLog } from "../../../runtime/file/file-log.js";
import { openLog } from "../../../runtime/open-log.js";
import { describeLogContract } from "../contract/log-contract.js";

function fileHarness(durability: "fsync" | "none", viaOpenLog = false) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), "eventc-file-contract-"));
    const openIt = (): Promise<Log> => (viaOpenLog ? openLog({ dir, durability }) : openFileLog({ dir, durability, segmentBytes: 4096 }));
    let log = await openIt();
    return {
      log,
      // A read-only instance in the same process reads the same files (and polls them to tail).
      openReader: () => openFileLog({ dir, readOnly: true, pollIntervalMs: 20 }),
      async reopen() {
        await log.close();
        log = await openIt();
        return log;
      },
      async cleanup() {
        await log.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

// Small segments, so the suite also crosses segment boundaries.
describeLogContract("file log (fsync, 4 KiB segments)", fileHarness("fsync"));
describeLogContract("file log via openLog (durability none)", fileHarness("none", true));

// Interface drift: tsc checks that the file log's factory returns exactly the contract.
const _drift: (options: { dir: string }) => Promise<Log> = openFileLog;
void _drift;
