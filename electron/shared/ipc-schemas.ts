// Runtime validation of every IPC request. Main (and the e2e host, which runs
// the same handlers) parses each request with the schema of its channel before
// any handler sees it, so a hostile or buggy renderer gets a clear error and
// nothing else. Kept apart from ipc-contract.ts so the sandboxed preload does
// not bundle zod.

import { z } from 'zod';
import { STORY_ID_PATTERN } from '../core/ids';
import { MAX_EXTERNAL_URL_CHARS } from './external-url';
import { MAX_ROWS_PER_REQUEST, NOTE_TOO_LARGE } from './ipc-contract';
import type { InvokeChannel, StoryFilter } from './ipc-contract';
import { EDITOR_MODES, MAX_READING_IDS } from './loop-view';
import { MAX_RELATED, MAX_SAVED_SEARCHES, MAX_SAVED_TEXT, SEARCH_IN, SEARCH_SORTS } from './search-contract';
import { SHOW_FILTERS } from './show-filter';
import { LINE_WIDTHS, PANE_WIDTH_RANGE, STORY_FONTS, TEXT_SCALE_RANGE, THEMES } from './view-prefs';

const storyId = z.string().regex(STORY_ID_PATTERN, 'must be a story id (16 hex digits)');

/**
 * Notes are prose; 1 MiB is far beyond any real note and bounds a runaway
 * renderer. Counted in UTF-16 units, which never exceed a text's UTF-8 bytes:
 * every note of up to 1 MB of UTF-8 saves.
 */
export const MAX_NOTE_CHARS = 1_048_576;

/** What a save over MAX_NOTE_CHARS answers: permanent, and says what to do. */
export const NOTE_TOO_LARGE_MESSAGE =
  `${NOTE_TOO_LARGE} Ponder can save; Ponder saves notes up to ${MAX_NOTE_CHARS.toLocaleString('en')} characters (1 MB). ` +
  'Your text stays in the editor: shorten it, or move part of it to another note, and it will be saved.';
export const MAX_QUERY_CHARS = 1_000;
/** A search's filter names at most this many stories: far beyond a real library, and a bound on a runaway renderer. */
const MAX_SEARCH_IDS = 1_000_000;
const MAX_VIEW_KEY_CHARS = 4_096;
/** The Reflections view lists at most this many notes at once (a search finds older ones). */
const MAX_JOURNAL_ENTRIES = 5_000;
/** Longer than any path an OS opens (Windows' long paths stop at 32,767 characters). */
const MAX_FOLDER_CHARS = 32_768;

const none = z.undefined().or(z.null()).transform(() => undefined);
const generation = z.number().int().min(0);
/** A topic or file, keyed as the renderer keys its filters (`topic:<name>`, `source:<path>`). */
const storyFilter = z
  .string()
  .max(MAX_VIEW_KEY_CHARS)
  .regex(/^(topic|source):/, 'must be a topic: or source: filter') as unknown as z.ZodType<StoryFilter>;
const position = z.number().int().min(0).max(MAX_SEARCH_IDS);
/** The stories pane's Show choice (show-filter.ts); absent: all. */
const show = z.enum(SHOW_FILTERS).optional();
/** A folder path from a drop or the recent list; whether it is absolute and a folder is checked in main (recent-libraries.ts). */
const folderPath = z.strictObject({
  folder: z.string().max(MAX_FOLDER_CHARS).refine((folder) => !folder.includes('\0'), { error: 'must not contain a NUL character' }),
});

