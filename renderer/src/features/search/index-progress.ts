import type { IndexStatus } from '../../../../electron/shared/ipc-contract';

/** Whole percent of a building index, or null when it isn't building. */
export function indexPercent(status: IndexStatus): number | null {
  if (status.state !== 'building') return null;
  if (status.total <= 0) return 0;
  return Math.min(100, Math.floor((status.done / status.total) * 100));
}
