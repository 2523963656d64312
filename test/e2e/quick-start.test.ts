/**
 * README's quick start stays true: the steps of `npm run shop` (generate with the built CLI,
 * compile the example with tsc in strict mode, run it on the embedded file log) succeed and
 * the program shows what README says it shows.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, ROOT } from "../cli/run-cli.js";
import { NATS_URL, natsAvailable, removeStreams, runPrefix } from "../runtime/jetstream/nats-available.js";

function run(args: readonly string[], env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", ...env } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("quick start", () => {
  it("generates, compiles and runs the shop example", async () => {
    const generated = await run([CLI, "generate", "examples/shop", "--out", "examples/shop/generated"]);
    expect(generated.output).toContain("Generated 2 module(s)");
    expect(generated.status).toBe(0);
    const compiled = await run(["node_modules/typescript/bin/tsc", "-p", "examples/shop"]);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const ran = await run(["examples/shop/dist/main.js"]);
    expect(ran.status).toBe(0);
    expect(ran.output).toContain("published shop.ItemListed v1 of key A-1");
    expect(ran.output).toMatch(/rejected as expected: Lifecycle violation on key "B-2"/);
    expect(ran.output).toMatch(/rejected as expected: Concurrency conflict on key "A-1"/);
    expect(ran.output).toContain("the second run resumed from the checkpoint");
    expect(ran.output).toContain('PriceList: {"prices":{"A-1":{"amount":"17.50","currency":"EUR"}},"delisted":1}');
    expect(ran.output).toContain("done.");
  }, 120_000);

  it("runs the same program on NATS JetStream when only the openLog options change", async () => {
    if (!(await natsAvailable())) return;
    const run_ = runPrefix();
    try {
      // Reuses the build of the test above when it ran; otherwise builds it.
      const generated = await run([CLI, "generate", "examples/shop", "--out", "examples/shop/generated"]);
      expect(generated.status).toBe(0);
      expect((await run(["node_modules/typescript/bin/tsc", "-p", "examples/shop"])).status).toBe(0);
      const ran = await run(["examples/shop/dist/main.js"], { EVENTC_NATS: NATS_URL, EVENTC_SHOP_RUN: run_ });
      expect(ran.output).toContain(`JetStream log at ${NATS_URL}`);
      expect(ran.status).toBe(0);
      expect(ran.output).toContain("the second run resumed from the checkpoint");
      expect(ran.output).toContain('PriceList: {"prices":{"A-1":{"amount":"17.50","currency":"EUR"}},"delisted":1}');
    } finally {
      await removeStreams(run_.toUpperCase());
    }
  }, 120_000);
});
