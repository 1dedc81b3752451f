// Property-based fuzz of the IPC surface (issue 9): random and hostile payloads —
// wrong types, huge strings, `../` and absolute paths, NUL bytes, prototype-
// pollution keys, deep nesting — at every channel of the real handler table, over a
// real ReaderSession on a temp library and data folder. Each call must settle to an
// Envelope (an error being a "Ponder: " message), Object.prototype must stay clean,
// and nothing outside the library and data folders may be read or written: the temp
// root's tree is compared before and after, and every path this thread hands to fs
// is recorded (worker threads, which read only the folder the dialog answered, are not).
// Replay a failure with PONDER_FUZZ_SEED=<seed printed by fast-check>.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openExternalLink } from '../../electron/main/external-links';
import type { IpcHandlerTable } from '../../electron/services/ipc-handlers';
import type { ReaderSession } from '../../electron/services/reader-session';
import type { InvokeChannel } from '../../electron/shared/ipc-contract';
import { INVOKE_METHODS } from '../../electron/shared/ipc-contract';
import { isInside, recordFsPaths, snapshotTree, treeChanges } from './helpers/fs-recorder';
import { SAMPLE, sessionWithHandlers } from './helpers/session-fixture';

const PROJECT = path.resolve(__dirname, '../..');
const SEED = Number(process.env['PONDER_FUZZ_SEED'] ?? 20_240_909);
const NUM_RUNS = 600;
const CHANNELS = Object.values(INVOKE_METHODS) as InvokeChannel[];
const FIELDS = ['id', 'folder', 'text', 'baseRevision', 'version', 'format', 'query', 'limit', 'ids', 'scope', 'selectedTopic', 'selectedStoryId', 'unsaved', 'url'];

let root: string;
let library: string;
let dataDir: string;
let outside: string;
let session: ReaderSession;
let handlers: IpcHandlerTable;
let storyId: string;
const opened: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ponder-fuzz-'));
  library = path.join(root, 'library');
  dataDir = path.join(root, 'data');
  outside = path.join(root, 'outside');
  cpSync(SAMPLE, library, { recursive: true });
  // What a path escape would reach: a secret, and a folder shaped like a data folder.
  mkdirSync(path.join(outside, 'notes'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.txt'), 'ponder-fuzz-secret');
  writeFileSync(path.join(outside, 'notes', '0123456789abcdef.md'), '---\nid: 0123456789abcdef\n---\nnot yours\n');

  let indexReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (indexReady = resolve));
  ({ session, handlers } = sessionWithHandlers(dataDir, {
    emit: (channel, payload) => {
      if (channel === 'index:status' && (payload as { state: string }).state === 'ready') indexReady();
    },
    shell: {
      appInfo: () => ({ version: 'fuzz', dataDir, platform: process.platform }),
      pickFolder: async () => library,
      pickExportFile: async (format) => path.join(dataDir, format === 'json' ? 'export.json' : 'export.md'),
      openExternal: (url) => openExternalLink(url, { openExternal: async (url) => void opened.push(url) }),
    },
  }));
  storyId = (await session.open(library)).stories[0]!.id;
  await ready;
}, 30_000);

afterAll(async () => {
  await session?.close();
  rmSync(root, { recursive: true, force: true });
});

