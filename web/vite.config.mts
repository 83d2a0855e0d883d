// The web front end's build: Vite, JSX for Preact through Vite's own transformer (no Babel plugin needed).
// The API process serves web/dist at / (api/app.ts); scripts/web-build.mjs runs this build when dist is stale.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // Under helmet's CSP (script-src 'self'): no inline script, no data: module preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
