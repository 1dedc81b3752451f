// The renderer's only door to the app: the API the preload (or the e2e host)
// exposes as `window.ponder`, typed by the IPC contract.
import type { PonderApi } from '../../electron/shared/ipc-contract';

declare global {
  interface Window {
    ponder: PonderApi;
  }
}

export const ponder: PonderApi = window.ponder;
