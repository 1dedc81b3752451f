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
  }
}

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
  }),
  writable: false,
  configurable: false,
});
