// The draft state machine on its own: each transition from a draft to the next,
// and each decision the slice acts on. No store, no timers, no API.

import { describe, expect, it } from 'vitest';
import {
  canEdit,
  countUnsaved,
  edited,
  emptyDraft,
  fromDisk,
  hasSaveError,
  inConflict,
  MERGE_SEPARATOR,
  persisted,
  reactToDisk,
  resolved,
  saved,
  saveStep,
  settled,
  TYPING_PAUSE_MS,
} from './note-drafts';
import type { DiskVersion, NoteDraft } from './types';

const disk = (text: string, revision: string | null = 'r2', more: Partial<DiskVersion> = {}): DiskVersion => ({
  text,
  revision,
  updated: 'u2',
  unreadable: null,
  ...more,
});

/** A draft loaded from revision r1 holding `persisted`, with `text` typed on top. */
const draft = (text: string, more: Partial<NoteDraft> = {}): NoteDraft => ({
  ...fromDisk(emptyDraft(), disk('on disk', 'r1'), 'idle'),
  text,
  status: text === 'on disk' ? 'idle' : 'dirty',
  ...more,
});

const NOW = 1_000_000;

const UNREADABLE = { file: '/d/notes/x.md', reason: 'It is not UTF-8 text.' };

describe('loading and typing', () => {
  it('a new draft is loading, empty and based on no file', () => {
    expect(emptyDraft()).toEqual({
      text: '',
      persisted: '',
      baseRevision: null,
      status: 'loading',
      error: null,
      updated: null,
      unreadable: null,
      conflict: null,
      typedAt: null,
    });
    expect(emptyDraft('idle').status).toBe('idle');
  });

  it('takes the disk version as text, saved text and base, clearing any conflict or error', () => {
    const before = draft('mine', { error: 'Ponder: the disk is full.', conflict: disk('x') });
    expect(fromDisk(before, disk('theirs', 'r9', { unreadable: UNREADABLE }), 'updated')).toEqual({
      text: 'theirs',
      persisted: 'theirs',
      baseRevision: 'r9',
      updated: 'u2',
      unreadable: UNREADABLE,
      conflict: null,
      error: null,
      status: 'updated',
      typedAt: null,
    });
  });

  it('edits any loaded draft, in a conflict too; an edit keeps a save error showing and a conflict open', () => {
    expect(canEdit(undefined)).toBe(false);
    expect(canEdit(emptyDraft())).toBe(false);
    expect(canEdit(draft('x', { status: 'load-error' }))).toBe(false);
    expect(canEdit(draft('x', { status: 'conflict' }))).toBe(true);
    expect(canEdit(draft('x', { status: 'error' }))).toBe(true);
    const failed = draft('x', { status: 'error', error: 'Ponder: the disk is full.' });
    expect(edited(failed, 'xy', 7)).toEqual({ ...failed, text: 'xy', status: 'dirty', typedAt: 7 });
    const conflicted = inConflict(draft('mine'), disk('theirs'));
    expect(edited(conflicted, 'mine, typed on', 8)).toEqual({ ...conflicted, text: 'mine, typed on', typedAt: 8 });
  });
});

describe('saving', () => {
  it('writes a changed text, settles an unchanged one, and writes nothing while loading or in conflict', () => {
    expect(saveStep(undefined)).toBe('none');
    expect(saveStep(emptyDraft())).toBe('none');
    expect(saveStep(draft('mine', { status: 'conflict' }))).toBe('none');
    expect(saveStep(draft('mine'))).toBe('write');
    expect(saveStep(draft('on disk', { status: 'dirty' }))).toBe('settle');
  });

  it('settling marks a dirty or failed draft saved, and leaves others as they are', () => {
    const typedBack = draft('on disk', { status: 'error', error: 'Ponder: the disk is full.' });
    expect(settled(typedBack)).toMatchObject({ status: 'saved', error: null });
    const idle = draft('on disk');
    expect(settled(idle)).toBe(idle);
  });

  it('a saved text becomes the base; keystrokes typed during the save keep the draft dirty', () => {
    const response = { status: 'saved', id: 'a', updated: 'u3', revision: 'r3', answered: true } as const;
    const during = saved(draft('mine', { unreadable: UNREADABLE, error: 'old' }), 'mine', response);
    expect(during).toMatchObject({ persisted: 'mine', baseRevision: 'r3', updated: 'u3', unreadable: null, error: null, status: 'saved' });
    expect(saved(draft('mine, more'), 'mine', response)).toMatchObject({ text: 'mine, more', persisted: 'mine', status: 'dirty' });
  });

  it('the same text found on disk is persisted at its revision, keeping an unreadable warning as it was', () => {
    const before = draft('mine', { unreadable: UNREADABLE });
    expect(persisted(before, 'mine', disk('mine', 'r7'))).toMatchObject({
      persisted: 'mine',
      baseRevision: 'r7',
      unreadable: UNREADABLE,
      status: 'saved',
    });
  });

  it('counts what is not on disk: changed drafts that may be saved, and conflicts', () => {
    const notes = {
      a: draft('on disk'),
      b: draft('typed'),
      c: draft('on disk', { status: 'conflict', conflict: disk('theirs') }),
      d: { ...emptyDraft(), text: 'still loading' },
    };
    expect(countUnsaved(notes)).toBe(2);
  });

  it('a save error is one being retried: not a load error, not a conflict', () => {
    expect(hasSaveError(draft('x', { status: 'error', error: 'e' }))).toBe(true);
    expect(hasSaveError(draft('x', { status: 'dirty', error: 'e' }))).toBe(true);
    expect(hasSaveError(draft('x', { status: 'load-error', error: 'e' }))).toBe(false);
    expect(hasSaveError(inConflict(draft('x', { error: 'e' }), disk('y')))).toBe(false);
    expect(hasSaveError(draft('x'))).toBe(false);
  });
});

