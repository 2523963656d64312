/**
 * Type-level guards on the contract itself (checked by tsc over the test folder) plus their runtime twins.
 */
import { describe, expect, it } from "vitest";
import type { Log } from "../../runtime/index.js";
import { createMemoryLog } from "../../runtime/index.js";

type Mutating = "update" | "delete" | "remove" | "truncate" | "put" | "set" | "erase" | "purge" | "overwrite";
/** Every member of Log whose name contains a mutating verb (any case position); must be never. */
type Offending = {
  [K in keyof Log]: K extends `${string}${Mutating | Capitalize<Mutating>}${string}` ? K : never;
}[keyof Log];

// Fails to compile the day someone adds `deleteEvent`, `updateEvent`, `truncate`, ... to Log.
const logHasNoMutatingMember: [Offending] extends [never] ? true : false = true;

// The members of Log, listed once: adding or removing one breaks this line (interface drift).
type Members = "description" | "ensureTopic" | "append" | "keyState" | "readPartition" | "readKey" | "replay" | "subscribe" | "groupPosition" | "topics" | "stats" | "verify" | "close";
const exactMembers: [keyof Log] extends [Members] ? ([Members] extends [keyof Log] ? true : false) : false = true;

describe("the Log contract", () => {
  it("has no mutating member (type-level, plus the memory log's runtime object)", async () => {
    expect(logHasNoMutatingMember).toBe(true);
    expect(exactMembers).toBe(true);
    const log = createMemoryLog();
    const names: string[] = [];
    for (let o: object | null = log; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) names.push(...Object.getOwnPropertyNames(o));
    expect(names.filter((n) => /update|delete|remove|truncate|put|^set|erase|purge|overwrite/i.test(n))).toEqual([]);
    await log.close();
  });
});
