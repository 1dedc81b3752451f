// Binds the handler table to ipcMain. Only the main window's own top frame,
// showing Ponder's own page, may call: anything else is refused.

import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Envelope, EventChannel, EventChannels, InvokeChannel } from '../shared/ipc-contract';
import type { IpcHandlerTable } from '../services/ipc-handlers';

export function bindIpc(
  table: IpcHandlerTable,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const channels = Object.keys(table) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event, request: unknown): Promise<Envelope<unknown>> | Envelope<unknown> => {
      if (!isTrustedSender(event)) {
        console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: 'Ponder: refused a request from an untrusted page.' };
      }
      return table[channel](request);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** True when the call comes from `contents`' top frame at one of `origins`. */
export function senderCheck(getContents: () => WebContents | null, origins: string[]) {
  return (event: IpcMainInvokeEvent): boolean => {
    const contents = getContents();
    const frame = event.senderFrame;
    if (!contents || event.sender !== contents || !frame || frame !== contents.mainFrame) return false;
    return origins.includes(originOf(frame.url));
  };
}

/** scheme://host — `URL.origin` is "null" for custom schemes such as app://, so build it by hand. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}

export function sendEvent<C extends EventChannel>(contents: WebContents | null, channel: C, payload: EventChannels[C]): void {
  if (contents && !contents.isDestroyed()) contents.send(channel, payload);
}
