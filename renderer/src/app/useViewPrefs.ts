import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ponder } from '../api';
import { useAppStore } from '../store/app-store';
import { savedViewPrefs, type ViewPrefsValues } from '../store/view-prefs';

/** Quiet time before preferences are written: dragging a splitter writes once, at the end. */
const SAVE_DELAY_MS = 400;
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme to show: the reader's choice, or the system's when they chose System. */
function resolvedTheme(choice: ViewPrefsValues['theme']): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Show the theme on the root element now, before React renders (no light flash in a dark room). */
export function applySystemThemeEarly(): void {
  document.documentElement.dataset['theme'] = resolvedTheme('system');
}

/**
 * The reader's view preferences: read from state.json once, applied to the root
 * element (theme, story font, line width, text size), and written back when changed.
 */
export function useViewPrefs() {
  const prefs = useAppStore(useShallow(savedViewPrefs));

  useEffect(() => {
    // A missing or broken view state only costs the defaults.
    void ponder
      .loadViewState()
      .catch(() => ({}))
      .then((view) => useAppStore.getState().applyViewPrefs(view));
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    const show = () => {
      root.dataset['theme'] = resolvedTheme(prefs.theme);
    };
    show();
    root.dataset['storyFont'] = prefs.storyFont;
    root.dataset['lineWidth'] = prefs.lineWidth;
    root.style.setProperty('--text-scale', String(prefs.textScale / 100));
    if (prefs.theme !== 'system') return;
    const system = window.matchMedia(DARK_QUERY);
    system.addEventListener('change', show);
    return () => system.removeEventListener('change', show);
  }, [prefs.theme, prefs.storyFont, prefs.lineWidth, prefs.textScale]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (!state.viewPrefsLoaded || !previous.viewPrefsLoaded) return;
      const next = savedViewPrefs(state);
      const before = savedViewPrefs(previous);
      if (Object.keys(next).every((key) => next[key as keyof typeof next] === before[key as keyof typeof before])) return;
      clearTimeout(timer);
      // Remembering the view is a nicety: a failure here is not worth interrupting the reader.
      timer = setTimeout(() => void ponder.saveViewState(savedViewPrefs(useAppStore.getState())).catch(() => undefined), SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