export const REQUEST_SCHEMAS = {
  'app:info': none,
  'library:current': none,
  'library:choose': none,
  'library:reload': none,
  'library:open': folderPath,
  'library:recents': none,
  'library:open-recent': folderPath,
  'library:forget-recent': folderPath,
  'library:clear-recents': none,
  'library:view': z.strictObject({ generation, filter: storyFilter.nullable(), locate: storyId.optional(), show, fresh: z.boolean().optional() }),
  'library:rows': z.union([
    z
      .strictObject({ generation, filter: storyFilter.nullable(), start: position, end: position, show })
      .refine((range) => range.end >= range.start && range.end - range.start <= MAX_ROWS_PER_REQUEST, {
        error: `must be a range of at most ${MAX_ROWS_PER_REQUEST} rows`,
      }),
    z.strictObject({ generation, ids: z.array(storyId).max(MAX_ROWS_PER_REQUEST), query: z.string().max(MAX_QUERY_CHARS).optional() }),
  ]),
  'library:counts': z.strictObject({ generation }),
  'search:query': z.strictObject({
    query: z.string().max(MAX_QUERY_CHARS),
    limit: z.number().int().min(1).max(100_000).optional(),
    ids: z.array(storyId).max(MAX_SEARCH_IDS).optional(),
    filter: storyFilter.optional(),
    scope: z.enum(['library', 'orphans']).optional(),
    show,
  }),
  'search:find': z.strictObject({
    query: z.string().max(MAX_QUERY_CHARS),
    limit: z.number().int().min(1).max(100_000).optional(),
    ids: z.array(storyId).max(MAX_SEARCH_IDS).optional(),
    filter: storyFilter.optional(),
    show,
    in: z.enum(SEARCH_IN).optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
  }),
  'story:related': z.strictObject({ id: storyId, limit: z.number().int().min(1).max(MAX_RELATED).optional() }),
  'searches:get': none,
  'searches:set': z.strictObject({
    searches: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be a saved search id'),
          name: z.string().max(MAX_SAVED_TEXT),
          query: z.string().min(1).max(MAX_SAVED_TEXT),
          filter: storyFilter.nullable(),
          in: z.enum(SEARCH_IN),
        }),
      )
      .max(MAX_SAVED_SEARCHES),
  }),
  'library:next-unanswered': z.strictObject({ generation, filter: storyFilter.nullable(), after: storyId.nullable(), show }),
  'reading:mark': z.union([
    z.strictObject({ ids: z.array(storyId).max(MAX_READING_IDS), read: z.boolean() }),
    z.strictObject({ generation, filter: storyFilter.nullable(), read: z.boolean(), show }),
  ]),
  'reading:star': z.strictObject({ id: storyId, starred: z.boolean() }),
  'notes:journal': z.strictObject({
    since: z.iso.datetime({ offset: true }),
    limit: z.number().int().min(0).max(MAX_JOURNAL_ENTRIES),
    query: z.string().max(MAX_QUERY_CHARS).optional(),
  }),
  'story:get': z.strictObject({
    id: storyId,
    query: z.string().max(MAX_QUERY_CHARS).optional(),
  }),
  'notes:get': z.strictObject({ id: storyId }),
  'notes:save': z.strictObject({
    id: storyId,
    text: z.string().max(MAX_NOTE_CHARS, { error: NOTE_TOO_LARGE_MESSAGE }),
    baseRevision: z.string().max(128).nullable().optional(),
  }),
  'notes:overview': none,
  'notes:history': z.strictObject({ id: storyId }),
  'notes:restore': z.strictObject({ id: storyId, version: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be a version name') }),
  'notes:purge-history': z.strictObject({ id: storyId }),
  'notes:delete': z.strictObject({ id: storyId }),
  'notes:export': z.strictObject({ format: z.enum(['markdown', 'json']) }),
  'notes:import': none,
  'app:reveal-data-folder': none,
  'view:save': z.strictObject({
    selectedTopic: z.string().max(MAX_VIEW_KEY_CHARS).nullable().optional(),
    selectedStoryId: storyId.nullable().optional(),
    theme: z.enum(THEMES).optional(),
    textScale: z.number().int().min(TEXT_SCALE_RANGE[0]).max(TEXT_SCALE_RANGE[1]).optional(),
    lineWidth: z.enum(LINE_WIDTHS).optional(),
    storyFont: z.enum(STORY_FONTS).optional(),
    topicsWidth: z.number().min(PANE_WIDTH_RANGE[0]).max(PANE_WIDTH_RANGE[1]).optional(),
    storiesWidth: z.number().min(PANE_WIDTH_RANGE[0]).max(PANE_WIDTH_RANGE[1]).optional(),
    topicsHidden: z.boolean().optional(),
    editorMode: z.enum(EDITOR_MODES).optional(),
    listShow: show,
    welcomed: z.boolean().optional(),
  }),
  'view:load': none,
  'app:flushed': z.strictObject({ unsaved: z.number().int().min(0).max(1_000_000) }),
  'app:recovery': none,
  // The scheme is checked by main's one opener (electron/main/external-links.ts); here only the shape.
  'app:open-external': z.strictObject({ url: z.string().max(MAX_EXTERNAL_URL_CHARS) }),
} satisfies Record<InvokeChannel, z.ZodType>;

export type ValidRequest<C extends InvokeChannel> = z.output<(typeof REQUEST_SCHEMAS)[C]>;

/** Parse a request for `channel`; throws an Error whose message says what was wrong. */
export function validateRequest<C extends InvokeChannel>(channel: C, request: unknown): ValidRequest<C> {
  const schema = REQUEST_SCHEMAS[channel] as unknown as z.ZodType<ValidRequest<C>>;
  const parsed = schema.safeParse(request);
  if (parsed.success) return parsed.data;
  // A limit a user can meet in normal use says so in its own words, not as a malformed request.
  const own = parsed.error.issues.find((issue) => issue.message.startsWith('Ponder: '));
  if (own) throw new Error(own.message);
  throw new Error(`Ponder: invalid request for ${channel}: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`);
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(REQUEST_SCHEMAS, value);
}
