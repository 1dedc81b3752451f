// Injected into the page by the Chromium test host before any app script
// runs: it builds `window.ponder` with the same factory the real preload uses,
// over a Playwright binding instead of ipcRenderer.

import { createPonderApi } from '../../electron/shared/ipc-contract';
import type { Envelope, EventChannel, InvokeChannel, PonderApi } from '../../electron/shared/ipc-contract';

declare global {
  interface Window {
    ponder: PonderApi;
    /** The host's binding; answers an Envelope as JSON text. */
    __ponderInvoke: (channel: InvokeChannel, request: unknown) => Promise<string>;
    __ponderEmit: (channel: EventChannel, payload: unknown) => void;
    /**
     * Where the spec's simulated drops "are" on disk (reader-page.ts dropOnWindow): the part of
     * Electron's webUtils.getPathForFile the host plays. A File not in it has no path, as a
     * page-made File has none in Electron.
     */
    __ponderDropPaths: WeakMap<File, string>;
  }
}

window.__ponderDropPaths = new WeakMap();

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

window.__ponderEmit = (channel, payload) => {
  listeners.get(channel)?.forEach((listener) => listener(payload));
};

Object.defineProperty(window, 'ponder', {
  value: createPonderApi({
    invoke: async (channel, request) => JSON.parse(await window.__ponderInvoke(channel, request)) as Envelope<unknown>,
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    pathForFile: (file) => window.__ponderDropPaths.get(file) ?? '',
  }),
  writable: false,
  configurable: false,
});
