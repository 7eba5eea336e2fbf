import { defineConfig } from "vitest/config";

// Unit tests: pure modules and components rendered to static HTML (live protocol, projection, descriptions, tables),
// no browser, no server.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
