import { defineConfig } from "vitest/config";

// Browser tests: one gateway and one headless Chromium shared by the scenarios in a file, run in order.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
