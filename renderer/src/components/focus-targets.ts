// DOM ids of the places keyboard actions move focus to, shared by the app's shortcuts and the
// components that carry them (passed down as props where a feature needs one).

/** The stories listbox: where Enter means "write", and where Esc from the editor returns. */
export const STORY_LIST_ID = 'story-list';
