// The memoised pipeline (cachedTermOf) that highlights, passages, phrase checks and related
// stories share must answer exactly what the pipeline answers, for every script and on every
// later call, and stay bounded however many distinct tokens pass through it.

import { describe, expect, it } from 'vitest';
import { cachedTermOf, forEachToken, TermPipeline } from '../../electron/core/search/tokens';

const TEXT =
  'Ukraine’s troops held Kursk; the governments’ tariffs rose. Обстріл Харкова триває, В Москве прошли выборы. ' +
  'Sébastien met Pedro Sánchez in Łódź — 서울에서 북한 미사일, 東京都で大きな地震が発生しました。 "Why?" asked NATO’s U.S. envoy.';

describe('cachedTermOf', () => {
  it('answers as the pipeline does, the first time and every time after', () => {
    const pipeline = new TermPipeline();
    const tokens: string[] = [];
    forEachToken(TEXT, (token) => tokens.push(token));
    expect(tokens.length).toBeGreaterThan(30);
    for (let round = 0; round < 2; round++) {
      for (const token of tokens) expect(cachedTermOf(token)).toEqual(pipeline.termOf(token));
    }
    // Punctuation alone has no term, and that answer is kept too.
    expect(cachedTermOf('—')).toBeNull();
    expect(cachedTermOf('—')).toBeNull();
  });

  it('stays right past its bound (the memo is emptied, never wrong)', () => {
    const pipeline = new TermPipeline();
    for (let i = 0; i < 210_000; i++) cachedTermOf(`w${i}ing`);
    for (const token of ['running', 'w5ing', 'w209999ing', 'governments’']) expect(cachedTermOf(token)).toEqual(pipeline.termOf(token));
  });
});
