import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Generated code imports "eventc/runtime"; inside the test suite that resolves to the runtime sources.
export default defineConfig({
  resolve: {
    alias: { "eventc/runtime": fileURLToPath(new URL("./runtime/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
  },
});
