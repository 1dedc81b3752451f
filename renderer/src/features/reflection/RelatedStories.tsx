import { useEffect, useState } from 'react';
import type { RelatedResponse } from '../../../../electron/shared/search-contract';
import { ponder } from '../../api';
import { useAppStore } from '../../store/app-store';
import { errorMessage } from '../../store/error-message';
import './related.css';

/**
 * "Related": the stories most like this one (main's engine ranks them by the story's
 * distinctive words and topics), each saying what it shares. Buttons in a list, so Tab
 * reaches them and Enter opens one. Asked again once the index is ready.
 */
export function RelatedStories({ id }: { id: string }) {
  const ready = useAppStore((state) => state.indexStatus.state === 'ready');
  const selectStory = useAppStore((state) => state.selectStory);
  const [answer, setAnswer] = useState<RelatedResponse | null>(null);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    ponder.relatedStories({ id }).then(
      (response) => current && setAnswer(response),
      (error: unknown) => current && setAnswer({ id, stories: [], error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, ready]);

  // An answer about the story shown before stays hidden until this one's arrives.
  if (!ready || answer?.id !== id || (answer.stories.length === 0 && !answer.error)) return null;
  return (
    <section className="related" aria-labelledby="related-label">
      <h2 className="eyebrow" id="related-label">
        Related
      </h2>
      {answer.error ? (
        <p className="related__problem">{answer.error}</p>
      ) : (
        <ul className="related__list">
          {answer.stories.map((story) => {
            const shared = [story.topics.join(', '), story.terms.join(', ')].filter((part) => part !== '').join(' · ');
            return (
              <li key={story.id}>
                <button type="button" className="related__story" onClick={() => selectStory(story.id)}>
                  <span className="related__title">{story.title}</span>
                  {shared !== '' && <span className="related__why">Shared: {shared}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
