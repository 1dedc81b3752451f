// Every language is searchable, on both sides: stories in Ukrainian, Russian,
// accented Latin, Korean, Japanese and Chinese indexed by the real engines
// (and by a plain Lunr index with Ponder's pipeline, which must answer the
// same), searched as a reader types, and highlighted where the index matched.

import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PlainLunrIndex } from '../../bench/plain-lunr-index';
import { highlightStory } from '../../electron/core/search/highlight';
import { InProcessEngine } from '../../electron/core/search/in-process-engine';
import { indexCacheFolder } from '../../electron/core/search/index-cache';
import { stemWord } from '../../electron/core/search/stemmers';
import { foldWord } from '../../electron/core/search/text-fold';
import { TermPipeline } from '../../electron/core/search/tokens';
import { WorkerEngine } from '../../electron/core/search/worker-engine';
import { test } from './helpers/temp-dir';

const WORKER = path.resolve(__dirname, '../../electron/core/search/index-worker.ts');

const STORIES = [
  { id: 'uk-kharkiv', summary: 'Обстріл Харкова триває третю добу. У Харкові знову вимкнули світло.', reflection: 'Місто тримається.', question: 'Як Харків переживе зиму?' },
  { id: 'uk-kyiv', summary: 'Київ приймає делегацію. Зустріч відбулася в Києві.', reflection: 'Дипломатія повертається.', question: 'Чи принесе візит до Києва мир?' },
  { id: 'uk-food', summary: 'Фермери збирають урожай, їжі вистачає.', reflection: 'Іжак у полі.', question: 'Чи буде їжа дешевшою?' },
  { id: 'ru-moscow', summary: 'В Москве прошли выборы, жители Москвы голосовали весь день.', reflection: 'Ёлка на площади уже стоит.', question: 'Что изменится в Москве?' },
  { id: 'ru-spb', summary: 'Петербург закрыл мосты на ночь.', reflection: 'Елка в парке упала.', question: 'Кто ответит за это?' },
  { id: 'latin', summary: 'Sébastien Lecornu met Pedro Sánchez and François Bayrou in Łódź, then crossed the Øresund to Straße 5.', reflection: 'Æsop would have smiled.', question: 'Will Zelenskiy join them?' },
  { id: 'ko', summary: '서울에서 북한 미사일 발사가 확인되었다.', reflection: '한반도 긴장이 높아진다.', question: '북한은 다음에 무엇을 할까?' },
  { id: 'ja', summary: '東京都で大きな地震が発生しました。', reflection: '東京の交通は止まった。', question: '次の地震に備えられるか？' },
  { id: 'zh', summary: '北京是中国的首都，人口众多。', reflection: '首都的空气质量正在改善。', question: '北京能否解决交通问题？' },
  { id: 'el', summary: 'Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.', reflection: '', question: '' },
];

/** Query → the stories it must find, in any order. */
const EXPECTED: Record<string, string[]> = {
  Харкова: ['uk-kharkiv'],
  Харків: ['uk-kharkiv'],
  харкові: ['uk-kharkiv'],
  Київ: ['uk-kyiv'],
  Києва: ['uk-kyiv'],
  Москва: ['ru-moscow'],
  москвы: ['ru-moscow'],
  Петербурга: ['ru-spb'],
  // ё and е stay distinct letters, as ї and і do.
  ёлка: ['ru-moscow'],
  елка: ['ru-spb'],
  їжа: ['uk-food'],
  іжак: ['uk-food'],
  Sanchez: ['latin'],
  Sánchez: ['latin'],
  francois: ['latin'],
  François: ['latin'],
  Sebastien: ['latin'],
  Sébastien: ['latin'],
  lodz: ['latin'],
  oresund: ['latin'],
  strasse: ['latin'],
  aesop: ['latin'],
  'Zelenskiy?': ['latin'],
  'sébast*': ['latin'],
  북한: ['ko'],
  서울에서: ['ko'],
  東京: ['ja'],
  東京都: ['ja'],
  地震: ['ja'],
  北京: ['zh'],
  首都: ['zh'],
  中国的首都: ['zh'],
  // Segments of a word that are not adjacent in the text do not make a match.
  首都中国: [],
  Αθήνα: ['el'],
  αθήνα: ['el'],
};

async function withInProcess<T>(run: (engine: InProcessEngine) => Promise<T>, cacheDir?: string): Promise<T> {
  const engine = new InProcessEngine({ cacheDir });
  try {
    return await run(engine);
  } finally {
    await engine.dispose();
  }
}