/** `[[[…]]]` or `{a:{a:…}}`, `depth` levels deep, built without recursion. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value, id: value };
  return value;
}

function hostileArbitraries() {
  const paths = fc.constantFrom(
    '../outside/secret.txt', '../../outside/secret.txt', '..\\..\\outside\\secret.txt', path.join(outside, 'secret.txt'), outside,
    '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x', 'file:///etc/passwd', '%2e%2e%2foutside%2fsecret.txt',
    `${storyId}/../../outside/secret`, `../${storyId}`, `${storyId}\0`, `${storyId}\0../../outside`, `${storyId}.md`, `${storyId}/`,
    '..', '.', '~', '~/.ssh/id_rsa', '\0', 'a\0b', 'notes/../../outside',
  );
  const pathParts = fc
    .tuple(fc.array(fc.constantFrom('..', '.', 'outside', 'secret.txt', 'notes', storyId, '%2e%2e', '\0', ''), { maxLength: 8 }), fc.constantFrom('/', '\\'))
    .map(([parts, separator]) => parts.join(separator));
  const words = fc.constantFrom(
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', storyId, '0123456789abcdef',
    'markdown', 'json', 'library', 'orphans', '', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'smb://attacker.example/share', 'https://user:pw@example.com/', 'https://example.com/', 'http://127.0.0.1:9/x', 'vscode://x',
    '\u202e', '\u200b\u200c\u200d\ufeff', '<script>alert(1)</script>', '+kursk -troops', 'question:why', 'int*', '*', '~1', ':', '^',
  );
  const huge = fc.constantFrom(1_048_577, 2_000_000, 70_000).map((length) => 'x'.repeat(length));
  const strings = fc.oneof(
    { arbitrary: paths, weight: 3 },
    { arbitrary: pathParts, weight: 2 },
    { arbitrary: words, weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 64 }), weight: 2 },
    { arbitrary: huge, weight: 1 },
  );
  const deep = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>).map(([depth, kind]) => nested(depth, kind));
  const polluting = fc.constantFrom(
    () => JSON.parse(`{"__proto__": {"polluted": "yes"}, "id": "${storyId}"}`),
    () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    () => ({ constructor: { prototype: { polluted: 'yes' } }, id: storyId }),
    () => JSON.parse(`{"id": "${storyId}", "text": "x", "__proto__": {"baseRevision": null, "polluted": "yes"}}`),
    () => Object.assign(Object.create({ id: storyId, url: 'https://example.com/', format: 'json' }), { polluted: 'inherited' }),
    () => JSON.parse('{"__proto__": {"toString": "not a function", "then": "x"}}'),
  ).map((make) => make() as unknown);
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: strings, weight: 5 },
    { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, withObjectString: true }), weight: 3 },
    { arbitrary: fc.constantFrom(NaN, Infinity, -1, 0, 1.5, 2 ** 53, -0, 1_000_001, true, null, undefined), weight: 2 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: polluting, weight: 1 },
    { arbitrary: fc.array(strings, { maxLength: 5 }), weight: 1 },
  );
  // Whole requests: any value, or an object with the contract's field names and hostile values.
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), words), value, { maxKeys: 5 });
  // Requests of the right shape with hostile contents reach the handlers themselves: notes written,
  // histories listed, exports made, searches run, links checked.
  const id = fc.oneof({ arbitrary: fc.constant(storyId), weight: 3 }, { arbitrary: strings, weight: 1 });
  const ids = { id };
  const none = fc.constantFrom(undefined, null);
  const wellShaped: Record<InvokeChannel, fc.Arbitrary<unknown>> = {
    'app:info': none,
    'library:current': none,
    'library:choose': none,
    'library:reload': none,
    // Not on window.ponder (so not in CHANNELS): only openDroppedFolder reaches it, with the path the preload
    // reads from a dropped File. Opening a folder anywhere is its purpose; its checks are in ipc-handlers.test.ts.
    'library:open': fc.record({ folder: strings }),
    'library:recents': none,
    // Only folders of the recent list open (the library here); any other path is refused before fs sees it.
    'library:open-recent': fc.record({ folder: fc.oneof(fc.constant(library), strings) }),
    'library:forget-recent': fc.record({ folder: strings }),
    'library:clear-recents': none,
    'library:view': fc.record({ generation: fc.integer({ min: -1, max: 3 }), filter: fc.oneof(strings, fc.constant(null)), locate: id }, { requiredKeys: ['generation', 'filter'] }),
    'library:rows': fc.oneof(
      fc.record({ generation: fc.integer({ min: -1, max: 3 }), filter: fc.oneof(strings, fc.constant(null)), start: fc.integer({ min: -5, max: 2_000 }), end: fc.integer({ min: -5, max: 2_000 }) }),
      fc.record({ generation: fc.integer({ min: -1, max: 3 }), ids: fc.array(id, { maxLength: 3 }) }),
    ),
    'library:counts': fc.record({ generation: fc.integer({ min: -1, max: 3 }) }),
    'search:query': fc.record(
      { query: strings, limit: fc.integer({ min: 1, max: 100 }), ids: fc.array(id, { maxLength: 3 }), scope: fc.constantFrom('library', 'orphans') },
      { requiredKeys: ['query'] },
    ),
    'search:find': fc.record(
      { query: strings, limit: fc.integer({ min: 1, max: 100 }), in: fc.constantFrom('stories', 'notes', 'all'), sort: fc.constantFrom('relevance', 'file', 'unanswered') },
      { requiredKeys: ['query'] },
    ),
    'story:related': fc.record({ id, limit: fc.integer({ min: 0, max: 25 }) }, { requiredKeys: ['id'] }),
    'searches:get': none,
    'searches:set': fc.record({ searches: fc.array(fc.record({ id: strings, name: strings, query: strings, filter: fc.oneof(strings, fc.constant(null)), in: fc.constantFrom('stories', 'notes') }), { maxLength: 3 }) }),
    'library:next-unanswered': fc.record({ generation: fc.integer({ min: -1, max: 3 }), filter: fc.oneof(strings, fc.constant(null)), after: fc.oneof(id, fc.constant(null)) }),
    'reading:mark': fc.oneof(
      fc.record({ ids: fc.array(id, { maxLength: 3 }), read: fc.boolean() }),
      fc.record({ generation: fc.integer({ min: -1, max: 3 }), filter: fc.oneof(strings, fc.constant(null)), read: fc.boolean() }),
    ),
    'reading:star': fc.record({ id, starred: fc.boolean() }),
    'notes:journal': fc.record({ since: fc.oneof(strings, fc.constant('2026-01-05T00:00:00.000Z')), limit: fc.integer({ min: -1, max: 10 }), query: strings }, { requiredKeys: ['since', 'limit'] }),
    'story:get': fc.record({ id, query: strings }, { requiredKeys: ['id'] }),
    'notes:get': fc.record(ids),
    'notes:save': fc.record({ id, text: strings, baseRevision: fc.oneof(strings, fc.constant(null)) }, { requiredKeys: ['id', 'text'] }),
    'notes:overview': none,
    'notes:history': fc.record(ids),
    'notes:restore': fc.record({ id, version: strings }),
    'notes:purge-history': fc.record(ids),
    'notes:delete': fc.record(ids),
    'notes:export': fc.record({ format: fc.constantFrom('json', 'markdown') }),
    'notes:import': none,
    'app:reveal-data-folder': none,
    'view:save': fc.record({ selectedTopic: fc.oneof(strings, fc.constant(null)), selectedStoryId: fc.oneof(id, fc.constant(null)) }, { requiredKeys: [] }),
    'view:load': none,
    'app:flushed': fc.record({ unsaved: fc.integer({ min: -5, max: 1_000_005 }) }),
    'app:recovery': none,
    'app:open-external': fc.record({ url: fc.oneof(strings, fc.webUrl()) }),
  };
  const hostile = fc.oneof({ arbitrary: value, weight: 2 }, { arbitrary: shaped, weight: 2 }, { arbitrary: polluting, weight: 1 });
  const call = fc
    .constantFrom(...CHANNELS)
    .chain((channel) => fc.record({ channel: fc.constant(channel), request: fc.oneof(hostile, wellShaped[channel]) }));
  return fc.array(call, { minLength: 1, maxLength: 4 });
}

function expectPrototypesClean(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
    expect(Object.keys(proto)).toEqual([]);
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe('IPC fuzz', () => {
  it(`every channel answers ${NUM_RUNS} hostile batches with an Envelope, touching nothing outside the library and data folders`, async () => {
    const before = snapshotTree(root);
    // Each refused call logs "[ipc] … failed"; hundreds of them would bury the report.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recorder = recordFsPaths();
    const started = Date.now();
    let calls = 0;
    const refusedAsInvalid = new Set<string>();
    try {
      await fc.assert(
        fc.asyncProperty(hostileArbitraries(), async (batch) => {
          // A batch runs at once, as a page's calls can: races between channels are part of the surface.
          const envelopes = await Promise.all(batch.map(({ channel, request }) => handlers[channel](request)));
          calls += batch.length;
          envelopes.forEach((envelope, i) => {
            expect(typeof envelope.ok).toBe('boolean');
            if (envelope.ok) return;
            expect(envelope.error).toMatch(/^Ponder: /);
            expect(envelope.error).not.toContain('ponder-fuzz-secret');
            if (envelope.error.startsWith(`Ponder: invalid request for ${batch[i]!.channel}`)) refusedAsInvalid.add(batch[i]!.channel);
          });
          expectPrototypesClean();
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    } finally {
      recorder.stop();
      quiet.mockRestore();
    }
    const millis = Date.now() - started;
    console.info(`[ipc-fuzz] seed ${SEED}: ${NUM_RUNS} batches, ${calls} calls on ${CHANNELS.length} channels in ${millis} ms`);

    // Every channel that takes a request refused a malformed one with the clear message.
    const takesRequest = CHANNELS.filter((channel) => !['app:info', 'library:current', 'library:choose', 'library:reload', 'library:recents', 'library:clear-recents', 'notes:overview', 'notes:import', 'app:reveal-data-folder', 'view:load', 'app:recovery'].includes(channel));
    expect([...refusedAsInvalid].sort()).toEqual(expect.arrayContaining(takesRequest.sort()));

    // Written: only inside the data folder (the library and the sibling folder are as they were).
    const changed = treeChanges(before, snapshotTree(root));
    expect(changed.filter((entry) => !isInside('data', entry))).toEqual([]);
    // Named to fs: nothing in the sibling folder, nothing a payload pointed at elsewhere.
    const touched = [...new Set(recorder.paths)];
    // The recorder saw the work itself: notes written in the data folder. (The library's files may be
    // read in worker threads, which it cannot see; only the folder the dialog answered is ever read.)
    expect(touched.some((file) => isInside(path.join(dataDir, 'notes'), file) && file.endsWith('.md'))).toBe(true);
    expect(touched.filter((file) => isInside(outside, file))).toEqual([]);
    expect(touched.filter((file) => isInside(root, file) && !isInside(library, file) && !isInside(dataDir, file))).toEqual([]);
    expect(touched.filter((file) => !isInside(root, file) && !isInside(PROJECT, file))).toEqual([]);
    // The browser was asked to open web links only.
    expect(opened.filter((url) => !/^https?:\/\//.test(url))).toEqual([]);
    expect(millis).toBeLessThan(30_000);
  }, 60_000);
});
