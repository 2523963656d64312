/**
 * Parse time of a large synthetic spec (not a test: timings vary by machine).
 * Run: npx tsx test/grammar/parse-benchmark.ts [events=10000]
 * Reports the best of several runs, wall and CPU time, split into lexing, parsing and the whole `parse()`.
 */
import { parse } from "../../grammar/index.js";
import { eventsParser } from "../../grammar/parser.js";
import { eventsLexer } from "../../grammar/tokens.js";

function syntheticSpec(events: number): string {
  const out: string[] = ["/// Synthetic.\nnamespace big\n", "enum Color { RED, GREEN, BLUE }\n", "type Money { amount: decimal  currency: string }\n"];
  for (let a = 0; a < events / 100; a++) {
    out.push(`aggregate Agg${a} {\n  key id${a}: uuid\n`);
    for (let e = 0; e < 100; e++) {
      const clause = e === 0 ? "creates" : `after Ev${a}_0, Ev${a}_${e - 1}`;
      out.push(
        `  /// Event ${e} of aggregate ${a}.\n  event Ev${a}_${e} ${clause} {\n    title: string @maxLength(64)\n    amount: Money\n    count: int = 0 @min(0)\n    tags: list<string> = []\n    color?: Color = RED\n    attributes: map<string, long> = {}\n  }\n`,
      );
    }
    out.push("}\n");
  }
  return out.join("");
}

const events = Number(process.argv[2] ?? 10_000);
const text = syntheticSpec(events);
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const best = { lexCpu: Infinity, parseCpu: Infinity, totalCpu: Infinity, totalWall: Infinity };
for (let round = 0; round < 6; round++) {
  let cpu = process.cpuUsage();
  const lexed = eventsLexer.tokenize(text);
  best.lexCpu = Math.min(best.lexCpu, cpuMs(cpu));
  cpu = process.cpuUsage();
  eventsParser.input = lexed.tokens;
  eventsParser.file();
  best.parseCpu = Math.min(best.parseCpu, cpuMs(cpu));
  cpu = process.cpuUsage();
  const started = performance.now();
  const result = parse(text, "big.events");
  best.totalWall = Math.min(best.totalWall, performance.now() - started);
  best.totalCpu = Math.min(best.totalCpu, cpuMs(cpu));
  if (result.problems.length > 0) throw new Error(`unexpected problems: ${result.problems.length}`);
}
console.log(
  `${events} events, ${(text.length / 1e6).toFixed(2)} MB: lex ${best.lexCpu.toFixed(0)} ms cpu, ` +
    `parse (CST) ${best.parseCpu.toFixed(0)} ms cpu, parse() total ${best.totalCpu.toFixed(0)} ms cpu / ${best.totalWall.toFixed(0)} ms wall`,
);
