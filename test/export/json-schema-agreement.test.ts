/**
 * The exported JSON Schemas accept exactly what the generated validators accept. Property-based:
 * fast-check builds values from the model (mostly valid, with boundary cases, junk, missing and
 * unknown fields mixed in) and arbitrary JSON; ajv (draft 2020-12 + ajv-formats) and the generated
 * module must agree on every one.
 *
 * One documented difference is left out of the generated values: a leap second (`:60`) in a
 * timestamp, which the decoders accept at any time and `format: date-time` only at 23:59 UTC.
 * ajv runs with `unicode: false` so string lengths count UTF-16 units, as the decoders do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { eventSchemas } from "../../compiler/export/json-schema.js";
import { NamedTypes } from "../../compiler/export/named-types.js";
import { eventDataFields } from "../../compiler/generate/event-fields.js";
import { names } from "../../compiler/generate/names.js";
import type { Constraints, FieldModel, Model, TypeModel } from "../../compiler/model.js";
import { CROSS_NAMESPACE_SPEC } from "./cross-namespace-spec.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// Every primitive, every annotation (integer and fractional bounds, bounds beyond the type's
// range), optional and defaulted fields, enums, nested records, lists, maps, several versions,
// and a record from another namespace.
const SPECS: Record<string, string> = {
  "kinds.events": `
/// Every kind of field.
namespace kinds
import "./shared.events"

enum Level { LOW, MID, HIGH }

type Inner {
  label: string @minLength(2) @maxLength(5)
  level: Level = MID
  when?: date
}

topic things { partitions 3 }

aggregate Thing in things {
  key id: long

  event Made v1 { name: string }
  /// The current version.
  event Made v2 creates {
    name: string @pattern("^[a-z]+\\\\d?$")
    small: int @min(-3.5) @max(10)
    wide: int @max(99999999999)
    ratio: float @min(0) @max(1.5)
    code: string @minLength(2) @maxLength(3)
    count: long @min(-5) @max(123456789012)
    above: long @min(1.5)
    huge: long @max(12345678901234567890)
    ok: bool = true
    ident: uuid
    at: timestamp
    on?: date
    amount: decimal
    blob?: bytes
    tags: list<string> = [] @maxItems(3)
    some: list<int> @minItems(1)
    inner: Inner
    inners?: list<Inner> @maxItems(2)
    byName: map<string, Inner> = {}
    nested: list<list<int>> = []
    price: shared.Money
    old?: string @deprecated("use name")
  }
  event Touched { level?: Level }
}
`,
  "shared.events": `
namespace shared
type Money { amount: decimal  currency: string = "EUR" @pattern("^[A-Z]{3}$") }
aggregate Wallet { key code: string  event Opened creates { balance: Money } }
`,
};

const work = mkdtempSync(join(tmpdir(), "eventc-jsonschema-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  readonly label: string;
  readonly model: Model;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly module: Record<string, any>;
}
const cases: Case[] = [];

async function load(label: string, files: Record<string, string> | string[], rootDir?: string): Promise<void> {
  const result = compile({ files, ...(rootDir !== undefined ? { rootDir } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = join(work, label);
  mkdirSync(out, { recursive: true });
  for (const file of result.outputs) writeFileSync(join(out, file.path), file.content);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const module: Record<string, any> = {};
  for (const ns of result.model!.namespaces) Object.assign(module, await import(join(out, `${ns.name}.ts`)));
  cases.push({ label, model: result.model!, module });
}

beforeAll(async () => {
  await load("kinds", SPECS);
  await load("cross", CROSS_NAMESPACE_SPEC);
  const examples = new URL("../../examples/", import.meta.url).pathname;
  await load("shop", [join(examples, "shop/shop.events")], join(examples, "shop"));
  await load("bank", [join(examples, "bank/bank.events")], join(examples, "bank"));
});

function newAjv(): Ajv2020 {
  // `unicode: false` still works in ajv 8 but is reported as deprecated: say so once, not per schema.
  const logger = { log: console.log, error: console.error, warn: (...args: unknown[]) => void (String(args[0]).includes("option unicode") || console.warn(...args)) };
  const ajv = new Ajv2020({ allErrors: false, strict: true, unicode: false, logger });
  addFormats(ajv);
  return ajv;
}

// Values of one field or element: mostly valid for its type and annotations, some boundary or
// malformed cases of the same kind, a little junk of any JSON type.
function valueOf(type: TypeModel, types: NamedTypes, depth: number, c: Constraints = {}): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));
  const { valid, edge } = kinds(type, types, depth, c);
  return fc.oneof({ weight: 40, arbitrary: valid }, { weight: 2, arbitrary: edge }, { weight: 1, arbitrary: junk });
}

interface Kinds {
  readonly valid: fc.Arbitrary<unknown>;
  readonly edge: fc.Arbitrary<unknown>;
}

function kinds(type: TypeModel, types: NamedTypes, depth: number, c: Constraints): Kinds {
  switch (type.kind) {
    case "list": {
      const element = valueOf(type.element, types, depth + 1);
      const minLength = c.minItems ?? 0;
      const maxLength = Math.min(c.maxItems ?? 3, depth > 1 ? minLength + 1 : minLength + 3);
      return { valid: fc.array(element, { minLength, maxLength }), edge: fc.array(element, { maxLength: maxLength + 2 }) };
    }
    case "map": {
      const key = fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor") });
      const map = fc.dictionary(key, valueOf(type.value, types, depth + 1), { maxKeys: depth > 1 ? 1 : 3 });
      return { valid: map, edge: fc.array(fc.integer(), { maxLength: 1 }) };
    }
    case "enum": {
      const named = types.get(type.ref);
      const members = named?.kind === "enum" ? named.enum.members.map((m) => m.name) : [];
      return { valid: fc.constantFrom(...members), edge: fc.constantFrom("low", "", "EUR", "LOW ") };
    }
    case "record": {
      const named = types.get(type.ref);
      const fields = named?.kind === "record" ? named.record.fields : [];
      return { valid: objectOf(fields, types, depth + 1), edge: fc.constant({ unknown: 1 }) };
    }
    case "primitive":
      return primitive(type.name, c);
  }
}

const digits = (n: bigint): string => n.toString();
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"));
const year = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0"));

function primitive(name: string, c: Constraints): Kinds {
  const anyDate = fc.tuple(year, two(0, 13), two(0, 32)).map(([y, m, d]) => `${y}-${m}-${d}`);
  const validDate = fc.tuple(year, two(1, 12), two(1, 28)).map(([y, m, d]) => `${y}-${m}-${d}`);
  const calendarEdges = fc.constantFrom("2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2026-04-31", "2026-12-31", "2026-11-30");
  switch (name) {
    case "string": {
      const unit = fc.oneof(fc.constantFrom("a", "b", "7", "Z", "😀", "é"), fc.string({ minLength: 1, maxLength: 1 }));
      const sized = fc.string({ minLength: c.minLength ?? 0, maxLength: c.maxLength ?? 8, unit });
      const valid = c.pattern !== undefined ? fc.oneof(fc.stringMatching(new RegExp(c.pattern, "u")), sized) : sized;
      return { valid, edge: fc.string({ maxLength: (c.maxLength ?? 6) + 2, unit }) };
    }
    case "bool":
      return { valid: fc.boolean(), edge: fc.constantFrom("true", 0, 1) };
    case "int": {
      const min = Math.max(-(2 ** 31), Math.ceil(c.min ?? -(2 ** 31)));
      const max = Math.min(2 ** 31 - 1, Math.floor(c.max ?? 2 ** 31 - 1));
      return {
        valid: fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max)),
        edge: fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 99999999999, 100000000000, 1.5, min - 1, max + 1, min - 0.5, 1e300, "5"),
      };
    }
    case "float": {
      const min = c.min ?? -1e300;
      const max = c.max ?? 1e300;
      return {
        valid: fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max)),
        edge: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min - 1e-9, max + 1e-9, "1")),
      };
    }
    case "long": {
      const lo = c.min === undefined ? -(2n ** 63n) : BigInt(Math.ceil(c.min));
      const hi = c.max === undefined ? 2n ** 63n - 1n : BigInt(Math.floor(c.max));
      const low = lo > -(2n ** 63n) ? lo : -(2n ** 63n);
      const high = hi < 2n ** 63n - 1n ? hi : 2n ** 63n - 1n;
      const safe = BigInt(Number.MAX_SAFE_INTEGER);
      const inRange = fc.bigInt({ min: low, max: high });
      return {
        valid: fc.oneof(
          inRange.map(digits),
          fc.constantFrom(digits(low), digits(high)),
          inRange.filter((n) => n >= -safe && n <= safe).map(Number),
          inRange.map((n) => (n < 0n ? `-00${digits(-n)}` : `00${digits(n)}`)),
        ),
        edge: fc.oneof(
          fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(digits),
          fc.constantFrom(...[low - 1n, high + 1n, 2n ** 63n, -(2n ** 63n) - 1n].map(digits)),
          fc.constantFrom("-0", "00", "", "-", "1.0", "+1", "1e3", " 1", "0x10", "00009223372036854775807", "-0009223372036854775808", "00009223372036854775808"),
          fc.constantFrom(Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, Number(low) - 1, Number(high) + 1),
        ),
      };
    }
    case "uuid":
      return {
        valid: fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase())),
        edge: fc.oneof(
          fc.uuid().map((u) => `urn:uuid:${u}`),
          fc.uuid().map((u) => u.slice(1)),
          fc.uuid().map((u) => u.replace(/-/g, "")),
          fc.constantFrom("00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000}"),
        ),
      };
    case "timestamp": {
      const validTime = fc.tuple(two(0, 23), two(0, 59), two(0, 59)).map(([h, m, s]) => `${h}:${m}:${s}`);
      const anyTime = fc.tuple(two(0, 25), two(0, 61), two(0, 59)).map(([h, m, s]) => `${h}:${m}:${s}`);
      const fraction = fc.constantFrom("", ".5", ".123456789");
      const validOffset = fc.oneof(fc.constantFrom("Z", "z"), fc.tuple(fc.constantFrom("+", "-"), two(0, 23), two(0, 59)).map(([s, h, m]) => `${s}${h}:${m}`));
      const anyOffset = fc.oneof(fc.constantFrom("Z", "", "+0100", "+01", "UTC", "+24:00", "-01:60"), validOffset);
      return {
        valid: fc.tuple(fc.oneof(validDate, calendarEdges.filter((d) => d !== "2023-02-29" && d !== "1900-02-29" && d !== "2026-04-31")), fc.constantFrom("T", "t"), validTime, fraction, validOffset).map((p) => p.join("")),
        edge: fc.tuple(fc.oneof(anyDate, calendarEdges), fc.constantFrom("T", "t", " ", "_"), anyTime, fc.constantFrom("", ".5", "."), anyOffset).map((p) => p.join("")),
      };
    }
    case "date":
      return { valid: fc.oneof(validDate, fc.constantFrom("2024-02-29", "2000-02-29")), edge: fc.oneof(anyDate, calendarEdges, fc.constantFrom("2026-1-01", "20260101", "2026-01-01T00:00:00Z")) };
    case "decimal":
      return {
        valid: fc.stringMatching(/^-?(?:0|[1-9]\d{0,5})(?:\.\d{1,4})?$/),
        edge: fc.constantFrom("01.5", "1.", ".5", "+1", "1e5", "-0", "-0.0", "1,5", "", " 1", 1.5, 12),
      };
    case "bytes":
      return {
        valid: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString("base64")),
        edge: fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b).toString("base64").replace(/=+$/, "")),
          fc.constantFrom("a===", "ab=c", "____", "YWJj\n", "-_8="),
        ),
      };
    default:
      throw new Error(`no arbitrary for ${name}`);
  }
}

// An object of fields: each field present (maybe with a bad value) or absent; sometimes an unknown field.
function objectOf(fields: readonly FieldModel[], types: NamedTypes, depth: number): fc.Arbitrary<unknown> {
  const entries = fields.map((f) =>
    fc.oneof(
      { weight: 40, arbitrary: valueOf(f.type, types, depth, f.constraints).map((v) => [f.name, v] as const) },
      { weight: f.optional || f.default !== undefined ? 20 : 1, arbitrary: fc.constant(undefined) },
    ),
  );
  const extra = fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("extra", "__proto__", "toString") });
  return fc.tuple(fc.tuple(...entries), extra).map(([present, unknown]) => {
    const obj: Record<string, unknown> = {};
    for (const entry of present) if (entry !== undefined) define(obj, entry[0], entry[1]);
    if (unknown !== undefined) define(obj, unknown, 1);
    return obj;
  });
}

// Own property even for "__proto__", as JSON.parse makes it.
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function hasLeapSecond(value: unknown): boolean {
  return JSON.stringify(value)?.match(/T\d\d:\d\d:60|t\d\d:\d\d:60/) !== null;
}

describe("exported JSON Schemas agree with the generated validators", () => {
  it("compiles every schema in ajv's strict 2020-12 mode", () => {
    for (const c of cases) for (const { schema } of eventSchemas(c.model)) expect(() => newAjv().compile(schema)).not.toThrow();
  });

  it("accepts exactly the values the generated validators accept (property-based)", () => {
    let checked = 0;
    let accepted = 0;
    for (const c of cases) {
      const types = new NamedTypes(c.model);
      for (const { event, version, schema } of eventSchemas(c.model)) {
        const ajvValidate = newAjv().compile(schema);
        const ns = event.qualifiedName.slice(0, event.qualifiedName.lastIndexOf("."));
        const validators = c.module[names.validate(ns)];
        const validator = validators[names.versionStem(event, version)];
        expect(typeof validator, `${c.label}: validator of ${event.qualifiedName} v${version.version}`).toBe("function");
        const aggregate = c.model.namespaces.flatMap((n) => n.aggregates).find((a) => a.qualifiedName === event.aggregate)!;
        const fields = eventDataFields(aggregate, version.fields);
        const values = fc.oneof({ weight: 6, arbitrary: objectOf(fields, types, 0) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
        fc.assert(
          fc.property(values, (raw) => {
            const value: unknown = JSON.parse(JSON.stringify(raw) ?? "null");
            fc.pre(!hasLeapSecond(value));
            const byAjv = ajvValidate(value);
            const byGenerated = validator(value).ok as boolean;
            checked++;
            if (byGenerated) accepted++;
            if (byAjv !== byGenerated)
              throw new Error(
                `${event.qualifiedName} v${version.version}: ajv ${byAjv ? "accepts" : "rejects"} but the generated validator ${byGenerated ? "accepts" : "rejects"} ${JSON.stringify(value)}\najv: ${JSON.stringify(ajvValidate.errors)}\ngenerated: ${JSON.stringify(validator(value))}`,
              );
          }),
          { numRuns: 150, seed: 20261126 + checked },
        );
      }
    }
    const versions = cases.reduce((n, c) => n + eventSchemas(c.model).length, 0);
    expect(versions).toBeGreaterThanOrEqual(25);
    expect(checked).toBeGreaterThan(versions * 140); // ~150 runs each, minus the few leap seconds skipped
    // Both sides of the property must be exercised.
    expect(accepted).toBeGreaterThan(checked / 10);
    expect(checked - accepted).toBeGreaterThan(checked / 10);
  });
});
