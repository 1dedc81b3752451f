// The store's answers are the IPC contract's shapes, so the app's handlers
// pass them through as they are. Checked by the type checker (tsc), not at run time.

import { describe, expectTypeOf, it } from 'vitest';
import type * as core from '../../electron/core/note-types';
import type * as contract from '../../electron/shared/ipc-contract';

describe('note types', () => {
  it('are the IPC contract types', () => {
    expectTypeOf<core.NoteView>().toEqualTypeOf<contract.NoteView>();
    expectTypeOf<core.NoteLoad>().toEqualTypeOf<contract.NoteLoad>();
    expectTypeOf<core.NoteVersion>().toEqualTypeOf<contract.NoteVersion>();
    expectTypeOf<core.ImportReport>().toEqualTypeOf<contract.ImportReport>();
  });
});
