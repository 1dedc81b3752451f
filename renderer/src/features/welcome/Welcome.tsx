import { useAppStore } from '../../store/app-store';

/**
 * The first-run welcome: the three panes and the daily loop in one screen, once (state.json
 * remembers it was closed). A region above the panes, not a modal: nothing waits for it.
 */
export function Welcome() {
  const show = useAppStore((state) => state.welcomed === false && state.snapshot !== null);
  const setWelcomed = useAppStore((state) => state.setWelcomed);
  const requestFocus = useAppStore((state) => state.requestFocus);
  if (!show) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="welcome__title">
        Welcome to Ponder
      </h2>
      <ol className="welcome__panes">
        <li>
          <strong>Topics</strong> — the people, places and files the stories are about.
        </li>
        <li>
          <strong>Stories</strong> — a dot marks the ones you have not read yet.
        </li>
        <li>
          <strong>Reflection</strong> — the story whole, its question, and your answer, saved as you type.
        </li>
      </ol>
      <p className="welcome__loop">
        Each day: read what is new (<kbd>j</kbd>/<kbd>k</kbd>), answer the questions that matter to you (<kbd>n</kbd> goes to the next
        unanswered one, <kbd>Enter</kbd> to write, <kbd>Esc</kbd> back), star what to return to (<kbd>s</kbd>). <kbd>?</kbd> lists every key.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          setWelcomed(true);
          // The welcome goes away with its button: the stories list takes focus.
          requestFocus('list');
        }}
      >
        Start reading
      </button>
    </section>
  );
}
