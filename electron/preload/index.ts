// The sandboxed preload: exposes `window.ponder`, built mechanically from the
// IPC contract. The page never sees ipcRenderer, an IPC event object, or any
// channel outside the contract. A dropped folder's path is read here from the
// File (webUtils works in a sandboxed preload), so the page never names a path.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createPonderApi } from '../shared/ipc-contract';
import type { Envelope } from '../shared/ipc-contract';

const api = createPonderApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
  on: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('ponder', api);
