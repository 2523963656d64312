/**
 * Child process of the lock tests: opens a file log for writing (or read-only with "read"), prints
 * "open" (or the error's code), and stays alive until killed, or appends and tails on request:
 *
 *   node lock-holder.mjs <dir> write|read|append <count>
 */
import { openFileLog } from "../../../runtime/file/file-log.js";

const [dir, mode, countText] = process.argv.slice(2);
try {
  const log = await openFileLog({ dir: dir!, readOnly: mode === "read" });
  process.stdout.write("open\n");
  if (mode === "append") {
    await log.ensureTopic({ name: "tail.items", partitions: 2 });
    for (let i = 0; i < Number(countText ?? 10); i++) {
      await log.append("tail.items", [{ type: "tail.Ticked", schemaVersion: 1, key: `k${i % 5}`, data: { i } }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await log.close();
    process.stdout.write("appended\n");
  } else {
    setInterval(() => undefined, 1000);
  }
} catch (error) {
  process.stdout.write(`${(error as { code?: string }).code ?? String(error)}\n`);
  process.exit(3);
}
