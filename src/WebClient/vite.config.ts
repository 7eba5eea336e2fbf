import { defineConfig } from "vite";

// React without @vitejs/plugin-react: Vite's own transform compiles TSX with the automatic JSX runtime
// (tsconfig "jsx": "react-jsx"). The plugin only adds Fast Refresh for the dev server, which this app does not need:
// it is built once and served by the gateway.
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  server: {
    // `npm run dev` against a gateway on 5180: the API and the hub are proxied, so the page has one origin.
    proxy: {
      "/api": "http://127.0.0.1:5180",
      "/health": "http://127.0.0.1:5180",
      "/hubs": { target: "http://127.0.0.1:5180", ws: true },
    },
  },
});
