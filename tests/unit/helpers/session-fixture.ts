// A ReaderSession on a test's data folder and the one IPC handler table over it,
// as main builds them, for tests that call the channels as the renderer does.
// The shell cancels every dialog and opens nothing, unless a test says otherwise.

import path from 'node:path';
import { createIpcHandlers } from '../../../electron/services/ipc-handlers';
import type { IpcHandlerOptions, IpcHandlerTable, ShellServices } from '../../../electron/services/ipc-handlers';
import { ReaderSession } from '../../../electron/services/reader-session';
import type { ReaderSessionOptions } from '../../../electron/services/reader-session';
import type { Envelope } from '../../../electron/shared/ipc-contract';

const PROJECT = path.resolve(__dirname, '../../..');

/** The bundled sample digest (26 stories). */
export const SAMPLE = path.join(PROJECT, 'resources/sample');

/** The index worker from source, loaded through tsx (the app runs its bundle). */
export const INDEX_WORKER = { script: path.join(PROJECT, 'electron/core/search/index-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };

export interface SessionFixtureOptions {
  /** Where the session's events go; default: nowhere. */
  emit?: ReaderSessionOptions['emit'];
  /** Default false, so a test's library changes only when it says so. */
  watchLibrary?: boolean;
  /** What this test's shell does instead of cancelling or doing nothing. */
  shell?: Partial<ShellServices>;
  /** The clock of the request limits. */
  now?: IpcHandlerOptions['now'];
}

export function sessionWithHandlers(dataDir: string, options: SessionFixtureOptions = {}): { session: ReaderSession; handlers: IpcHandlerTable } {
  const session = new ReaderSession({
    dataDir,
    emit: options.emit ?? (() => undefined),
    indexWorker: INDEX_WORKER,
    watchLibrary: options.watchLibrary ?? false,
  });
  const shell: ShellServices = {
    appInfo: () => ({ version: 'test', dataDir, platform: process.platform }),
    pickFolder: async () => null,
    flushed: () => undefined,
    pickExportFile: async () => null,
    pickImportSource: async () => null,
    revealDataFolder: async () => undefined,
    recovery: () => null,
    openExternal: async () => undefined,
    ...options.shell,
  };
  return { session, handlers: createIpcHandlers(session, shell, { now: options.now }) };
}

/** The value of an answer that must have succeeded; a refusal fails the test with its message. */
export async function value<T>(envelope: Promise<Envelope<T>>): Promise<T> {
  const answer = await envelope;
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
