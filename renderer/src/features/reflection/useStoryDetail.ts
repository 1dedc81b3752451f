import { useEffect, useState } from 'react';
import type { StoryDetail } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';
import { errorMessage } from '../../store/error-message';
import { useAppStore } from '../../store/app-store';
import { DetailCache } from '../../store/detail-prefetch';

/** The stories next to the selection, fetched ahead so `j`/`k` show them at once (detail-prefetch.ts). */
const details = new DetailCache((request) => ponder.getStory(request));

export interface StoryDetailState {
  /** The story last fetched; kept on screen while the next one loads so the pane doesn't blink. */
  detail: StoryDetail | null;
  /** True once the answer for the current id has arrived (even if the story was not found). */
  settled: boolean;
  error: string | null;
}

/** Fetches the whole story, with highlights for the search on show, and again when the library reloads. */
export function useStoryDetail(id: string): StoryDetailState {
  const query = useAppStore((state) => state.searchResults?.query ?? null);
  const generation = useAppStore((state) => state.snapshot?.generation);
  const [state, setState] = useState<StoryDetailState & { id: string | null }>({
    id: null,
    detail: null,
    settled: false,
    error: null,
  });

  useEffect(() => {
    let current = true;
    details.get(id, query, generation).then(
      (detail) => {
        if (!current) return;
        setState({ id, detail, settled: true, error: null });
        // Then the neighbours' stories. Not their notes: a note that fails to load is shown as an
        // error, which must only ever be about the story on screen.
        const { selectedPosition, listPages } = useAppStore.getState();
        details.prefetchAround(selectedPosition, listPages, query, generation);
      },
      (error: unknown) => current && setState({ id, detail: null, settled: true, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, query, generation]);

  // A neighbour fetched ahead shows in this very render, before the effect runs.
  const ahead = state.id === id ? undefined : details.peek(id, query, generation);
  if (ahead !== undefined) return { detail: ahead, settled: true, error: null };
  const settled = state.id === id && state.settled;
  return { detail: state.detail, settled, error: settled ? state.error : null };
}
