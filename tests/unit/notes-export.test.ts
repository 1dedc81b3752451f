import { describe, expect, it } from 'vitest';
import { exportJson, exportMarkdown } from '../../electron/core/notes/notes-export';
import type { ExportStory, NotesExport } from '../../electron/core/notes/notes-export';
import type { Note } from '../../electron/core/types';

const NOW = new Date('2026-11-30T12:00:00.000Z');

function note(id: string, text: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    question: `Question of ${id}?`,
    source: `${id}.txt`,
    created: '2026-11-24T21:44:56.000Z',
    updated: '2026-11-24T21:44:56.000Z',
    text,
    ...extra,
  };
}

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const GONE = 'dddddddddddddddd';

const stories: Record<string, ExportStory> = {
  [A]: { title: 'Troops cross into Kursk', source: '2.txt', topics: ['Kursk', 'Russia'] },
  [B]: { title: 'Talks in Geneva', source: '10.txt', topics: ['Geneva'] },
  [C]: { title: 'A story about nothing *special*', source: '2.txt', topics: [] },
};
const lookup = (id: string) => stories[id];

const notes = [
  note(A, 'Kursk answer.\n', { created: '2026-11-25T08:00:00.000Z', updated: '2026-11-26T09:00:00.000Z' }),
  note(B, 'Geneva answer.'),
  note(C, 'Nothing answer.'),
  note(GONE, 'Orphan answer.', { question: 'Where did my story go?', source: 'old.txt' }),
  note('eeeeeeeeeeeeeeee', '  \n'),
];

describe('exportMarkdown', () => {
  it('groups by topic: the most specific one, then notes without topic, then orphans', () => {
    expect(exportMarkdown(notes, lookup, { groupBy: 'topic', now: NOW })).toBe(
      [
        '# Ponder journal',
        '',
        'Exported 2026-11-30 · 4 notes · grouped by topic',
        '',
        '## Geneva',
        '',
        `### Question of ${B}?`,
        '',
        '*Talks in Geneva* · `10.txt` · written 2026-11-24',
        '',
        'Geneva answer.',
        '',
        '## Kursk',
        '',
        `### Question of ${A}?`,
        '',
        '*Troops cross into Kursk* · `2.txt` · written 2026-11-25, updated 2026-11-26',
        '',
        'Kursk answer.',
        '',
        '## Other notes',
        '',
        `### Question of ${C}?`,
        '',
        '*A story about nothing \\*special\\** · `2.txt` · written 2026-11-24',
        '',
        'Nothing answer.',
        '',
        '## Orphaned notes',
        '',
        '_Their stories are no longer in the library._',
        '',
        '### Where did my story go?',
        '',
        '`old.txt` · written 2026-11-24',
        '',
        'Orphan answer.',
        '',
      ].join('\n'),
    );
  });

  it('groups by digest file in natural order, orphans last; in a group, notes by when they were written', () => {
    const markdown = exportMarkdown(notes, lookup, { groupBy: 'source', now: NOW });
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 2.txt', '## 10.txt', '## Orphaned notes']);
    expect(markdown.indexOf(`Question of ${C}`)).toBeLessThan(markdown.indexOf(`Question of ${A}`));
  });

  it('without a library, groups by the file each note names, or all together', () => {
    const bySource = exportMarkdown(notes, undefined, { groupBy: 'source', now: NOW });
    expect(bySource).not.toContain('Orphaned');
    expect(bySource).toContain('## old.txt');
    const byTopic = exportMarkdown(notes, undefined, { groupBy: 'topic', now: NOW });
    expect(byTopic.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Notes']);
  });

  it('keeps questions and titles on one line, shown as written', () => {
    const tricky = note(A, 'x', { question: 'Is <b>this</b> _really_ [a] 000_f4e1.txt\nquestion? #' });
    expect(exportMarkdown([tricky], undefined, { groupBy: 'topic', now: NOW })).toContain(
      '### Is \\<b\\>this\\</b\\> \\_really\\_ \\[a\\] 000_f4e1.txt question? \\#\n',
    );
  });

  it('names a note without a question by its story, and says when there is nothing', () => {
    expect(exportMarkdown([note(A, 'x', { question: '' })], undefined, { groupBy: 'topic', now: NOW })).toContain(
      `### Note on story ${A}`,
    );
    expect(exportMarkdown([], lookup, { groupBy: 'topic', now: NOW })).toBe(
      '# Ponder journal\n\nExported 2026-11-30 · 0 notes · grouped by topic\n',
    );
  });
});

describe('exportJson', () => {
  it('writes every note with every field, sorted by id, marked as a Ponder export', () => {
    const withRevision = notes.map((entry) => ({ ...entry, revision: '0123456789abcdef' }));
    const data = JSON.parse(exportJson([...withRevision].reverse(), NOW)) as NotesExport;
    expect(data).toEqual({
      format: 'ponder-notes',
      version: 1,
      exportedAt: '2026-11-30T12:00:00.000Z',
      notes: [...notes].sort((a, b) => a.id.localeCompare(b.id)),
    });
  });
});