describe('search in every language', () => {
  it('finds each story by the words a reader types, exactly as a plain Lunr index with Ponder’s pipeline', async () => {
    const plain = PlainLunrIndex.build(STORIES);
    await withInProcess(async (engine) => {
      await engine.build(STORIES);
      for (const [query, ids] of Object.entries(EXPECTED)) {
        const outcome = await engine.search(query);
        if (!outcome.ok) throw new Error(`${query}: ${outcome.error}`);
        expect(outcome.hits.map((hit) => hit.id).sort(), query).toEqual([...ids].sort());
        expect(outcome, query).toEqual(plain.search(query));
      }
    });
  });

  it('answers the same from the worker threads', async () => {
    const engine = new WorkerEngine({ workerScript: WORKER, execArgv: ['--require', 'tsx/cjs'], workers: 2 });
    const plain = PlainLunrIndex.build(STORIES);
    try {
      await engine.build(STORIES);
      for (const query of Object.keys(EXPECTED)) expect(await engine.search(query, { supersede: false }), query).toEqual(plain.search(query));
    } finally {
      await engine.dispose();
    }
  });

  it('marks the words the index matched, in the story’s own text', async () => {
    await withInProcess(async (engine) => {
      await engine.build(STORIES);
      const marked = async (query: string, id: string): Promise<string[]> => {
        const outcome = await engine.search(query);
        if (!outcome.ok) throw new Error(outcome.error);
        const hit = outcome.hits.find((h) => h.id === id)!;
        const story = STORIES.find((s) => s.id === id)!;
        const ranges = highlightStory({ ...story, title: '' }, hit);
        return (['summary', 'reflection', 'question'] as const).flatMap((field) => ranges[field]!.map(([a, b]) => story[field].slice(a, b)));
      };
      expect(await marked('Харків', 'uk-kharkiv')).toEqual(['Харкова', 'Харкові', 'Харків']);
      expect(await marked('Sanchez Lodz', 'latin')).toEqual(['Sánchez', 'Łódź']);
      expect(await marked('東京', 'ja')).toEqual(['東京', '東京']);
      expect(await marked('北京', 'zh')).toEqual(['北京', '北京']);
      expect(await marked('Zelenskiy?', 'latin')).toEqual(['Zelenskiy']);
    });
  });

  it('folds Latin diacritics only, and stems each script with its own stemmer or not at all', () => {
    expect(foldWord('sébastien')).toBe('sebastien');
    expect(foldWord('łódź straße øresund æsop œuvre đukić')).toBe('lodz strasse oresund aesop oeuvre dukic');
    for (const letter of ['й', 'ї', 'ё', 'ά']) expect(foldWord(letter)).toBe(letter);
    expect(foldWord('йод')).not.toBe('иод');
    expect(stemWord('troops')).toBe('troop');
    expect(stemWord('москвы')).toBe(stemWord('москва'));
    expect(stemWord('харкові')).toBe(stemWord('харків'));
    // No English stemmer on Greek, Korean, Arabic or Hebrew: "-s", "-ing" are not their endings.
    for (const word of ['αθήνες', '서울에서', 'الكتابs', 'שלוםing']) expect(stemWord(word)).toBe(word);
    const pipeline = new TermPipeline();
    expect(pipeline.termOf('«харкова»,')).toMatchObject({ term: stemWord('харкова'), from: 1, to: 8 });
    expect(pipeline.termOf('—')).toBeNull();
  });

  test('an index cached in an older format is rebuilt silently', async ({ tmpDir }) => {
    await withInProcess(async (engine) => {
      expect((await engine.build(STORIES, { fingerprint: 'f' })).fromCache).toBe(false);
      await engine.cacheWritten();
    }, tmpDir);
    // What the previous version wrote: the same files, under the previous format's folder.
    const current = indexCacheFolder(tmpDir);
    const old = current.replace(/search-v(\d+)$/, (_, n: string) => `search-v${Number(n) - 1}`);
    const { rename } = await import('node:fs/promises');
    await rename(current, old);
    await withInProcess(async (engine) => {
      const built = await engine.build(STORIES, { fingerprint: 'f' });
      expect(built.fromCache).toBe(false);
      expect(await engine.search('Харкова')).toMatchObject({ ok: true, total: 1 });
      await engine.cacheWritten();
      expect(engine.lastCacheError).toBeNull();
    }, tmpDir);
    expect(await readdir(current)).toContain('manifest.json');
    await withInProcess(async (engine) => {
      expect((await engine.build(STORIES, { fingerprint: 'f' })).fromCache).toBe(true);
    }, tmpDir);
  });
});
