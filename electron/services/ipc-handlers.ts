// One table of IPC handlers, keyed by channel. The Electron shell binds it to
// ipcMain (adding sender checks); the e2e host binds the very same table to
// its own transport. Every request is validated before a handler sees it, and
// every outcome crosses as an Envelope: only an error's message leaves main.

import { writeFileAtomic } from '../core/fs/atomic-write';
import { messageOf } from '../core/fs/errors';
import type { AppInfo, Envelope, FlushReport, InvokeChannel, InvokeChannels, RecoveryReport } from '../shared/ipc-contract';
import { checkExternalUrl } from '../shared/external-url';
import { validateRequest } from '../shared/ipc-schemas';
import type { ValidRequest } from '../shared/ipc-schemas';
import type { ReaderSession } from './reader-session';
import { existingFolder } from './recent-libraries';
import { createRequestLimits } from './request-limits';

/** What the handlers need from their host (Electron, or the test host). */
export interface ShellServices {
  appInfo: () => AppInfo;
  /** Ask the user for a library folder; null when they cancel. */
  pickFolder: () => Promise<string | null>;
  /** The renderer has written its pending notes (answer to `app:flush-request`). */
  flushed: (report: FlushReport) => void;
  /** Ask where to write an export; null when the user cancels. */
  pickExportFile: (format: 'markdown' | 'json') => Promise<string | null>;
  /** Ask for a JSON export or a folder of notes to import; null when the user cancels. */
  pickImportSource: () => Promise<string | null>;
  revealDataFolder: () => Promise<void>;
  /** What main recovered after reopening a crashed or hung page, once; null otherwise. */
  recovery: () => RecoveryReport | null;
  /** Open an http(s) link in the system browser: main's `openExternalLink`, which refuses every other scheme. */
  openExternal: (url: string) => Promise<void>;
}

export interface IpcHandlerOptions {
  /** The clock of the rate limits (request-limits.ts). Default: `Date.now`. */
  now?: () => number;
}

type Handler<C extends InvokeChannel> = (request: ValidRequest<C>) => Promise<InvokeChannels[C]['response']> | InvokeChannels[C]['response'];

export type IpcHandlerTable = { [C in InvokeChannel]: (request: unknown) => Promise<Envelope<InvokeChannels[C]['response']>> };

export function createIpcHandlers(session: ReaderSession, shell: ShellServices, options: IpcHandlerOptions = {}): IpcHandlerTable {
  // A compromised page must not stack dialogs, loop reloads or open browser tabs: see request-limits.ts.
  const limits = createRequestLimits(options.now);
  const handlers: { [C in InvokeChannel]: Handler<C> } = {
    'app:info': () => shell.appInfo(),
    'library:current': () => session.currentSnapshot(),
    'library:choose': async () => {
      const folder = await limits.dialogs.run(() => shell.pickFolder());
      return folder === null ? null : session.open(folder);
    },
    'library:reload': () => limits.reloads.run(() => session.reload()),
    // Checked first, so a refused drop says why (and spends none of the rate) before a library is read.
    'library:open': async ({ folder }) => {
      const checked = await existingFolder(folder);
      return limits.opens.run(() => session.open(checked));
    },
    'library:recents': () => session.recents.list(),
    'library:open-recent': async ({ folder }) => {
      const checked = await session.recents.folderToOpen(folder);
      return limits.opens.run(() => session.open(checked));
    },
    'library:forget-recent': ({ folder }) => session.recents.forget(folder),
    'library:clear-recents': () => session.recents.clear(),
    'library:view': (request) => session.view(request),
    'library:rows': (request) => session.rows(request),
    'library:counts': () => session.counts(),
    'search:query': ({ query, ...options }) => session.search(query, options),
    'search:find': (request) => session.searching.find(request),
    'story:related': (request) => session.searching.related(request),
    'searches:get': async () => (await session.state.load()).savedSearches ?? [],
    'searches:set': async ({ searches }) => (await session.state.update({ savedSearches: searches })).savedSearches ?? [],
    'library:next-unanswered': (request) => session.nextUnanswered(request),
    'reading:mark': async (request) => {
      const ids = 'ids' in request ? request.ids : await session.viewIds(request.filter, request.generation, request.show);
      return { changed: await session.reading.mark(ids, request.read) };
    },
    'reading:star': ({ id, starred }) => session.reading.star(id, starred),
    'notes:journal': (request) => session.journal.entries(request),
    'story:get': ({ id, query }) => session.getStory(id, query),
    'notes:get': ({ id }) => session.notes.get(id),
    'notes:save': ({ id, text, baseRevision }) => session.notes.save(id, text, baseRevision),
    'notes:overview': () => session.notes.overview(),
    'notes:history': ({ id }) => session.notes.history(id),
    'notes:restore': ({ id, version }) => session.notes.restore(id, version),
    'notes:purge-history': ({ id }) => session.notes.purgeHistory(id),
    'notes:delete': ({ id }) => session.notes.delete(id),
    'notes:export': async ({ format }) => {
      const file = await limits.dialogs.run(() => shell.pickExportFile(format));
      if (file === null) return null;
      const { content, count } = await session.notes.export(format);
      await writeFileAtomic(file, content);
      return { file, count };
    },
    'notes:import': async () => {
      const from = await limits.dialogs.run(() => shell.pickImportSource());
      return from === null ? null : session.importNotes(from);
    },
    'app:reveal-data-folder': () => shell.revealDataFolder(),
    'view:save': (view) => session.saveView(view),
    'view:load': () => session.loadView(),
    'app:flushed': (report) => shell.flushed(report),
    'app:recovery': () => shell.recovery(),
    // Checked here too, so a refused scheme answers why (and spends none of the rate) before main's opener checks again.
    'app:open-external': ({ url }) => {
      const web = checkExternalUrl(url);
      return limits.links.run(() => shell.openExternal(web));
    },
  };

  const table = {} as Record<InvokeChannel, (request: unknown) => Promise<Envelope<unknown>>>;
  for (const channel of Object.keys(handlers) as InvokeChannel[]) {
    const handler = handlers[channel] as (request: unknown) => unknown;
    table[channel] = async (request) => {
      try {
        const value = await handler(validateRequest(channel, request));
        return { ok: true, value };
      } catch (error) {
        const message = messageOf(error);
        console.error(`[ipc] ${channel} failed:`, message);
        return { ok: false, error: message };
      }
    };
  }
  return table as IpcHandlerTable;
}
