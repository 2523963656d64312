import { describe, expect, it } from "vitest";
import { compileSpecs } from "../../compiler/cli/compile-specs.js";
import { createProgress } from "../../compiler/cli/progress.js";
import { fileURLToPath } from "node:url";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (t: string) => written.push(t), written };
}

describe("progress", () => {
  it("draws and clears one line on a terminal", () => {
    const tty = stream(true);
    const progress = createProgress(tty, {});
    progress.update("eventc: parsing 3 file(s)");
    progress.update("eventc: checking 3 file(s)");
    progress.done();
    expect(tty.written).toEqual(["\r" + "eventc: parsing 3 file(s)\u001b[K", "\r" + "eventc: checking 3 file(s)\u001b[K", "\r\u001b[K"]);
  });

  it("stays quiet when not on a terminal, and in CI", () => {
    const pipe = stream(false);
    createProgress(pipe, {}).update("x");
    const ci = stream(true);
    createProgress(ci, { CI: "true" }).update("x");
    expect(pipe.written).toEqual([]);
    expect(ci.written).toEqual([]);
  });

  it("reports the compiler's phases while generating", () => {
    const tty = stream(true);
    const examples = fileURLToPath(new URL("../../examples/shop/", import.meta.url));
    const compiled = compileSpecs({ cwd: examples, paths: ["."], generate: true, progress: createProgress(tty, {}) });
    expect(compiled.diagnostics).toEqual([]);
    const lines = tty.written.map((t) => t.replace(/^\r|\u001b\[K$/g, ""));
    expect(lines).toEqual(["eventc: parsing 2 file(s)", "eventc: checking 2 file(s)", "eventc: building the model", "eventc: generating 2 namespace(s)", ""]);
  });
});
