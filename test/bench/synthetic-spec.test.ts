import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSyntheticSpec, type SyntheticField, type SyntheticSpec } from "../../bench/synthetic/synthetic-spec.js";
import { syntheticSpecSources, writeSyntheticSpecs } from "../../bench/synthetic/write-spec.js";

const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

function hasKind(fields: readonly SyntheticField[], kind: "record" | "list" | "enum"): boolean {
  return fields.some((f) => f.type.kind === kind);
}

describe("synthetic spec plan", () => {
  it("has exactly the requested number of distinct events, spread over the requested namespaces plus common", () => {
    for (const events of [7, 100, 1234]) {
      const spec = buildSyntheticSpec({ events, namespaces: 10 });
      expect(spec.counts.events).toBe(events);
      expect(spec.namespaces.map((ns) => ns.name)).toEqual([
        "common",
        "billing",
        "catalog",
        "shipping",
        "inventory",
        "payments",
        "identity",
        "support",
        "marketing",
        "analytics",
        "fleet",
      ]);
      const perNamespace = spec.namespaces.slice(1).map((ns) => ns.aggregates.reduce((n, a) => n + a.events.length, 0));
      expect(Math.max(...perNamespace) - Math.min(...perNamespace)).toBeLessThanOrEqual(1);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = syntheticSpecSources({ events: 300, seed: 7 }).sources;
    const b = syntheticSpecSources({ events: 300, seed: 7 }).sources;
    const c = syntheticSpecSources({ events: 300, seed: 8 }).sources;
    expect(b).toEqual(a);
    expect(c.map((s) => s.text)).not.toEqual(a.map((s) => s.text));
  });

  it("gives every event a record, a list and an enum field among about six fields, none named like the key", () => {
    const spec = buildSyntheticSpec({ events: 500 });
    let fieldTotal = 0;
    let versions = 0;
    for (const ns of spec.namespaces)
      for (const aggregate of ns.aggregates)
        for (const event of aggregate.events)
          for (const version of event.versions) {
            versions++;
            fieldTotal += version.fields.length;
            const current = version === event.versions[event.versions.length - 1];
            if (current) {
              expect(hasKind(version.fields, "record"), event.name).toBe(true);
              expect(hasKind(version.fields, "list"), event.name).toBe(true);
              expect(hasKind(version.fields, "enum"), event.name).toBe(true);
            }
            expect(version.fields.some((f) => f.name === aggregate.key.name)).toBe(false);
            expect(new Set(version.fields.map((f) => f.name)).size).toBe(version.fields.length);
          }
    const average = fieldTotal / versions;
    expect(average).toBeGreaterThan(5);
    expect(average).toBeLessThan(7);
    expect(spec.counts.eventVersions).toBeGreaterThan(spec.counts.events);
  });

  it("declares valid lifecycles: one creating event, `after` only on reachable non-ending events of the same aggregate", () => {
    const spec: SyntheticSpec = buildSyntheticSpec({ events: 2000 });
    for (const ns of spec.namespaces)
      for (const aggregate of ns.aggregates) {
        const events = aggregate.events;
        expect(events.filter((e) => e.creates)).toHaveLength(1);
        const byName = new Map(events.map((e) => [e.name, e]));
        // Reachable: the creating event, then anything `after` a reachable non-ending event.
        const reachable = new Set(events.filter((e) => e.creates).map((e) => e.name));
        for (let grew = true; grew; ) {
          grew = false;
          for (const e of events)
            if (!reachable.has(e.name) && e.after.some((name) => reachable.has(name) && byName.get(name)?.ends === false)) {
              reachable.add(e.name);
              grew = true;
            }
        }
        for (const e of events) {
          for (const target of e.after) {
            expect(byName.has(target), `${e.name} after ${target}`).toBe(true);
            expect(byName.get(target)?.ends, `${e.name} after an ending event`).toBe(false);
          }
          if (e.after.length > 0 || e.creates) expect(reachable.has(e.name), `${e.name} unreachable`).toBe(true);
        }
      }
  });

  it("keeps declaration names unique per namespace and enum/record names unique across namespaces", () => {
    const spec = buildSyntheticSpec({ events: 3000 });
    const typeNames = new Set<string>();
    for (const ns of spec.namespaces) {
      const names = [
        ...ns.enums.map((e) => e.name),
        ...ns.records.map((r) => r.name),
        ...ns.topics.map((t) => t.name),
        ...ns.aggregates.map((a) => a.name),
        ...ns.aggregates.flatMap((a) => a.events.map((e) => e.name)),
        ...ns.projections.map((p) => p.name),
      ];
      expect(new Set(names).size).toBe(names.length);
      for (const name of [...ns.enums.map((e) => e.name), ...ns.records.map((r) => r.name)]) {
        expect(typeNames.has(name), name).toBe(false);
        typeNames.add(name);
      }
    }
  });
});

describe("writeSyntheticSpecs", () => {
  it("writes one .events file per namespace that imports common and the previous domain namespace", async () => {
    const dir = await mkdtemp(join(tmpdir(), "eventc-synthetic-"));
    folders.push(dir);
    const written = await writeSyntheticSpecs({ events: 100, namespaces: 3, dir });
    expect(written.files.map((f) => basename(f))).toEqual(["common.events", "billing.events", "catalog.events", "shipping.events"]);
    const catalog = await readFile(join(dir, "catalog.events"), "utf8");
    expect(catalog).toMatch(/^(\/\/\/ .*\n)?namespace catalog\n\nimport "\.\/common\.events"\nimport "\.\/billing\.events"\n/);
    expect(catalog).toContain("reference: billing.BillingWindow");
    expect(catalog).toMatch(/^aggregate \w+ in feed0 \{$/m);
    expect(catalog).toMatch(/^ {2}event \w+ creates \{$/m);
    expect(catalog).toMatch(/^ {2}event \w+ after [\w, ]+ ends \{$/m);
    expect(catalog).toMatch(/^projection \w+View per \w+ \{$/m);
    const common = await readFile(join(dir, "common.events"), "utf8");
    expect(common).toContain("type Money {\n  amount: decimal\n  currency: Currency = EUR\n}");
    const lines = (await Promise.all(written.files.map((f) => readFile(f, "utf8")))).reduce((n, t) => n + t.split("\n").length, 0);
    expect(written.lines).toBe(lines);
  });
});
