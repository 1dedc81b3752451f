import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/shared/csp';

/**
 * Writes the app's one CSP (electron/shared/csp.ts) into index.html's meta tag. Under
 * `npm run dev` the tag is dropped instead: Vite's dev server injects inline scripts (React
 * refresh) that the policy refuses. Built output always carries the full policy.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ponder:content-security-policy',
    transformIndexHtml: (html, context) =>
      context.server
        ? html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, '')
        : html.replace('%PONDER_CSP%', CONTENT_SECURITY_POLICY_META),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The search index's worker thread (see electron/core/search/index-service.ts).
          'index-worker': resolve(__dirname, 'electron/core/search/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload can only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
