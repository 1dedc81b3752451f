import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../store/app-store';
import type { FocusTarget } from '../store/types';

/**
 * Focuses `ref` when a keyboard action asks for `target` (requestFocus), then clears the
 * request. `id`: only a request naming this story (an editor is mounted per story).
 */
export function useFocusRequest(target: FocusTarget, ref: RefObject<HTMLElement | null>, id: string | null = null): void {
  const request = useAppStore((state) => {
    const asked = state.focusRequest;
    return asked && asked.target === target && (asked.id === null || asked.id === id) ? asked.seq : 0;
  });
  useEffect(() => {
    if (request === 0 || !ref.current) return;
    ref.current.focus({ preventScroll: target !== 'editor' });
    useAppStore.getState().focusHandled();
  }, [request, ref, target]);
}
