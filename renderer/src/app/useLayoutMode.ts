import { useSyncExternalStore } from 'react';

/**
 * The window's layout, from its width: three columns; topics in a drawer (below
 * ~1,100 px, so the reading pane keeps its room); stories above the story (below ~800 px).
 */
export type LayoutMode = 'wide' | 'drawer' | 'stacked';

const DRAWER_QUERY = '(max-width: 1099px)';
const STACKED_QUERY = '(max-width: 799px)';

function currentMode(): LayoutMode {
  if (window.matchMedia(STACKED_QUERY).matches) return 'stacked';
  return window.matchMedia(DRAWER_QUERY).matches ? 'drawer' : 'wide';
}

function subscribe(onChange: () => void): () => void {
  const queries = [DRAWER_QUERY, STACKED_QUERY].map((query) => window.matchMedia(query));
  queries.forEach((query) => query.addEventListener('change', onChange));
  return () => queries.forEach((query) => query.removeEventListener('change', onChange));
}

export function useLayoutMode(): LayoutMode {
  return useSyncExternalStore(subscribe, currentMode);
}

/** Whether the topics pane is a drawer now (for commands run outside React). */
export function topicsInDrawer(): boolean {
  return currentMode() !== 'wide';
}

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The window's inner width in CSS pixels, kept current. */
export function useWindowWidth(): number {
  return useSyncExternalStore(subscribeToResize, () => window.innerWidth);
}
