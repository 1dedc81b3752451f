// The loaded state's lookups by id (stories, ids, list rows) are views of the assembler's
// one positions table: they answer as maps and a set would, for the stories taken in so far.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryAssembler } from '../../electron/core/library/library-assembly';
import { loadLibrary } from '../../electron/core/library/load-library';
import { complete, emptyLoaded, grow, toListItem } from '../../electron/services/loaded-library';
import type { LoaderLibrary } from '../../electron/core/library/library-loader';

const MESSY = path.resolve(__dirname, '../fixtures/messy');

describe('LoadedLibrary lookups', () => {
  it('answer by id for the stories taken in, as a map and a set of them would', async () => {
    const { files } = await loadLibrary(MESSY, { topics: false });
    const [first, ...rest] = [...files];
    const assembler = new LibraryAssembler();
    const loaded = emptyLoaded(MESSY);
    const progress = () => ({ ...assembler, filesDone: 0, filesTotal: files.size });
    assembler.add(first![0], first![1]);
    grow(loaded, progress());
    const early = [...assembler.stories];
    // Added to the assembler but not yet taken in: not a story of the loaded state yet.
    assembler.add(rest[0]![0], rest[0]![1]);
    const later = assembler.stories[early.length]!;
    expect(loaded.ids.has(later.id)).toBe(false);
    expect(loaded.stories.get(later.id)).toBeUndefined();

    for (const [file, read] of rest.slice(1)) assembler.add(file, read);
    const library = { folder: MESSY, ...assembler, topics: [], files: new Map(), fingerprint: '' } as unknown as LoaderLibrary;
    complete(loaded, library);
    const stories = assembler.stories;
    expect(stories.length).toBeGreaterThan(early.length + 1);
    expect(new Map(loaded.stories)).toEqual(new Map(stories.map((story) => [story.id, story])));
    expect(loaded.stories.get(later.id)).toBe(later);
    expect(loaded.stories.size).toBe(stories.length);
    expect([...loaded.ids]).toEqual(stories.map((story) => story.id));
    expect(loaded.ids.size).toBe(stories.length);
    expect(loaded.ids.has('0000000000000000')).toBe(false);
    expect(loaded.itemsById.get(later.id)).toEqual(toListItem(later));
    expect(loaded.itemsById.get(later.id)).toBe(loaded.items[stories.indexOf(later)]);
    expect([...loaded.itemsById.keys()]).toEqual(stories.map((story) => story.id));
  });
});
