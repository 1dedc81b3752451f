import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { storyId } from '../../electron/core/ids';
import { parseDigest } from '../../electron/core/library/parse';
import type { TopicSource } from '../../electron/core/library/topics';
import { deriveTopics } from '../../electron/core/library/topics';
import words from '../../electron/core/library/topic-words.json';

const SAMPLE = fileURLToPath(new URL('../../resources/sample/000_f4e10373848a0985.txt', import.meta.url));

async function sampleStories(): Promise<TopicSource[]> {
  const { stories } = parseDigest(await readFile(SAMPLE, 'utf8'), 'sample');
  return stories.map((s) => ({ ...s, id: storyId(s.summary, s.question) }));
}

/** Stories from summaries alone (reflection and question carry no names). */
const stories = (...summaries: string[]): TopicSource[] =>
  summaries.map((summary, i) => ({ id: `s${i}`, summary, reflection: 'It shows something.', question: 'What next?' }));
const names = (list: TopicSource[], options?: Parameters<typeof deriveTopics>[1]): string[] =>
  deriveTopics(list, options).topics.map((t) => t.name);

describe('deriveTopics on the sample', () => {
  test('finds the places, people and organisations a reader would recognise', async () => {
    const sample = await sampleStories();
    const { topics } = deriveTopics(sample);
    const counts = Object.fromEntries(topics.map((t) => [t.name, t.storyIds.length]));
    expect(counts).toMatchObject({ Ukraine: 20, Russia: 19, 'U.S.': 16, Moscow: 8, Kyiv: 7, Kursk: 6, Kremlin: 4, NATO: 3 });
    expect(topics.slice(0, 3).map((t) => t.name)).toEqual(['Ukraine', 'Russia', 'U.S.']);
  });

  test('"North Korea" is one topic, with exactly the stories that name it', async () => {
    const sample = await sampleStories();
    const naming = sample.filter((s) => `${s.summary} ${s.reflection} ${s.question}`.includes('North Korea')).map((s) => s.id);
    expect(naming.length).toBeGreaterThanOrEqual(2);
    const northKorea = deriveTopics(sample).topics.find((t) => t.name === 'North Korea');
    // "North Korean leader" is an adjective, not the country: only the stories naming the country.
    const country = sample
      .filter((s) => /North Korea(?!n)/.test(`${s.summary} ${s.reflection} ${s.question}`))
      .map((s) => s.id);
    expect(northKorea?.storyIds).toEqual(country);
    expect(names(sample)).not.toContain('North');
    expect(names(sample)).not.toContain('Korea');
  });

  test('keeps multi-word names whole and folds a bare surname into the full name', async () => {
    const topics = names(await sampleStories());
    expect(topics).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'Volodymyr Zelenskiy', 'Donald Trump', 'Eastern Europe']));
    expect(topics).not.toContain('Trump');
    expect(topics).not.toContain('Putin');
  });

  test('has no sentence-starter junk, no demonyms and no titles', async () => {
    const topics = names(await sampleStories(), { minStories: 1, maxTopics: 1000 });
    for (const junk of ['The', 'This', 'Recent', 'How', 'What', 'Will', 'Several', 'Can', 'A', 'As', 'Meanwhile', 'Regional']) {
      expect(topics).not.toContain(junk);
    }
    for (const demonym of ['Russian', 'Ukrainian', 'Turkish', 'British', 'North Korean', 'South Korean', 'Western', 'Southeast Asian', 'Middle Eastern']) {
      expect(topics).not.toContain(demonym);
    }
    for (const title of ['President', 'Colonel General', 'Prime Minister', 'Wednesday', 'January']) expect(topics).not.toContain(title);
    // Sentence-initial names still count: "Turkey" only ever starts a sentence in the sample.
    expect(topics).toEqual(expect.arrayContaining(['Turkey', 'France', 'Kramatorsk', 'Iran', 'Myanmar', 'Oleksandr Syrskyi']));
  });

  test('topicsByStory lists every story, most specific topic first', async () => {
    const sample = await sampleStories();
    const { topics, topicsByStory } = deriveTopics(sample);
    expect([...topicsByStory.keys()]).toEqual(sample.map((s) => s.id));
    const size = new Map(topics.map((t) => [t.name, t.storyIds.length]));
    for (const list of topicsByStory.values()) {
      const sizes = list.map((name) => size.get(name)!);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    }
    expect(topicsByStory.get(sample[0]!.id)).toEqual(['North Korea', 'Eastern Europe', 'Kursk', 'Russia', 'Ukraine']);
  });
});

