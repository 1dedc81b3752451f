// The limits on dialogs, reloads and external links (request-limits.ts), on a
// clock the test moves, and through the real handler table.

import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderSession } from '../../electron/services/reader-session';
import { DIALOG_BUSY, DIALOG_FLOOD, LINK_FLOOD, RELOAD_FLOOD, RequestLimit } from '../../electron/services/request-limits';
import { SAMPLE, sessionWithHandlers } from './helpers/session-fixture';
import { test } from './helpers/temp-dir';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('RequestLimit', () => {
  it('allows a burst, refuses the next call without running it, then refills at its rate', async () => {
    const { now, advance } = clock();
    const limit = new RequestLimit({ burst: 3, perSecond: 0.5, floodMessage: 'Ponder: flood', now });
    let runs = 0;
    const task = async () => ++runs;
    for (let i = 0; i < 3; i++) await limit.run(task);
    await expect(limit.run(task)).rejects.toThrow('Ponder: flood');
    expect(runs).toBe(3);
    advance(1_999); // 0.5 a second: one token needs two seconds
    await expect(limit.run(task)).rejects.toThrow('Ponder: flood');
    advance(1);
    await expect(limit.run(task)).resolves.toBe(4);
    advance(60_000); // a long pause refills only up to the burst
    for (let i = 0; i < 3; i++) await limit.run(task);
    await expect(limit.run(task)).rejects.toThrow('Ponder: flood');
  });

  it('refuses a call while `concurrent` are in flight, and frees the slot when one settles, even by failing', async () => {
    const limit = new RequestLimit({ burst: 100, perSecond: 100, concurrent: 1, busyMessage: 'Ponder: busy', floodMessage: 'Ponder: flood' });
    let finish: (value: string) => void = () => undefined;
    const open = limit.run(() => new Promise<string>((resolve) => (finish = resolve)));
    await expect(limit.run(async () => 'second')).rejects.toThrow('Ponder: busy');
    finish('first');
    await expect(open).resolves.toBe('first');
    await expect(limit.run(async () => { throw new Error('Ponder: the dialog failed'); })).rejects.toThrow('the dialog failed');
    await expect(limit.run(async () => 'after')).resolves.toBe('after');
  });
});

describe('the handler table', () => {
  let session: ReaderSession | undefined;
  afterEach(async () => session?.close());

  function table(dataDir: string, shell: { pickFolder?: () => Promise<string | null>; opened?: string[] }) {
    const { now, advance } = clock();
    const fixture = sessionWithHandlers(dataDir, {
      shell: { pickFolder: shell.pickFolder ?? (async () => null), openExternal: async (url) => void shell.opened?.push(url) },
      now,
    });
    session = fixture.session;
    return { handlers: fixture.handlers, advance };
  }

  test('keeps one native dialog open at a time, across the dialog channels, and refuses a flood', async ({ tmpDir }) => {
    let answer: (folder: string | null) => void = () => undefined;
    let asked = 0;
    const { handlers, advance } = table(tmpDir, {
      pickFolder: () => {
        asked++;
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const first = handlers['library:choose'](undefined);
    await expect(handlers['library:choose'](undefined)).resolves.toEqual({ ok: false, error: DIALOG_BUSY });
    await expect(handlers['notes:export']({ format: 'json' })).resolves.toEqual({ ok: false, error: DIALOG_BUSY });
    await expect(handlers['notes:import'](undefined)).resolves.toEqual({ ok: false, error: DIALOG_BUSY });
    answer(SAMPLE);
    await expect(first).resolves.toMatchObject({ ok: true, value: { folder: SAMPLE } });
    expect(asked).toBe(1);

    // Cancelled dialogs, one after another, as fast as a page can ask: five, then refused.
    const cancelled = async () => {
      const next = handlers['library:choose'](undefined);
      answer(null);
      return next;
    };
    for (let i = 0; i < 4; i++) await expect(cancelled()).resolves.toEqual({ ok: true, value: null });
    await expect(handlers['notes:import'](undefined)).resolves.toEqual({ ok: false, error: DIALOG_FLOOD });
    expect(asked).toBe(5);
    advance(5_000);
    await expect(cancelled()).resolves.toEqual({ ok: true, value: null });
  });

  test('refuses a flood of reloads and of external links', async ({ tmpDir }) => {
    const opened: string[] = [];
    const { handlers, advance } = table(tmpDir, { opened });
    await session!.open(SAMPLE);
    for (let i = 0; i < 3; i++) expect((await handlers['library:reload'](undefined)).ok).toBe(true);
    await expect(handlers['library:reload'](undefined)).resolves.toEqual({ ok: false, error: RELOAD_FLOOD });
    advance(2_000);
    expect((await handlers['library:reload'](undefined)).ok).toBe(true);

    for (let i = 0; i < 3; i++) await handlers['app:open-external']({ url: `https://example.com/${i}` });
    await expect(handlers['app:open-external']({ url: 'https://example.com/3' })).resolves.toEqual({ ok: false, error: LINK_FLOOD });
    expect(opened).toEqual(['https://example.com/0', 'https://example.com/1', 'https://example.com/2']);
  });
});
