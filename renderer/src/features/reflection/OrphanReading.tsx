import type { NoteView } from '../../../../electron/shared/ipc-contract';
import { testIds } from '../../test-ids';

/** In place of the story, for a note whose story left the library: where it was, and the question it answers. */
export function OrphanReading({ note }: { note: NoteView }) {
  return (
    <article className="reading reading--orphan" data-story-id={note.id}>
      <p className="callout callout--info" data-testid={testIds.orphanNotice}>
        <span className="callout__text">
          This story is no longer in your library (it was in <span className="callout__source">{note.source}</span>).
          The note is kept.
        </span>
      </p>
      <div className="question">
        <h2 className="eyebrow" id="question-label">
          Question
        </h2>
        <p className="question__text" data-testid={testIds.storyQuestion}>
          {note.question}
        </p>
      </div>
    </article>
  );
}
