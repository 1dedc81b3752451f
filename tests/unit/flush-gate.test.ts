import { describe, expect, it } from 'vitest';
import { FlushGate } from '../../electron/services/flush-gate';

describe('FlushGate', () => {
  it('resolves with the renderer’s report when it answers', async () => {
    const gate = new FlushGate(1_000);
    const outcome = gate.wait(() => setTimeout(() => gate.release({ unsaved: 2 }), 5));
    await expect(outcome).resolves.toEqual({ state: 'flushed', report: { unsaved: 2 } });
  });

  it('gives up after its bound when the renderer never answers', async () => {
    const gate = new FlushGate(20);
    await expect(gate.wait(() => undefined)).resolves.toEqual({ state: 'timeout' });
    gate.release({ unsaved: 0 }); // a late answer is harmless
  });
});
