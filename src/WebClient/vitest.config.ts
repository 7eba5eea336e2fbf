import { defineConfig } from "vitest/config";

// Unit tests: pure modules only (live protocol, projection, descriptions), no browser, no server.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
