// A page that crashed or hung is reopened on its own: the window loads the app
// again, which restores the story it showed (the view state in state.json),
// and the new page asks main what happened (`app:recovery`) to tell the reader
// when their note was last saved. A hung page is first given time to recover,
// then crashed on purpose so it takes the same way back.

import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';

/** How long a page may hang before it is reopened (a long task may just be slow). */
export const HANG_GRACE_MS = 10_000;
/** Crashes in this window of time beyond `MAX_RELOADS` stop the reopening: a page that always crashes would loop. */
const RELOAD_WINDOW_MS = 60_000;
const MAX_RELOADS = 3;

export interface RecoveryHooks {
  /** Load the app in the window again. */
  reload: () => void;
  /** The page is gone and about to be reopened (main notes what to tell the new page). */
  crashed: (details: RenderProcessGoneDetails) => void;
  /** The page keeps crashing: it is not reopened again. */
  givingUp: () => void;
  /** True while the window is closing: a page that goes away then is not reopened. */
  closing: () => boolean;
}

export function reopenCrashedPages(window: BrowserWindow, hooks: RecoveryHooks): void {
  const contents = window.webContents;
  const reloads: number[] = [];
  let hang: ReturnType<typeof setTimeout> | undefined;

  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hang);
    if (hooks.closing() || details.reason === 'clean-exit') return;
    const now = Date.now();
    while (reloads.length > 0 && now - reloads[0]! > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) {
      hooks.givingUp();
      return;
    }
    reloads.push(now);
    hooks.crashed(details);
    hooks.reload();
  });
  contents.on('unresponsive', () => {
    clearTimeout(hang);
    hang = setTimeout(() => {
      if (!hooks.closing() && !contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  contents.on('responsive', () => clearTimeout(hang));
}
