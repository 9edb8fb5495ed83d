import { defineConfig } from 'vite';

// The dashboard is a static app: `vite build` (run by scripts/build-web.js) writes web/dist,
// which `bilat serve` serves at `/`. It only talks to the public API on the same origin.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '^/(?!src/|@|node_modules/|index\\.html$).+': 'http://127.0.0.1:8080' } },
});
