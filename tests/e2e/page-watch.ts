// What a page did that Ponder's must never do: fetch anything from outside its own
// origin, open a dialog (alert/confirm/prompt), run an injected script (which would
// set `window.__ponderPwned`), break its Content Security Policy, or open a window.
// Installed through launchReader's `beforeLoad`, so it sees the first request.

import type { Page } from '@playwright/test';

export interface PageWatch {
  /** Every URL the page or its context requested, in order. */
  requests: string[];
  dialogs: string[];
  popups: string[];
  /** Requests to anything but `origin` (the app's own). */
  foreign(origin: string): string[];
  /** The flag an injected script would set, and the CSP violations the page reported. */
  inPage(): Promise<{ pwned: unknown; cspViolations: string[] }>;
}

export function watchPage(): { watch: PageWatch; beforeLoad: (page: Page) => Promise<void> } {
  const watch: PageWatch = {
    requests: [],
    dialogs: [],
    popups: [],
    foreign: (origin) => watch.requests.filter((url) => !url.startsWith(`${origin}/`) && url !== origin),
    inPage: async () => ({ pwned: undefined, cspViolations: [] }),
  };
  const beforeLoad = async (page: Page) => {
    const context = page.context();
    context.on('request', (request) => void watch.requests.push(request.url()));
    context.on('page', (popup) => void watch.popups.push(popup.url()));
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __ponderCsp: string[] }).__ponderCsp = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    watch.inPage = () =>
      page.evaluate(() => {
        const own = window as unknown as { __ponderPwned?: unknown; __ponderCsp: string[] };
        return { pwned: own.__ponderPwned, cspViolations: [...own.__ponderCsp] };
      });
  };
  return { watch, beforeLoad };
}
