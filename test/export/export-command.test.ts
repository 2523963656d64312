/** `eventc export` and `eventc docs`: the command functions directly, and the built binary end to end. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDocs } from "../../compiler/cli/commands/docs.js";
import { runExport } from "../../compiler/cli/commands/export.js";
import { ROOT, runCli } from "../cli/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "eventc-export-cmd-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

const base = { cwd: ROOT, format: "text" as const, color: false };

describe("runExport", () => {
  it("asyncapi: prints the document to stdout when there is no --out, and nothing else", () => {
    const c = capture();
    expect(runExport({ ...base, target: "asyncapi", paths: ["examples/shop"] }, c.io)).toBe(0);
    const doc = JSON.parse(c.out.join(""));
    expect(doc.asyncapi).toBe("3.0.0");
    expect(Object.keys(doc.channels)).toEqual(["shop.catalog", "shop.orders"]);
    expect(c.err).toEqual([]);
  });

  it("asyncapi with --format json and no --out: stdout is the document alone, diagnostics go to stderr", () => {
    const c = capture();
    expect(runExport({ ...base, format: "json", target: "asyncapi", paths: ["examples/shop"] }, c.io)).toBe(0);
    expect(JSON.parse(c.out.join("")).asyncapi).toBe("3.0.0");
    expect(JSON.parse(c.err.join(""))).toEqual([]);
  });

  it("asyncapi --out: writes the file and says so", () => {
    const c = capture();
    const out = join(work, "api", "asyncapi.json");
    expect(runExport({ ...base, target: "asyncapi", paths: ["examples/bank"], out }, c.io)).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).channels["bank.accounts"].bindings.kafka.partitions).toBe(16);
    expect(c.out.join("")).toMatch(/^Wrote the AsyncAPI 3\.0 document to .*asyncapi\.json\.\n$/);
  });

  it("jsonschema: one file per event version; rerunning writes nothing new", () => {
    const out = join(work, "schemas");
    const first = capture();
    expect(runExport({ ...base, target: "jsonschema", paths: ["examples/shop"], out }, first.io)).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain("shop.ItemListed.v1.schema.json");
    expect(files).toHaveLength(8);
    const schema = JSON.parse(readFileSync(join(out, "shop.OrderPlaced.v1.schema.json"), "utf8"));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["orderId", "customerId", "lines", "placedAt"]);
    expect(schema.properties.lines).toEqual({ type: "array", items: { $ref: "#/$defs/shop.OrderLine" }, minItems: 1 });
    expect(Object.keys(schema.$defs)).toEqual(["common.Currency", "common.Money", "shop.OrderLine"]);
    expect(first.out.join("")).toContain("8 written, 0 unchanged");
    const second = capture();
    expect(runExport({ ...base, target: "jsonschema", paths: ["examples/shop"], out }, second.io)).toBe(0);
    expect(second.out.join("")).toContain("0 written, 8 unchanged");
  });

  it("jsonschema without --out is bad usage (exit 2); specs with errors exit 1 with diagnostics and write nothing", () => {
    const c = capture();
    expect(runExport({ ...base, target: "jsonschema", paths: ["examples/shop"] }, c.io)).toBe(2);
    expect(c.err.join("")).toContain("eventc export jsonschema needs --out DIR");
    const bad = join(work, "bad.events");
    writeFileSync(bad, "namespace bad\naggregate A { key id: string event E creates { x: Nope } }\n");
    const d = capture();
    const out = join(work, "bad-out");
    expect(runExport({ ...base, target: "jsonschema", paths: [bad], out }, d.io)).toBe(1);
    expect(d.err.join("")).toMatch(/bad\.events:2:\d+: error EV\d{4}: .*Nope/);
    expect(existsSync(out)).toBe(false);
    const e = capture();
    expect(runDocs({ ...base, paths: [bad], out }, e.io)).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe("runDocs", () => {
  it("writes the catalog and names index.html", () => {
    const c = capture();
    const out = join(work, "site");
    expect(runDocs({ ...base, paths: ["examples/shop", "examples/bank"], out, title: "Shop & bank" }, c.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["bank.html", "common.html", "index.html", "shop.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("<title>Shop &amp; bank</title>");
    expect(c.out.join("")).toMatch(/Wrote the catalog to .*site: 4 page\(s\), 4 written, 0 unchanged\. Open .*index\.html\./);
  });
});

// Like test/cli, this runs dist/ (built by `npm test` before vitest).
describe("the built eventc binary", () => {
  it("eventc export asyncapi / jsonschema and eventc docs run; --help lists them", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/eventc export <target> \[paths\.\.\]/);
    expect(help.stdout).toMatch(/eventc docs \[paths\.\.\]/);
    const api = await runCli(["export", "asyncapi", "examples/shop"]);
    expect(api.status).toBe(0);
    expect(JSON.parse(api.stdout).asyncapi).toBe("3.0.0");
    const schemas = await runCli(["export", "jsonschema", "examples/bank", "--out", join(work, "cli-schemas")]);
    expect(schemas.status).toBe(0);
    expect(readdirSync(join(work, "cli-schemas"))).toContain("bank.MoneyDeposited.v1.schema.json");
    const usage = await runCli(["export", "avro", "examples/shop"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Invalid values");
    const docs = await runCli(["docs", "examples/shop", "--out", join(work, "cli-site")]);
    expect(docs.status).toBe(0);
    expect(readdirSync(join(work, "cli-site"))).toContain("shop.html");
  });
});
