import { Highlighted } from '../../components/Highlighted';
import { useAppStore } from '../../store/app-store';
import { topicFilter } from '../../store/filter-key';
import { markOf } from '../../store/story-marks';
import { testIds } from '../../test-ids';
import { useStoryDetail } from './useStoryDetail';

/** The selected story, whole: where it comes from, its topics, summary, reflection and question. */
export function StoryReading({ id }: { id: string }) {
  const { detail, settled, error } = useStoryDetail(id);
  const selectedFilter = useAppStore((state) => state.selectedFilter);
  const selectFilter = useAppStore((state) => state.selectFilter);
  // The reader's own change or the story's row in the list, else what main sent with the story.
  const starredHere = useAppStore((state) => markOf(state, 'starred', id));
  const toggleStar = useAppStore((state) => state.toggleStar);
  // Of the story on screen, which stays there while the next one loads; main sends them with it.
  const topics = detail?.topics ?? [];

  if (error) {
    return (
      <p className="reading__problem" role="alert">
        Could not show this story: {error}
      </p>
    );
  }
  if (settled && !detail) {
    return (
      <p className="reading__problem" role="alert">
        This story is no longer in the library.
      </p>
    );
  }
  if (!detail) return <div className="reading reading--placeholder" aria-busy="true" />;

  const highlights = detail.highlights;
  const starred = starredHere ?? (detail.id === id && detail.starred === true);
  return (
    <article className="reading" data-testid={testIds.storyDetail} data-story-id={detail.id} aria-busy={!settled}>
      <div className="reading__meta">
        <span className="reading__source" data-testid={testIds.storySource}>
          {detail.source}:{detail.line}
        </span>
        <button
          type="button"
          className={starred ? 'button button--small star-button star-button--on' : 'button button--small star-button'}
          aria-pressed={starred}
          title={starred ? 'Unstar this story (s)' : 'Star this story to come back to it (s)'}
          onClick={() => toggleStar(id)}
        >
          <span aria-hidden="true">{starred ? '★ ' : '☆ '}</span>
          {starred ? 'Unstar' : 'Star'}
        </button>
        {topics.length > 0 && (
          <ul className="chips" aria-label="Topics of this story">
            {topics.map((topic) => {
              const key = topicFilter(topic);
              return (
                <li key={topic}>
                  <button
                    type="button"
                    className={key === selectedFilter ? 'chip chip--active' : 'chip'}
                    data-testid={testIds.storyTopicChip}
                    title={`Show the stories about ${topic}`}
                    onClick={() => selectFilter(key)}
                  >
                    {topic}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <h1 className="reading__title">
        <Highlighted text={detail.title} ranges={highlights?.title} />
      </h1>
      <p className="reading__summary" data-testid={testIds.storySummary}>
        <Highlighted text={detail.summary} ranges={highlights?.summary} />
      </p>
      <p className="reading__reflection" data-testid={testIds.storyReflection}>
        <Highlighted text={detail.reflection} ranges={highlights?.reflection} />
      </p>

      <div className="question">
        <h2 className="eyebrow" id="question-label">
          Question
        </h2>
        <p className="question__text" data-testid={testIds.storyQuestion}>
          <Highlighted text={detail.question} ranges={highlights?.question} />
        </p>
      </div>
    </article>
  );
}