describe('conflicts', () => {
  const conflicted = (mine: string, theirs: string) =>
    inConflict(draft(mine), disk(theirs, 'r5')) as NoteDraft & { conflict: DiskVersion };

  it('entering one keeps the draft text and records their version', () => {
    expect(conflicted('mine', 'theirs')).toMatchObject({ text: 'mine', status: 'conflict', conflict: { text: 'theirs', revision: 'r5' } });
  });

  it('every choice starts from their revision; keeping theirs leaves nothing to write', () => {
    expect(resolved(conflicted('mine', 'theirs'), 'theirs')).toMatchObject({
      text: 'theirs',
      persisted: 'theirs',
      baseRevision: 'r5',
      conflict: null,
      status: 'idle',
    });
    expect(resolved(conflicted('mine', 'theirs'), 'mine')).toMatchObject({ text: 'mine', persisted: 'theirs', baseRevision: 'r5', status: 'dirty' });
  });

  it('merging puts mine first; an empty side adds no separator', () => {
    expect(resolved(conflicted('mine', 'theirs'), 'merge').text).toBe(`mine${MERGE_SEPARATOR}theirs`);
    expect(resolved(conflicted('  ', 'theirs'), 'merge')).toMatchObject({ text: 'theirs', status: 'idle' });
    expect(resolved(conflicted('mine', ' \n'), 'merge')).toMatchObject({ text: 'mine', status: 'dirty' });
  });
});

describe('a change on disk', () => {
  it('is adopted by a draft still loading or that failed to load', () => {
    expect(reactToDisk(emptyDraft(), disk('theirs'), NOW)).toEqual({ kind: 'adopt', status: 'idle' });
    expect(reactToDisk(draft('x', { status: 'load-error' }), disk('theirs'), NOW)).toEqual({ kind: 'adopt', status: 'idle' });
  });

  it('at the revision the draft is based on is already known (our own write coming back)', () => {
    expect(reactToDisk(draft('typed'), disk('on disk', 'r1'), NOW)).toEqual({ kind: 'known' });
  });

  it('with the draft’s own text needs no choice, unless the file is unreadable', () => {
    expect(reactToDisk(draft('typed'), disk('typed'), NOW)).toEqual({ kind: 'same' });
    expect(reactToDisk(draft('typed'), disk('typed', 'r2', { unreadable: UNREADABLE }), NOW)).toEqual({ kind: 'save' });
  });

  it('replaces a draft with no unsaved edits, and is saved into a conflict when both sides changed', () => {
    expect(reactToDisk(draft('on disk'), disk('theirs'), NOW)).toEqual({ kind: 'adopt', status: 'updated' });
    expect(reactToDisk(draft('typed'), disk('theirs'), NOW)).toEqual({ kind: 'save' });
  });

  it('never replaces the text the reader is typing into, even when all of it is saved', () => {
    const saved = draft('on disk', { typedAt: NOW - TYPING_PAUSE_MS + 1 });
    expect(reactToDisk(saved, disk('theirs'), NOW)).toEqual({ kind: 'keep-both' });
    expect(reactToDisk({ ...saved, typedAt: NOW - TYPING_PAUSE_MS }, disk('theirs'), NOW)).toEqual({ kind: 'adopt', status: 'updated' });
  });

  it('during a conflict updates their version, or ends it when the disk now has my text', () => {
    const inOne = inConflict(draft('mine'), disk('theirs'));
    expect(reactToDisk(inOne, disk('theirs, edited again', 'r6'), NOW)).toEqual({ kind: 'conflict' });
    expect(reactToDisk(inOne, disk('mine', 'r6'), NOW)).toEqual({ kind: 'same' });
  });
});
