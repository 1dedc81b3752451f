// The window's context menu and the offline spellchecker, in the BUILT main process
// under the recording electron stand-in (as main-process.test.ts): a right click is
// Chromium's `context-menu` event with its params, and the menu main pops up is
// read back and clicked. Needs `npx electron-vite build` first (npm test builds).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY_DOWNLOAD_URL, keepSpellcheckOffline } from '../../electron/main/spellcheck';
import { launchMain } from './helpers/launch-main';
import type { MainProcess } from './helpers/launch-main';

const EDIT_FLAGS = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };

function rightClick(overrides: Record<string, unknown>) {
  return {
    x: 10, y: 10, linkURL: '', linkText: '', pageURL: 'app://ponder/index.html', frameURL: '', srcURL: '', mediaType: 'none',
    hasImageContents: false, isEditable: false, selectionText: '', titleText: '', altText: '', suggestedFilename: '',
    misspelledWord: '', dictionarySuggestions: [], frameCharset: 'UTF-8', formControlType: 'none', spellcheckEnabled: true,
    menuSourceType: 'mouse', mediaFlags: {}, editFlags: EDIT_FLAGS, ...overrides,
  };
}

describe('the built main process: context menu and spellcheck', () => {
  let main: MainProcess;
  beforeAll(async () => {
    main = launchMain();
    await main.ready;
  });
  afterAll(() => main?.close());

  const menu = (params: Record<string, unknown>) => main.probe({ kind: 'context-menu', params: rightClick(params) }) as Promise<Array<Record<string, unknown>> | undefined>;

  it('offers the spellchecker’s suggestions for a misspelt word, and replaces it with the one clicked', async () => {
    const items = await menu({ isEditable: true, misspelledWord: 'reflektion', dictionarySuggestions: ['reflection', 'reflexion', 'deflection'] });
    expect(items?.map((item) => item['label'] ?? item['role'] ?? item['type'])).toEqual([
      'reflection', 'reflexion', 'deflection', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll',
    ]);
    await expect(main.probe({ kind: 'context-menu-click', label: 'reflexion' })).resolves.toEqual({ replaced: ['reflexion'], added: [] });
  });

  it('adds a word to the dictionary', async () => {
    await menu({ isEditable: true, misspelledWord: 'Ponderable', dictionarySuggestions: [] });
    await expect(main.probe({ kind: 'context-menu-click', label: 'Add to Dictionary' })).resolves.toMatchObject({ added: ['Ponderable'] });
  });

  it('says when the spellchecker has no guesses, and keeps the edit commands', async () => {
    const items = await menu({ isEditable: true, misspelledWord: 'qzxv', dictionarySuggestions: [] });
    expect(items?.[0]).toMatchObject({ label: 'No Guesses Found', enabled: false });
    expect(items?.filter((item) => item['role']).map((item) => item['role'])).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers Copy and Select All on reading text, Copy only with a selection', async () => {
    expect(await menu({ selectionText: '' })).toEqual([
      { role: 'copy', enabled: false },
      { role: 'selectAll' },
    ]);
    expect((await menu({ selectionText: 'Kursk' }))?.[0]).toEqual({ role: 'copy', enabled: true });
    const editing = await menu({ isEditable: true, editFlags: { ...EDIT_FLAGS, canCut: false, canPaste: false } });
    expect(editing?.filter((item) => item['role'])).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: true },
      { role: 'paste', enabled: false },
      { role: 'selectAll', enabled: true },
    ]);
  });

  it('points dictionary downloads at its own origin, which serves none (Windows and Linux)', async () => {
    const { dictionaryDownloadURL } = await main.state();
    expect(dictionaryDownloadURL).toBe(process.platform === 'darwin' ? null : 'app://ponder/dictionaries/');
    const bdic = (await main.probe({ kind: 'fetch', url: 'app://ponder/dictionaries/en-US-10-1.bdic' })) as { status: number };
    expect(bdic.status).toBe(404);
  });
});

describe('keepSpellcheckOffline', () => {
  it.each([
    ['linux', DICTIONARY_DOWNLOAD_URL],
    ['win32', DICTIONARY_DOWNLOAD_URL],
    ['darwin', null],
  ] as const)('on %s sets the download URL to %s', (platform, expected) => {
    let url: string | null = null;
    keepSpellcheckOffline({ setSpellCheckerDictionaryDownloadURL: (value) => void (url = value) }, platform);
    expect(url).toBe(expected);
  });
});
