/**
 * How long the compiler's front end takes on large synthetic specs, phase by phase: parse,
 * resolve + check, model building. Not a test (timings never go into unit tests); run with
 * `node --import tsx bench/check/resolve-check.ts [events...]` (default 1000 10000).
 */
import { parse } from "../../grammar/parse.js";
import { buildModel } from "../../compiler/build-model.js";
import { runChecks } from "../../compiler/checks/index.js";
import { loadFiles } from "../../compiler/resolve/load-files.js";
import { resolveProgram } from "../../compiler/resolve/program.js";
import { syntheticSpecSources } from "../synthetic/write-spec.js";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
// CPU time of this process (user + system), not wall time: on a shared, loaded machine wall time
// mostly measures the neighbours.
const now = () => {
  const { user, system } = process.cpuUsage();
  return BigInt(user + system) * 1000n;
};
const ms = (from: bigint) => Number(now() - from) / 1e6;

for (const events of sizes.length > 0 ? sizes : [1000, 10000]) {
  const { sources } = syntheticSpecSources({ events });
  const texts = new Map(sources.map((s) => [s.fileName, s.text]));
  for (let round = 0; round < 3; round++) {
    let t = now();
    const loaded = loadFiles([...texts.keys()], (p) => texts.get(p), parse);
    const parseMs = ms(t);
    t = now();
    const program = resolveProgram(loaded.files);
    const diagnostics = runChecks(program);
    const checkMs = ms(t);
    t = now();
    buildModel(program);
    const modelMs = ms(t);
    const problems = loaded.files.reduce((n, f) => n + f.syntaxProblems.length, 0) + diagnostics.length;
    console.log(
      `${events} events, round ${round + 1}: CPU time: parse ${parseMs.toFixed(0)} ms, resolve+check ${checkMs.toFixed(0)} ms, model ${modelMs.toFixed(0)} ms (${problems} diagnostics)`,
    );
  }
}
