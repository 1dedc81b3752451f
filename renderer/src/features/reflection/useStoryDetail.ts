import { useEffect, useState } from 'react';
import type { StoryDetail } from '../../../../electron/shared/ipc-contract';
import { ponder } from '../../api';
import { errorMessage } from '../../store/error-message';
import { useAppStore } from '../../store/app-store';

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
    ponder.getStory(query ? { id, query } : { id }).then(
      (detail) => current && setState({ id, detail, settled: true, error: null }),
      (error: unknown) => current && setState({ id, detail: null, settled: true, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, query, generation]);

  const settled = state.id === id && state.settled;
  return { detail: state.detail, settled, error: settled ? state.error : null };
}
