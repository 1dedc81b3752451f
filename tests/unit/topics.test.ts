import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { storyId } from '../../electron/core/ids';
import { parseDigest } from '../../electron/core/library/parse';
import type { TopicSource } from '../../electron/core/library/topics';
import { deriveTopics } from '../../electron/core/library/topics';
import { combineTopics, topicCandidates } from '../../electron/core/library/topic-candidates';
import places from '../../electron/core/library/topic-places.json';
import words from '../../electron/core/library/topic-words.json';
import { generateStories } from '../../bench/generate';

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
    expect(counts).toEqual({
      Russia: 24, Ukraine: 20, 'U.S.': 16, Moscow: 8, Kyiv: 7, 'Donald Trump': 6, Kursk: 6, West: 6, 'Eastern Europe': 4, Kremlin: 4,
      'North Korea': 4, NATO: 3, 'Volodymyr Zelenskiy': 3, Washington: 3, 'Kim Jong Un': 2, 'Middle East': 2, 'South Korea': 2, 'Vladimir Putin': 2,
    });
    expect(topics.slice(0, 3).map((t) => t.name)).toEqual(['Russia', 'Ukraine', 'U.S.']);
  });

  test('"North Korea" is one topic, with exactly the stories that name it', async () => {
    const sample = await sampleStories();
    const naming = sample.filter((s) => `${s.summary} ${s.reflection} ${s.question}`.includes('North Korea')).map((s) => s.id);
    expect(naming.length).toBeGreaterThanOrEqual(2);
    const northKorea = deriveTopics(sample).topics.find((t) => t.name === 'North Korea');
    // "North Korean leader" folds into the country too.
    expect(northKorea?.storyIds).toEqual(naming);
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
    for (const demonym of ['Russian', 'Ukrainian', 'Turkish', 'British', 'North Korean', 'South Korean', 'Western', 'Southeast Asian', 'Middle Eastern', 'Islamic Republic', 'Britain']) {
      expect(topics).not.toContain(demonym);
    }
    for (const title of ['President', 'Colonel General', 'Prime Minister', 'Wednesday', 'January']) expect(topics).not.toContain(title);
    // Sentence-initial names still count: "Turkey" only ever starts a sentence in the sample.
    expect(topics).toEqual(expect.arrayContaining(['Turkey', 'France', 'Kramatorsk', 'Iran', 'Myanmar', 'Oleksandr Syrskyi', 'UK', 'Southeast Asia']));
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
    expect(topicsByStory.get(sample[0]!.id)).toEqual(['North Korea', 'Eastern Europe', 'West', 'Kursk', 'Ukraine', 'Russia']);
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

  test('a run of capitalised words that starts sentences of two stories is a name; once, only its rest is', () => {
    expect(names(stories('Christine Lagarde said so.', 'It rained. Christine Lagarde left.'))).toEqual(['Christine Lagarde']);
    expect(names(stories('Christine Lagarde said so.', 'Then Lagarde left.'), { minStories: 1 })).toEqual(['Lagarde']);
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
      'Then Bashar al-Assad fled.',
      'So Bashar al-Assad spoke.',
    );
    expect(names(list)).toEqual(['Bashar al-Assad', 'Rolls-Royce', 'Russia', 'Ukraine']);
  });

  test('minStories and maxTopics; sorted by story count, then name', () => {
    const list = stories('In Lisbon and Porto.', 'In Lisbon and Madrid.', 'In Lisbon again.', 'In Porto again.', 'In Faro once.');
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
    expect(topics[0]).toMatchObject({ name: 'Russia' });
    expect(topics[0]!.storyIds).toHaveLength(24_000);
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

  test('each generic word, even at the start of every sentence, is no topic', () => {
    for (const word of ['Officials', 'Experts', 'Analysts', 'Authorities', 'Sources']) {
      expect([word, names(stories(`Then ${word} came.`, `${word} went. Later ${word} left.`), { minStories: 1 })]).toEqual([word, []]);
    }
  });

  test('each tail stays with the name where two stories name it so, and is dropped elsewhere', () => {
    for (const tail of words.tails) {
      const list = stories(`Near the Kakhovka ${tail} it rained.`, `At the Kakhovka ${tail} it snowed.`, `The Dnipro ${tail} shook.`, `Near Dnipro troops moved.`);
      expect([tail, names(list)]).toEqual([tail, ['Dnipro', `Kakhovka ${tail}`]]);
    }
  });
});

// The place table is data (topic-places.json): every demonym and alias must take effect.
describe('deriveTopics applies every entry of topic-places.json', () => {
  test('each demonym, singular or plural, folds into its place, even at the start of a sentence', () => {
    for (const [place, demonyms] of Object.entries(places.demonyms)) {
      for (const demonym of demonyms) {
        const { topics } = deriveTopics(stories(`Then ${demonym} troops came.`, `${demonym}s left.`, `So ${place} agreed.`));
        expect([demonym, topics.map((topic) => topic.storyIds)]).toEqual([demonym, [['s0', 's1', 's2']]]);
      }
    }
  });

  test('each alias is one topic with the name it stands for, shown as written most', () => {
    for (const [key, aliases] of Object.entries(places.aliases)) {
      for (const alias of aliases) {
        const { topics } = deriveTopics(stories(`We got aid from ${alias}.`, `Aid came from ${alias} again.`, `We got aid from ${key}.`));
        expect([alias, topics]).toEqual([alias, [{ name: alias, storyIds: ['s0', 's1', 's2'] }]]);
      }
    }
  });

  test('each place is known at the start of a sentence; an unknown word is not', () => {
    for (const place of [...Object.keys(places.demonyms), ...Object.keys(places.aliases)]) {
      expect([place, names(stories(`${place} agreed.`, `${place} refused.`))]).toEqual([place, [place]]);
    }
    expect(names(stories('Quiet story of a town. Quiet story of a port.', 'Quiet story of a farm.'))).toEqual([]);
  });
});

// Topics are read per file (cached with it) and combined: the split into files never changes them.
describe('per-file candidates combined', () => {
  /** Candidates of `list` cut into files of the given sizes, combined, as deriveTopics' result. */
  function combined(list: TopicSource[], sizes: number[]): { name: string; storyIds: string[] }[] {
    const perFile = [];
    const placement = [];
    for (let start = 0, f = 0; start < list.length; start += sizes[f % sizes.length]!, f++) {
      const file = list.slice(start, start + sizes[f % sizes.length]!);
      // Through structured clone, as from a worker or the cache.
      perFile.push(structuredClone(topicCandidates(file)));
      placement.push(file.map((_, i) => start + i));
    }
    return combineTopics(perFile, placement).map((topic) => ({ name: topic.name, storyIds: topic.stories.map((i) => list[i]!.id) }));
  }

  test('give exactly the whole library\'s topics, however the stories are split into files', async () => {
    const sample = await sampleStories();
    const whole = deriveTopics(sample).topics;
    for (const sizes of [[1], [2, 5], [13], [7, 1, 11]]) expect([sizes, combined(sample, sizes)]).toEqual([sizes, whole]);
    const generated = generateStories({ stories: 2_600, seed: 7 }).map((story, i) => ({ ...story, id: String(i) }));
    expect(combined(generated, [26])).toEqual(deriveTopics(generated).topics);
  });

  test('evidence crosses files: a name that starts every sentence of one file counts when another file names it mid-sentence', () => {
    const fileA = stories('Kherson waited. Quiet story of a port.', 'Kherson woke. Quiet story of a town.');
    const fileB = [{ id: 'b0', summary: 'Troops reached Kherson.', reflection: 'It shows something.', question: 'What next?' }];
    const topics = combineTopics([topicCandidates(fileA), topicCandidates(fileB)], [[0, 1], [2]]);
    expect(topics).toEqual([{ name: 'Kherson', stories: [0, 1, 2] }]);
    expect(combineTopics([topicCandidates(fileA)], [[0, 1]])).toEqual([]);
  });

  test('a dropped duplicate (placement -1) counts neither as a story nor as evidence', () => {
    const file = stories('Troops reached Kherson.', 'Kherson woke.', 'Kherson slept.');
    expect(combineTopics([topicCandidates(file)], [[0, 1, 2]])).toEqual([{ name: 'Kherson', stories: [0, 1, 2] }]);
    expect(combineTopics([topicCandidates(file)], [[-1, 0, 1]])).toEqual([]);
  });

  test('candidates are compact: each name once per file, with its stories', () => {
    const file = stories('Lisbon met Lisbon.', 'Then Lisbon and Porto.', 'Porto agreed.');
    const candidates = topicCandidates(file);
    // Names read mid-sentence, then the sentence-initial runs waiting for the library's evidence.
    expect(candidates.entries).toEqual(['Lisbon', 'Porto', 'Lisbon', 'Porto']);
    expect(candidates.waitingFrom).toBe(2);
    expect([...candidates.ends]).toEqual([2, 3, 4, 5]);
    expect([...candidates.stories]).toEqual([0, 1, 1, 0, 2]);
    expect([...candidates.atSentenceStart]).toEqual([1, 1]);
    expect(names(file)).toEqual(['Lisbon', 'Porto']);
  });
});
