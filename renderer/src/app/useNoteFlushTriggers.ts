import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';

/** Writes pending notes whenever the window may be about to go away or lose the reader. */
export function useNoteFlushTriggers() {
  useEffect(() => {
    const flush = () => void useAppStore.getState().flushNotes();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('blur', flush);
    // Best effort: the IPC call starts, but nothing can wait for it here. Main's flush request is the real guarantee.
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
