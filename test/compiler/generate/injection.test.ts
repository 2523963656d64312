import { describe, expect, it } from "vitest";
import { generate } from "../../../compiler/generate/index.js";
import { formatTypecheckDiagnostics } from "../../../compiler/generate/typecheck.js";
import { injectionModel, NASTY_DEFAULT } from "./injection-model.js";
import { loadGenerated, validator } from "./load-generated.js";

describe("generated code under hostile specs", () => {
  const outputs = generate(injectionModel());
  const content = outputs[0]?.content ?? "";

  it("type-checks with zero errors", async () => {
    const { typecheckOutputs } = await import("../../../compiler/generate/typecheck.js");
    const diagnostics = typecheckOutputs(outputs, { runtimeTypes: "runtime/index.ts" });
    expect(formatTypecheckDiagnostics(diagnostics)).toBe("");
  }, 120_000);

  it("keeps docs inside their comments", () => {
    expect(content).not.toMatch(/\*\/ console\.log/);
    expect(content).toContain("Ends here? *\\/ console.log(`pwned ${1 + 1}`); /*");
    expect(content).not.toMatch(/[\u2028\u2029]/);
    expect(content).toContain("@deprecated use `class` *\\/ instead");
  });

  it("quotes reserved and special property names", () => {
    expect(content).toContain('readonly "class": string;');
    expect(content).toContain('readonly "default"?: string;');
    expect(content).toContain('readonly "__proto__": string;');
    expect(content).toContain('export type Mode = "class" | "default" | "constructor" | "__proto__";');
  });

  it("decodes to what the spec says: own properties, exact default strings, untouched prototypes", async () => {
    const mod = await loadGenerated(outputs, "inj.ts");
    const weird = validator(mod, "validateInj", "Weird");
    const input = JSON.parse('{"class":"c","__proto__":"p"}') as unknown;
    const result = weird(input);
    expect(result.ok).toBe(true);
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe("p");
    expect(value["default"]).toBe(NASTY_DEFAULT);
    expect(value["toString"]).toBe("__proto__");
    expect(Object.keys(value)).toEqual(["class", "default", "__proto__", "toString"]);
    // "constructor" was absent: the inherited Object.prototype.constructor must not count as a value.
    expect(Object.prototype.hasOwnProperty.call(value, "constructor")).toBe(false);
  });

  it("treats an inherited __proto__ or constructor as absent", () => {
    return loadGenerated(outputs, "inj.ts").then((mod) => {
      const weird = validator(mod, "validateInj", "Weird");
      expect(weird({ class: "c" }).issues).toEqual([{ path: "$.__proto__", message: "is required" }]);
      const made = validator(mod, "validateInj", "ThingMade");
      expect(made(JSON.parse('{"constructor":"k","weird":{"class":"c","__proto__":"p"},"delete":true,"__proto__":{"x":1}}')).issues).toEqual([
        { path: "$.__proto__", message: "is not a field of ThingMade" },
      ]);
    });
  });
});
