import type { KeyboardEvent } from 'react';

/**
 * Arrow/Home/End handling for a single-select listbox whose selection follows
 * focus: returns the key to select, or undefined when the key is not ours.
 */
export function nextListboxKey<K>(event: KeyboardEvent, keys: readonly K[], selected: K | undefined): K | undefined {
  const index = selected === undefined ? -1 : keys.indexOf(selected);
  let next: number;
  switch (event.key) {
    case 'ArrowDown':
      next = index < 0 ? 0 : Math.min(keys.length - 1, index + 1);
      break;
    case 'ArrowUp':
      next = index < 0 ? 0 : Math.max(0, index - 1);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = keys.length - 1;
      break;
    default:
      return undefined;
  }
  event.preventDefault();
  return keys[next];
}
