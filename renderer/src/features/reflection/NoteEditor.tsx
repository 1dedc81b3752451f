import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { canEdit } from '../../store/note-drafts';
import type { EditorMode } from '../../store/types';
import { testIds } from '../../test-ids';
import { ConflictBanner } from './ConflictBanner';
import { NotePreview } from './NotePreview';
import { NoteStatusText } from './NoteStatusText';
import { UnreadableNoteWarning } from './UnreadableNoteWarning';
import { useFocusRequest } from '../../components/use-focus-request';

const MODES: { mode: EditorMode; label: string; testId: string }[] = [
  { mode: 'write', label: 'Write', testId: testIds.noteWriteTab },
  { mode: 'split', label: 'Both', testId: testIds.noteSplitTab },
  { mode: 'preview', label: 'Preview', testId: testIds.notePreviewTab },
];

/** The reader's Markdown answer to the question, saved as they type. */
export function NoteEditor({ id }: { id: string }) {
  const draft = useAppStore((state) => state.notes[id]);
  const editNote = useAppStore((state) => state.editNote);
  const saveNote = useAppStore((state) => state.saveNote);
  const mode = useAppStore((state) => state.editorMode);
  const setMode = useAppStore((state) => state.setEditorMode);
  const openHistory = useAppStore((state) => state.openHistory);
  const selectRequest = useAppStore((state) => (state.noteSelectRequest?.id === id ? state.noteSelectRequest.seq : 0));
  const moveState = useAppStore((state) => state.notesMoveState);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  // Enter on the list, `n`, a journal entry: the cursor goes to this story's note.
  useFocusRequest('editor', editorRef, id);
  const text = draft?.text ?? '';
  // Read-only while loading, when the note could not be read (saving might destroy it), and while
  // the notes folder moves (a save would land in the old folder). Never in a conflict: the reader
  // types on, and their choice then applies to all of it.
  const editable = canEdit(draft) && moveState === 'idle';

  // "Copy text" could not reach the clipboard: select the text so the reader can copy it.
  useEffect(() => {
    if (selectRequest === 0) return;
    editorRef.current?.focus();
    editorRef.current?.select();
    useAppStore.getState().noteSelectHandled();
  }, [selectRequest]);

  const onTabKeys = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : MODES.length - 1;
    const next = MODES[(MODES.findIndex((tab) => tab.mode === mode) + step) % MODES.length]!.mode;
    setMode(next);
    document.getElementById(`note-tab-${next}`)?.focus();
  };

  return (
    <div className="note">
      <div className="note__bar">
        <label htmlFor="note-editor" className="eyebrow">
          Your reflection
        </label>
        <div className="note__tools">
          <button
            type="button"
            className="button button--small button--quiet"
            aria-haspopup="dialog"
            title="Earlier versions of this note"
            data-testid={testIds.historyButton}
            onClick={openHistory}
          >
            History
          </button>
          <div role="tablist" aria-label="Editor mode" className="segmented" onKeyDown={onTabKeys}>
            {MODES.map((tab) => (
              <button
                key={tab.mode}
                type="button"
                role="tab"
                id={`note-tab-${tab.mode}`}
                aria-selected={mode === tab.mode}
                aria-controls={tab.mode === 'split' ? 'note-panel-write note-panel-preview' : `note-panel-${tab.mode}`}
                tabIndex={mode === tab.mode ? 0 : -1}
                className="segmented__button"
                data-testid={tab.testId}
                onClick={() => setMode(tab.mode)}
              >
                {tab.label}
              </button>
            ))}
          </div>
        </div>
      </div>

      {draft?.unreadable && <UnreadableNoteWarning unreadable={draft.unreadable} />}
      {draft?.status === 'conflict' && draft.conflict && <ConflictBanner id={id} theirs={draft.conflict} />}
      {moveState !== 'idle' && (
        <p className="callout" role="status">
          {moveState === 'moving'
            ? 'Moving your notes… The editor is read-only until the move is done.'
            : 'Your notes were moved. Ponder restarts to use the new folder; the editor is read-only until then.'}
        </p>
      )}

      {/* Both panels stay mounted so the textarea keeps its caret and undo history. Side by side in Both, when wide enough. */}
      <div className="note__panels" data-mode={mode}>
        <div role="tabpanel" id="note-panel-write" aria-labelledby="note-tab-write" hidden={mode === 'preview'}>
          <textarea
            ref={editorRef}
            id="note-editor"
            className={draft?.status === 'conflict' ? 'note__editor note__editor--conflict' : 'note__editor'}
            data-testid={testIds.noteEditor}
            value={text}
            readOnly={!editable}
            spellCheck
            placeholder="What do you think? Markdown works: **bold**, _italic_, - lists, > quotes."
            onChange={(event) => editNote(id, event.target.value)}
            onBlur={() => void saveNote(id)}
            onKeyDown={(event) => {
              // Esc leaves the note (blur saves it; the text stays) for the stories list.
              if (event.key !== 'Escape') return;
              event.preventDefault();
              useAppStore.getState().requestFocus('list');
            }}
          />
        </div>
        <div
          role="tabpanel"
          id="note-panel-preview"
          aria-labelledby={mode === 'split' ? 'note-tab-split' : 'note-tab-preview'}
          className="note__preview markdown"
          data-testid={testIds.notePreview}
          hidden={mode === 'write'}
        >
          {mode !== 'write' && <NotePreview text={text} />}
        </div>
      </div>

      <div className="note__footer">
        <span className="note__hint">Markdown · saved automatically</span>
        <NoteStatusText draft={draft} />
      </div>
    </div>
  );
}
