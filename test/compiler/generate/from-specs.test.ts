/**
 * Generation driven from `.events` sources through compile(): determinism across file order,
 * and hostile specs that still mean what they say at run time.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../../compiler/compile.js";
import { REPO_ROOT } from "./golden-cases.js";
import { loadGenerated, validator } from "./load-generated.js";

const specs = (dir: string) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith(".events"))
    .map((f) => join(REPO_ROOT, dir, f));

describe("generation from specs", () => {
  it("gives byte-identical output whatever the order of the input files, and on every run", () => {
    const files = [...specs("examples/shop"), ...specs("test/golden/specs/injection"), ...specs("examples/bank")];
    const forward = compile({ files, rootDir: REPO_ROOT });
    const backward = compile({ files: [...files].reverse(), rootDir: REPO_ROOT });
    const shuffled = compile({ files: [files[2]!, files[0]!, ...files.slice(3), files[1]!], rootDir: REPO_ROOT });
    expect(forward.diagnostics).toEqual([]);
    expect(forward.outputs.map((o) => o.path)).toEqual(["bank.ts", "common.ts", "inj.ts", "shop.ts"]);
    expect(backward.outputs).toEqual(forward.outputs);
    expect(shuffled.outputs).toEqual(forward.outputs);
    expect(compile({ files, rootDir: REPO_ROOT }).outputs).toEqual(forward.outputs);
  });

  it("keeps a hostile spec's defaults and names exactly as written", async () => {
    const result = compile({ files: specs("test/golden/specs/injection"), rootDir: REPO_ROOT });
    expect(result.diagnostics).toEqual([]);
    const weird = result.model?.namespaces[0]?.records.find((r) => r.name === "Weird");
    const expectedDefault = weird?.fields.find((f) => f.name === "default")?.default;
    expect(expectedDefault).toBe('He said "hi"\\n then\\left `${x}` */');
    const mod = await loadGenerated(result.outputs, "inj.ts");
    const decoded = validator(mod, "validateInj", "ThingMade")(
      JSON.parse('{"constructor":"k","weird":{"class":"c","__proto__":"p"},"delete":false}'),
    );
    expect(decoded.ok).toBe(true);
    const value = decoded.value as { weird: Record<string, unknown> };
    expect(value.weird["default"]).toBe(expectedDefault);
    expect(value.weird["toString"]).toBe("__proto__");
    expect(Object.getPrototypeOf(value.weird)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["constructor", "weird", "delete"]);
  });
});
