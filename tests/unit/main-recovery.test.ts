// The built main process (out/main/index.js) under the recording electron
// stand-in: a crashed page is reopened onto the same story and told when its
// note was last saved; a page that never answers the flush request does not
// let the window close without asking. Needs `npx electron-vite build` first.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchMain } from './helpers/launch-main';
import type { MainProcess } from './helpers/launch-main';

const TRUSTED = { sender: 'main', frame: 'main' } as const;

describe('the built main process keeps notes through a crash and a hung close', () => {
  let main: MainProcess;
  beforeEach(async () => {
    main = launchMain();
    await main.ready;
  });
  afterEach(() => main?.close());

  const invoke = (channel: string, request?: unknown) => main.probe({ kind: 'invoke', channel, request, ...TRUSTED });

  it('reopens a crashed page on the same story and tells it when the note was last saved', async () => {
    const snapshot = (await invoke('library:current')) as { value: { stories: Array<{ id: string }> } };
    const id = snapshot.value.stories[1]!.id;
    await invoke('view:save', { selectedTopic: null, selectedStoryId: id });
    const saved = (await invoke('notes:save', { id, text: 'Saved before the crash', baseRevision: null })) as { value: { updated: string } };
    expect(await invoke('app:recovery')).toEqual({ ok: true, value: null });

    await main.probe({ kind: 'page-gone', reason: 'crashed' });
    await expect.poll(async () => (await main.state()).windows[0]!.loaded).toEqual(['app://ponder/index.html', 'app://ponder/index.html']);
    // The reopened page restores its story from the view state and asks what happened, once.
    expect(await invoke('view:load')).toEqual({ ok: true, value: { selectedTopic: null, selectedStoryId: id } });
    expect(await invoke('app:recovery')).toEqual({ ok: true, value: { lastSaved: { id, at: saved.value.updated }, unsaved: [] } });
    expect(await invoke('app:recovery')).toEqual({ ok: true, value: null });
  });

  it('does not reopen a page that exited cleanly', async () => {
    await main.probe({ kind: 'page-gone', reason: 'clean-exit' });
    await expect(main.state()).resolves.toMatchObject({ windows: [{ loaded: ['app://ponder/index.html'] }] });
  });

  it('asks before closing when the page never answers the flush request', async () => {
    await expect(main.probe({ kind: 'close-window' })).resolves.toEqual({ prevented: true });
    expect((await main.state()).sent).toContain('app:flush-request');
    // The stand-in page never answers: after the bound, main asks (modal to the window) and keeps Ponder open.
    await expect
      .poll(async () => (await main.state()).messageBoxes, { timeout: 6_000 })
      .toEqual([expect.objectContaining({ message: 'Ponder could not confirm that your notes are saved.', modal: true })]);
  });

  it('asks before closing when the page says all is saved but main saw a save fail', async () => {
    const snapshot = (await invoke('library:current')) as { value: { stories: Array<{ id: string }> } };
    const id = snapshot.value.stories[0]!.id;
    // Too long a note for the save channel: refused, so not on disk.
    expect(await invoke('notes:save', { id, text: 'x'.repeat(1_048_577) })).toMatchObject({ ok: false });
    await main.probe({ kind: 'close-window' });
    await expect.poll(async () => (await main.state()).sent).toContain('app:flush-request');
    await invoke('app:flushed', { unsaved: 0 });
    await expect
      .poll(async () => (await main.state()).messageBoxes)
      .toEqual([expect.objectContaining({ message: 'Ponder could not save 1 note.', modal: true })]);
  });
});
