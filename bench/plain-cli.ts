// `ponder search` as it was before the CLI shared the app's engine: one plain
// Lunr index built on every call, nothing cached. Same arguments and output as
// the real command (minus --data-dir), so the benchmark times the two alike.
// Bundled and run by bench/cli-path.ts only.

import { loadLibrary } from '../electron/core/library/load-library';
import { highlightStory } from '../electron/core/search/highlight';
import { PlainLunrIndex } from './plain-lunr-index';

async function main(): Promise<void> {
  const [folder, ...words] = process.argv.slice(2);
  if (!folder) throw new Error('usage: plain-cli FOLDER QUERY');
  const library = await loadLibrary(folder, { topics: false });
  const outcome = PlainLunrIndex.build(library.stories).search(words.join(' '));
  if (!outcome.ok) throw new Error(outcome.error);
  const stories = new Map(library.stories.map((story) => [story.id, story]));
  const hits = outcome.hits.map((hit) => {
    const story = stories.get(hit.id)!;
    return { id: hit.id, score: Math.round(hit.score * 1000) / 1000, title: story.title, highlights: highlightStory(story, hit) };
  });
  process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
