// How well the derived topics match what a reader names: precision and recall of
// the sample's topics against a hand-checked expectation (tests/fixtures/topics-expected.json),
// printed with the test output and quoted in the README.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseDigest } from '../../electron/core/library/parse';
import { deriveTopics } from '../../electron/core/library/topics';
import expected from '../fixtures/topics-expected.json';

const SAMPLE = fileURLToPath(new URL(`../../resources/sample/${expected.file}`, import.meta.url));

interface Score {
  precision: number;
  recall: number;
}

/** Precision and recall of `found` against `wanted`, both sets of strings. */
function score(found: ReadonlySet<string>, wanted: ReadonlySet<string>): Score {
  const hits = [...found].filter((item) => wanted.has(item)).length;
  return { precision: found.size === 0 ? 1 : hits / found.size, recall: wanted.size === 0 ? 1 : hits / wanted.size };
}

const round = (n: number): string => n.toFixed(2);

test('the sample\'s topics match what a reader names: precision and recall', async () => {
  const { stories } = parseDigest(await readFile(SAMPLE, 'utf8'), expected.file);
  expect(stories).toHaveLength(expected.stories.length);
  stories.forEach((story, i) => expect(story.summary.startsWith(expected.stories[i]!.starts)).toBe(true));

  // Expected topics: names a reader gives to at least two stories (a topic needs two).
  const namedBy = new Map<string, number>();
  for (const { names } of expected.stories) for (const name of new Set(names)) namedBy.set(name, (namedBy.get(name) ?? 0) + 1);
  const wantedTopics = new Set([...namedBy].filter(([, count]) => count >= 2).map(([name]) => name));
  const wantedPairs = new Set(expected.stories.flatMap(({ names }, i) => names.filter((n) => wantedTopics.has(n)).map((n) => `${i}\t${n}`)));

  const { topics, topicsByStory } = deriveTopics(stories.map((story, i) => ({ ...story, id: String(i) })));
  const foundTopics = new Set(topics.map((topic) => topic.name));
  const foundPairs = new Set([...topicsByStory].flatMap(([id, names]) => names.map((n) => `${id}\t${n}`)));

  const byTopic = score(foundTopics, wantedTopics);
  const byStory = score(foundPairs, wantedPairs);
  console.info(
    `Topics on the sample against tests/fixtures/topics-expected.json: ` +
      `story chips precision ${round(byStory.precision)}, recall ${round(byStory.recall)} ` +
      `(${foundPairs.size} chips, ${wantedPairs.size} expected); ` +
      `topic list precision ${round(byTopic.precision)}, recall ${round(byTopic.recall)} ` +
      `(${foundTopics.size} topics, ${wantedTopics.size} expected).`,
  );
  const missed = [...wantedPairs].filter((p) => !foundPairs.has(p));
  const extra = [...foundPairs].filter((p) => !wantedPairs.has(p));
  if (missed.length + extra.length > 0) console.info(`Missed: ${missed.join(', ') || 'none'}. Extra: ${extra.join(', ') || 'none'}.`);

  // Floors just under what the rules achieve (1.00 on both when this was written).
  expect(byStory.precision).toBeGreaterThanOrEqual(0.95);
  expect(byStory.recall).toBeGreaterThanOrEqual(0.95);
  expect(byTopic.precision).toBeGreaterThanOrEqual(0.9);
  expect(byTopic.recall).toBeGreaterThanOrEqual(0.9);
});
