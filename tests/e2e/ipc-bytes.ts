// What crosses from main to the page, by channel: invoke answers (the JSON text the host's
// binding returns) and events (serialised as they would be), in UTF-8 bytes, from the first
// request on. Installed through launchReader's `beforeLoad` (chromium target: the bridge's
// `__ponderInvoke` and `__ponderEmit` are wrapped before any app script runs).

import type { Page } from '@playwright/test';

export interface IpcBytes {
  /** Bytes received so far, by channel. */
  byChannel(): Promise<Record<string, number>>;
}

export function countIpcBytes(): { bytes: IpcBytes; beforeLoad: (page: Page) => Promise<void> } {
  let watched: Page | null = null;
  const bytes: IpcBytes = {
    byChannel: async () => {
      if (!watched) throw new Error('Ponder e2e: countIpcBytes was not installed (pass its beforeLoad to launchReader).');
      return watched.evaluate(() => ({ ...(window as unknown as { __ponderBytes: Record<string, number> }).__ponderBytes }));
    },
  };
  const beforeLoad = async (page: Page) => {
    watched = page;
    // Runs after the bridge's own script (init scripts run in the order they were added).
    // No named functions in here: tsx (the bench) would wrap them in a `__name` helper the page lacks.
    await page.addInitScript(() => {
      const counts: Record<string, number> = {};
      (window as unknown as { __ponderBytes: Record<string, number> }).__ponderBytes = counts;
      const encoder = new TextEncoder();
      const invoke = window.__ponderInvoke;
      window.__ponderInvoke = async (channel, request) => {
        const text = await invoke(channel, request);
        counts[channel] = (counts[channel] ?? 0) + encoder.encode(text).length;
        return text;
      };
      const emit = window.__ponderEmit;
      window.__ponderEmit = (channel, payload) => {
        counts[channel] = (counts[channel] ?? 0) + encoder.encode(JSON.stringify(payload) ?? '').length;
        emit(channel, payload);
      };
    });
  };
  return { bytes, beforeLoad };
}
