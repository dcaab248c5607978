// Builds the three parts of the desktop app: main (embeds src-server), preload, renderer (also served by src-server);
// the main build also bundles the headless server (out/main/serve.js, run by `npm run serve`) from the same sources.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Two entries, one build: the desktop app and the headless server share the server code (a common chunk).
      rollupOptions: { input: { index: resolve('src-main/index.ts'), serve: resolve('src-server/serve.ts') } },
    },
  },
  preload: {
    // A sandboxed preload cannot ask the app for its version: it is written in at build time.
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { index: resolve('src-main/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    // The API's response types live in src-shared/ (tsconfig.web.json has the same alias).
    resolve: { alias: { '@shared': resolve('src-shared') } },
    plugins: [
      react(),
      // electron-vite forces base './' (for file:// windows); ours is served at `/` with client-side routes such as
      // /client/book, where './assets/…' would miss: assets resolve from the root.
      { name: 'practice:assets-from-root', config: () => ({ base: '/' }) },
    ],
    build: {
      // Phones on the LAN run older browsers than Electron's Chromium.
      target: 'es2022',
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; browsers on the LAN download these over Wi-Fi.
      minify: true,
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
