// An installed Ponder refuses to start with a debugger or a DevTools port open: either hands
// the main process or the page, with every note, to whoever can start the app with extra
// arguments (a shortcut, another program). The enableNodeCliInspectArguments fuse already makes
// Node ignore --inspect; this also covers Chromium's --remote-debugging-* and says why.
// Development builds (not packaged) keep them: that is how Ponder is debugged.

import { app, dialog } from 'electron';

const DEBUG_SWITCH = /^--(inspect(-[a-z-]+)?|remote-debugging-[a-z-]+)(=.*)?$/;

/** The debugging switches in `argv`, as typed (`--inspect=9229`). */
export function debugSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => DEBUG_SWITCH.test(arg));
}

/** Call first thing: a packaged app given a debugging switch shows why and exits with 1. */
export function refuseDebugSwitchesWhenPackaged(): void {
  if (!app.isPackaged) return;
  const found = debugSwitches(process.argv);
  if (found.length === 0) return;
  const message = `Ponder: the installed app does not start with debugging switches (${found.join(', ')}). Start Ponder without them.`;
  console.error(message);
  dialog.showErrorBox('Ponder will not start', message); // safe before ready; on Linux it goes to stderr
  app.exit(1);
  process.exit(1); // app.exit only schedules the exit: stop here, before anything else starts
}
