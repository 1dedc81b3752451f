// Every keyboard shortcut of the window, in one table: useGlobalShortcuts binds the
// entries that have `run`, and the Keyboard shortcuts dialog (`?`) lists every entry,
// grouped — so what is listed is what is bound. Entries without `run` are keys a
// component handles where it has focus (the search box, the list, the editor); the
// table still names them, so the dialog lists them too.
import { useAppStore } from '../store/app-store';
import { toggleTopics } from './view-commands';

export type ShortcutGroup = 'Stories' | 'Reading and writing' | 'Search' | 'Window';

export interface Shortcut {
  group: ShortcutGroup;
  /** Keys as the dialog shows them; any one of them does it. */
  keys: readonly string[];
  label: string;
  /** Whether this keydown is the shortcut. */
  match?: (event: KeyboardEvent) => boolean;
  /** Bound globally when present; otherwise handled by the focused component (`where` says which). */
  run?: () => void;
  /** Where a component-bound key works. */
  where?: string;
  /** Its Ctrl/Cmd keys work while typing in a text field too (its plain keys never do). */
  whileTyping?: boolean;
  /** Enter acts only on the stories list (or nothing focused): everywhere else it presses what has focus. */
  onListOnly?: boolean;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = IS_MAC ? '⌘' : 'Ctrl';
const state = () => useAppStore.getState();

/** A plain key (no Ctrl, Cmd or Alt); Shift only where the key itself needs it (`?`, `M`). */
const plain = (...keys: string[]) => (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && keys.includes(event.key);
/** Ctrl/Cmd with a key; Shift is not checked, since `+` needs it on many keyboards (the key itself tells). */
const withMod = (...keys: string[]) => (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && keys.includes(event.key);

export const SHORTCUTS: readonly Shortcut[] = [
  { group: 'Stories', keys: ['j', '↓'], label: 'Next story', match: plain('j', 'ArrowDown'), run: () => state().moveSelection(1) },
  { group: 'Stories', keys: ['k', '↑'], label: 'Previous story', match: plain('k', 'ArrowUp'), run: () => state().moveSelection(-1) },
  { group: 'Stories', keys: ['n'], label: 'Next unanswered question', match: plain('n'), run: () => void state().nextUnanswered() },
  { group: 'Stories', keys: [']'], label: 'Next topic', match: plain(']'), run: () => state().stepTopic(1) },
  { group: 'Stories', keys: ['['], label: 'Previous topic', match: plain('['), run: () => state().stepTopic(-1) },
  { group: 'Stories', keys: ['m'], label: 'Mark read or unread', match: plain('m'), run: () => state().toggleRead() },
  { group: 'Stories', keys: ['Shift+M'], label: 'Mark all in view as read', match: plain('M'), run: () => void state().markViewRead() },
  { group: 'Stories', keys: ['u'], label: 'Undo (after marking all as read)', match: plain('u'), run: () => state().runToastAction() },
  { group: 'Stories', keys: ['s'], label: 'Star or unstar', match: plain('s'), run: () => state().toggleStar() },
  {
    group: 'Reading and writing',
    keys: ['Enter'],
    label: 'Write: put the cursor in the note',
    match: plain('Enter'),
    onListOnly: true,
    run: () => {
      const id = state().selectedStoryId;
      if (id) state().requestFocus('editor', id);
    },
  },
  { group: 'Reading and writing', keys: ['Esc'], label: 'Leave the note (it is kept) and go back to the stories', where: 'in the note editor' },
  { group: 'Reading and writing', keys: [`${MOD}+Shift+H`], label: 'History of the note', match: (event) => (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'h', run: () => state().openHistory(), whileTyping: true },
  { group: 'Reading and writing', keys: ['r'], label: 'Reflections: your answers, newest first', match: plain('r'), run: () => state().setReflectionsOpen(true) },
  { group: 'Search', keys: ['/', `${MOD}+F`], label: 'Search stories', match: (event) => plain('/')(event) || withMod('f')(event), run: () => state().requestSearchFocus(), whileTyping: true },
  {
    group: 'Search',
    keys: ['w', `${MOD}+Shift+A`],
    label: 'Search all stories: widen a search within a topic or file',
    match: (event) => plain('w')(event) || ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'a'),
    run: () => state().widenSearch(),
    whileTyping: true,
  },
  { group: 'Search', keys: ['↓', 'Enter'], label: 'From the search box: into the results, on the first hit', where: 'in the search box' },
  { group: 'Search', keys: ['Esc'], label: 'From the results: back to the search box; again: clear it', where: 'in the results' },
  { group: 'Window', keys: ['?'], label: 'Keyboard shortcuts', match: plain('?'), run: () => state().setShortcutsOpen(true) },
  { group: 'Window', keys: [`${MOD}+\\`], label: 'Show or hide the topics', match: withMod('\\'), run: toggleTopics, whileTyping: true },
  { group: 'Window', keys: [`${MOD}++`], label: 'Bigger text', match: withMod('=', '+'), run: () => state().stepTextSize(1), whileTyping: true },
  { group: 'Window', keys: [`${MOD}+-`], label: 'Smaller text', match: withMod('-'), run: () => state().stepTextSize(-1), whileTyping: true },
  { group: 'Window', keys: [`${MOD}+0`], label: 'Actual text size', match: withMod('0'), run: () => state().stepTextSize(0), whileTyping: true },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Stories', 'Reading and writing', 'Search', 'Window'];