describe('deriveTopics rules', () => {
  test('folds possessives and merges spellings with and without dots', () => {
    const list = stories("Russia's army moved.", "It was Russia's navy.", 'The U.S. said no, the U.S. insisted.', 'Talks with the US failed.', 'The United States agreed.');
    const { topics } = deriveTopics(list);
    expect(topics).toEqual([
      { name: 'U.S.', storyIds: ['s2', 's3', 's4'] },
      { name: 'Russia', storyIds: ['s0', 's1'] },
    ]);
  });

  test('allows joining words inside a name, not at its edges', () => {
    const list = stories(
      'Rates were held by the Bank of England today.',
      'The Bank of England warned of risks.',
      'Troops left the Democratic Republic of the Congo in May.',
      'Aid reached the Democratic Republic of the Congo again.',
    );
    expect(names(list)).toEqual(['Bank of England', 'Democratic Republic of the Congo']);
    // "the" joins only after "of": no "Lisbon the Kremlin".
    expect(names(stories('He told Lisbon the Kremlin agreed.', 'Lisbon said the Kremlin lied.'))).toEqual(['Kremlin', 'Lisbon']);
  });

  test('a sentence-initial word counts only if it is a name elsewhere', () => {
    const list = stories(
      'Recent talks in Lisbon failed. Officials met again.',
      'Recent rain flooded Porto, officials said. Officials said recent storms were worse.',
      'Talks with Lisbon resumed. Porto agreed.',
    );
    // "Recent" and "Officials" only start sentences and appear in lower case; "Porto" starts one but is a name elsewhere.
    expect(names(list)).toEqual(['Lisbon', 'Porto']);
  });

  test('keeps "North Korea" and "South Korea" apart, and does not fold "Korea" into either', () => {
    const list = stories(
      'North Korea fired a missile. South Korea protested.',
      'South Korea and North Korea met. Korea may unite.',
      'People across Korea watched.',
    );
    expect(names(list)).toEqual(['Korea', 'North Korea', 'South Korea']);
  });

  test('does not fold a common one-word name into a rare longer one', () => {
    const list = stories(
      'Officials in Washington met.',
      'Washington said no.',
      'Washington agreed later.',
      'A statue of George Washington was moved.',
      'The George Washington Bridge was closed.',
    );
    const result = names(list, { minStories: 1 });
    expect(result[0]).toBe('Washington');
  });

  test('hyphenated names: split when a half is a name, kept otherwise', () => {
    const list = stories(
      'Russia-Ukraine talks stalled. Russia said no.',
      'Ukraine-Russia trade fell. Ukraine said so.',
      'Shares in Rolls-Royce rose.',
      'Rolls-Royce hired staff.',
      'Bashar al-Assad fled.',
      'Bashar al-Assad spoke.',
    );
    expect(names(list)).toEqual(['Bashar al-Assad', 'Rolls-Royce', 'Russia', 'Ukraine']);
  });

  test('minStories and maxTopics; sorted by story count, then name', () => {
    const list = stories('Lisbon and Porto.', 'Lisbon and Madrid.', 'Lisbon again.', 'Porto again.', 'Faro once.');
    expect(names(list)).toEqual(['Lisbon', 'Porto']);
    expect(names(list, { minStories: 1 })).toEqual(['Lisbon', 'Porto', 'Faro', 'Madrid']);
    expect(names(list, { minStories: 1, maxTopics: 3 })).toEqual(['Lisbon', 'Porto', 'Faro']);
  });

  test('non-Latin scripts: Cyrillic capitals count, CJK gives no topics, and nothing crashes', () => {
    const list = stories('Москва объявила о мерах. Эксперты в Москва ждут.', 'Власти в Москва молчат.', '東京で新線が開業した。', '東京の住宅価格。');
    expect(names(list)).toEqual(['Москва']);
  });

  test('empty input and stories without names', () => {
    expect(deriveTopics([])).toEqual({ topics: [], topicsByStory: new Map() });
    const result = deriveTopics(stories('nothing here.', 'nor here.'));
    expect(result.topics).toEqual([]);
    expect(result.topicsByStory.get('s0')).toEqual([]);
  });

  test('is fast: 26,000 stories in a few seconds at most', async () => {
    const sample = await sampleStories();
    const many = Array.from({ length: 26_000 }, (_, i) => ({ ...sample[i % 26]!, id: String(i) }));
    const started = performance.now();
    const { topics } = deriveTopics(many);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(topics[0]).toMatchObject({ name: 'Ukraine' });
    expect(topics[0]!.storyIds).toHaveLength(20_000);
  });
});

// The word lists are data (topic-words.json): every entry must still take effect.
describe('deriveTopics applies every word of topic-words.json', () => {
  const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

  test('each title ends a name and is never one: "President Ana Silva" is "Ana Silva"', () => {
    for (const title of words.titles.map(capitalised)) {
      expect([title, names(stories(`Then ${title} Ana Silva spoke.`, `So ${title} Ana Silva left.`))]).toEqual([title, ['Ana Silva']]);
    }
  });

  test('each stop word, capitalised mid-sentence, is no name', () => {
    for (const word of words.stopWords.map(capitalised)) {
      expect([word, names(stories(`Then ${word} came.`, `So ${word} went.`), { minStories: 1 })]).toEqual([word, []]);
    }
  });

  test('each nationality, alone or plural, is no topic', () => {
    for (const word of words.nationalities.map(capitalised)) {
      expect([word, names(stories(`Then ${word} troops came.`, `So ${word}s left.`), { minStories: 1 })]).toEqual([word, []]);
    }
  });

  test('each joining word but "the" joins two capitalised words into one name', () => {
    for (const joiner of words.joiners.filter((word) => word !== 'the')) {
      const name = `Bank ${joiner} Lisbon`;
      expect(names(stories(`Then ${name} spoke.`, `So ${name} left.`))).toEqual([name]);
    }
  });

  test('each alias is one topic with the name it stands for', () => {
    for (const [alias, key] of Object.entries(words.aliases)) {
      const { topics } = deriveTopics(stories(`We got aid from the ${alias}.`, `We got aid from the ${key}.`));
      expect([alias, topics.map((topic) => topic.storyIds)]).toEqual([alias, [['s0', 's1']]]);
    }
  });
});
