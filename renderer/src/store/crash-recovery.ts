// After main reopened a window whose page crashed or hung: what the reader is
// told, once, about what was saved and when.

import type { RecoveryReport } from '../../../electron/shared/ipc-contract';

/** "HH:MM:SS" in local time. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

export function recoveryNotice(report: RecoveryReport): string {
  const saved = report.lastSaved
    ? `Your note was last saved at ${clockTime(report.lastSaved.at)}.`
    : 'No note had been saved since Ponder started.';
  const count = report.unsaved.length;
  let restored = '';
  if (count === 1) restored = ' A note that could not be saved was put back and is being saved again.';
  else if (count > 1) restored = ` ${count} notes that could not be saved were put back and are being saved again.`;
  return `Ponder's window stopped unexpectedly and was reopened. ${saved}${restored}`;
}
