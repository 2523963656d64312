/**
 * Consumer-group positions in `dir/checkpoints/<group>.json`, each written atomically (temp file,
 * fsync, rename, fsync of the directory), so a crash leaves either the old or the new position,
 * never a torn one.
 */
import { mkdir, readFile } from "node:fs/promises";
import { BackendError } from "../errors.js";
import type { GroupPosition } from "../log.js";
import type { CheckpointStore } from "../subscription/consumer-group.js";
import { writeFileAtomic } from "./atomic-file.js";
import { checkpointPath, checkpointsDir } from "./layout.js";

export function fileCheckpointStore(dir: string, durable: boolean): CheckpointStore {
  let madeDir = false;
  return {
    async load(group: string): Promise<GroupPosition> {
      const path = checkpointPath(dir, group);
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return Object.freeze({});
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new BackendError(`Checkpoint file ${path} of group "${group}" is not valid JSON: ${(error as Error).message}`);
      }
      const position = (parsed as { position?: unknown }).position;
      if (!isPosition(position)) throw new BackendError(`Checkpoint file ${path} of group "${group}" has no valid "position" (topic → partition → next offset)`);
      return position;
    },
    async save(group: string, position: GroupPosition): Promise<void> {
      if (!madeDir) {
        await mkdir(checkpointsDir(dir), { recursive: true });
        madeDir = true;
      }
      await writeFileAtomic(checkpointPath(dir, group), `${JSON.stringify({ group, position }, null, 2)}\n`, durable);
    },
  };
}

function isPosition(value: unknown): value is GroupPosition {
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).every(
    (offsets) => offsets !== null && typeof offsets === "object" && Object.values(offsets as object).every((o) => Number.isInteger(o) && (o as number) >= 0),
  );
}
