/**
 * The topics stored in a log directory: `topics/<topic>/topic.json` files. A topic directory without
 * its topic.json is a creation interrupted by a crash (topic.json is written last) and is ignored.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LogCorruptedError } from "../errors.js";
import type { TopicSpec } from "../log.js";
import { topicsDir } from "./layout.js";

export function readTopicSpecs(dir: string): TopicSpec[] {
  let names: string[];
  try {
    names = readdirSync(topicsDir(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const specs: TopicSpec[] = [];
  for (const name of names.sort()) {
    const path = join(topicsDir(dir), name, "topic.json");
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw error;
    }
    let spec: { name?: unknown; partitions?: unknown };
    try {
      spec = JSON.parse(text) as typeof spec;
    } catch (error) {
      throw new LogCorruptedError(path, 0, `topic.json is not valid JSON (${(error as Error).message})`);
    }
    if (typeof spec.name !== "string" || !Number.isInteger(spec.partitions) || (spec.partitions as number) < 1) {
      throw new LogCorruptedError(path, 0, 'topic.json must hold { "name": string, "partitions": positive integer }');
    }
    specs.push(Object.freeze({ name: spec.name, partitions: spec.partitions as number }));
  }
  return specs;
}
