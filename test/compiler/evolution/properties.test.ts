/**
 * Properties over random specs (fast-check): the lock file does not depend on declaration,
 * field or member order; a spec compared with its own lock has no changes; adding an optional
 * field or an enum member anywhere is compatible; removing any locked field is breaking.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWithLock } from "../../../compiler/evolution/compare.js";
import { buildLock, serializeLock } from "../../../compiler/evolution/lock-file.js";
import type { FieldModel, Model, TypeModel } from "../../../compiler/model.js";
import { aggregate, enumOf, field, model, namespace, record, t, topic } from "./model-builder.js";

/** A small random spec: one enum, one record, events with fields of mixed types. */
interface Shape {
  readonly members: readonly string[];
  readonly recordFields: readonly { name: string; type: number; optional: boolean }[];
  readonly events: readonly { name: string; fields: readonly { name: string; type: number; optional: boolean }[] }[];
  readonly partitions: number;
}

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);
const fieldsArb = fc.uniqueArray(fc.record({ name, type: fc.nat(5), optional: fc.boolean() }), { selector: (f) => f.name, minLength: 1, maxLength: 6 });
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  members: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{0,4}$/), { minLength: 1, maxLength: 5 }),
  recordFields: fieldsArb,
  events: fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[A-Z][a-zA-Z]{0,8}$/), fields: fieldsArb }), { selector: (e) => e.name, minLength: 1, maxLength: 4 }),
  partitions: fc.integer({ min: 1, max: 16 }),
});

const TYPES: readonly TypeModel[] = [t.string, t.int, t.decimal, t.enum("ns.Kind"), t.record("ns.Thing"), t.list(t.record("ns.Thing"))];

function build(shape: Shape, reverse = false): Model {
  const order = <T>(items: readonly T[]): T[] => (reverse ? [...items].reverse() : [...items]);
  const toField = (f: { name: string; type: number; optional: boolean }, inRecord: boolean): FieldModel =>
    // A record may not contain itself: its own fields use the first four types only.
    field(f.name, TYPES[inRecord ? f.type % 4 : f.type] ?? t.string, { optional: f.optional });
  return model(
    namespace("ns", {
      enums: [enumOf("ns", "Kind", order(shape.members))],
      records: [record("ns", "Thing", order(shape.recordFields.map((f) => toField(f, true))))],
      topics: [topic("ns", "things", shape.partitions)],
      aggregates: [
        aggregate(
          "ns",
          "Agg",
          "ns.things",
          { name: "id", type: "uuid" },
          order(shape.events.map((e) => ({ name: e.name, versions: [order(e.fields.map((f) => toField(f, false)))] }))),
        ),
      ],
    }),
  );
}

describe("evolution properties", () => {
  it("the lock does not depend on the order of declarations, fields or members", () => {
    fc.assert(fc.property(shapeArb, (shape) => serializeLock(buildLock(build(shape, true))) === serializeLock(buildLock(build(shape)))), { numRuns: 150 });
  });

  it("a spec compared with its own lock has neither breaking nor compatible changes", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const result = compareWithLock(buildLock(build(shape)), build(shape, true));
        expect(result.diagnostics).toEqual([]);
        expect(result.compatible).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("a new optional field in any event, or a new enum member, is compatible", () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (shape, which) => {
        const lock = buildLock(build(shape));
        const index = which % shape.events.length;
        const fresh = `added_${which}`; // "_" never occurs in generated names
        const grown: Shape = {
          ...shape,
          members: [...shape.members, `NEW${which}`],
          events: shape.events.map((e, i) => (i === index && !e.fields.some((f) => f.name === fresh) ? { ...e, fields: [...e.fields, { name: fresh, type: 0, optional: true }] } : e)),
        };
        const result = compareWithLock(lock, build(grown));
        expect(result.diagnostics).toEqual([]);
        expect(result.compatible.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("removing any field of a locked event is an error (EV6001)", () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), fc.nat(), (shape, whichEvent, whichField) => {
        const lock = buildLock(build(shape));
        const index = whichEvent % shape.events.length;
        const target = shape.events[index]!;
        const removed = target.fields[whichField % target.fields.length]!;
        const shrunk: Shape = { ...shape, events: shape.events.map((e, i) => (i === index ? { ...e, fields: e.fields.filter((f) => f !== removed) } : e)) };
        const codes = compareWithLock(lock, build(shrunk)).diagnostics.map((d) => d.code);
        expect(codes).toEqual(["EV6001"]);
      }),
      { numRuns: 150 },
    );
  });
});
