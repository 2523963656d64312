/**
 * CPU time of each check on a 10,000-event synthetic spec (one shared context, as in compile()),
 * to find the expensive ones. `node --import tsx bench/check/per-check.ts [events]`.
 */
import { parse } from "../../grammar/parse.js";
import { CHECKS } from "../../compiler/checks/index.js";
import { createCheckContext } from "../../compiler/checks/context.js";
import { loadFiles } from "../../compiler/resolve/load-files.js";
import { resolveProgram } from "../../compiler/resolve/program.js";
import { syntheticSpecSources } from "../synthetic/write-spec.js";

const events = Number(process.argv[2] ?? 10000);
const { sources } = syntheticSpecSources({ events });
const texts = new Map(sources.map((s) => [s.fileName, s.text]));
const loaded = loadFiles([...texts.keys()], (p) => texts.get(p), parse);
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
for (let round = 0; round < 2; round++) {
  let t = cpu();
  const program = resolveProgram(loaded.files);
  const times: [string, number][] = [["resolve", cpu() - t]];
  const context = createCheckContext(program, () => undefined);
  for (const check of CHECKS) {
    t = cpu();
    check(context);
    times.push([check.name, cpu() - t]);
  }
  const total = times.reduce((n, [, ms]) => n + ms, 0);
  console.log(`round ${round + 1}: ${total.toFixed(0)} ms; ` + times.sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(", "));
}
