// Runtime validation of every IPC request. Main (and the e2e host, which runs
// the same handlers) parses each request with the schema of its channel before
// any handler sees it, so a hostile or buggy renderer gets a clear error and
// nothing else. Kept apart from ipc-contract.ts so the sandboxed preload does
// not bundle zod.

import { z } from 'zod';
import { STORY_ID_PATTERN } from '../core/ids';
import { NOTE_TOO_LARGE } from './ipc-contract';
import type { InvokeChannel } from './ipc-contract';

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

const none = z.undefined().or(z.null()).transform(() => undefined);

export const REQUEST_SCHEMAS = {
  'app:info': none,
  'library:current': none,
  'library:choose': none,
  'library:reload': none,
  'search:query': z.strictObject({
    query: z.string().max(MAX_QUERY_CHARS),
    limit: z.number().int().min(1).max(100_000).optional(),
    ids: z.array(storyId).max(MAX_SEARCH_IDS).optional(),
    scope: z.enum(['library', 'orphans']).optional(),
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
  }),
  'view:load': none,
  'app:flushed': z.strictObject({ unsaved: z.number().int().min(0).max(1_000_000) }),
  'app:recovery': none,
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
