import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './electron/shared/csp';

/**
 * Writes the app's one CSP (electron/shared/csp.ts) into index.html's meta tag. Under
 * `npm run dev` the dev server sends the same policy as a header instead, loosened only where hot
 * reload needs it (`developmentPolicy`); the meta tag is dropped there, as it would apply on top.
 * Built output always carries the full policy.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ponder:content-security-policy',
    config: (_config, { command }) =>
      command === 'serve'
        ? { html: { cspNonce: DEV_NONCE }, server: { headers: { 'Content-Security-Policy': developmentPolicy() } } }
        : undefined,
    transformIndexHtml: (html, context) =>
      context.server
        ? html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, '')
        : html.replace('%PONDER_CSP%', CONTENT_SECURITY_POLICY_META),
  };
}

/** Not a secret: only the local dev server uses it, and the built app's policy has no nonce. */
const DEV_NONCE = 'ponder-dev';

/**
 * The shared policy plus what Vite's dev server needs: its inline React-refresh preamble and the
 * <style> tags it injects carry DEV_NONCE (Vite's html.cspNonce), and the HMR websocket.
 */
function developmentPolicy(): string {
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => {
      if (/^(script|style)-src /.test(directive)) return `${directive} 'nonce-${DEV_NONCE}'`;
      if (directive.startsWith('connect-src ')) return `${directive} ws://localhost:* ws://127.0.0.1:*`;
      return directive;
    })
    .join('; ');
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The search index's worker thread (see electron/core/search/worker-engine.ts).
          'index-worker': resolve(__dirname, 'electron/core/search/index-worker.ts'),
          // The library's reading threads (see electron/core/library/library-loader.ts).
          'library-worker': resolve(__dirname, 'electron/core/library/library-worker.ts'),
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
