// Topics: the people, places and organisations the stories are about, found as
// proper-noun phrases in their text ("North Korea", "Kim Jong Un", "Bank of
// England", "U.S."). A name becomes a topic when at least two stories mention it.
//
// Why rules and not an NLP library. Both candidates were read up on against the
// checks of tests/unit/topics*.test.ts and the 100k-story budget (topics of
// 100,000 stories, ~65 MB of text, in well under a second of CPU, per file):
// - wink-nlp (with wink-eng-lite-web-model) finds entities by a statistical
//   tagger plus custom patterns; its own benchmark is ~650,000 tokens/s on an M1,
//   so ~11 M tokens would take 15-20 s, and it still needs the demonym, alias and
//   sentence-start rules below, which are where the sample's misses were.
// - compromise tags every word against a full lexicon (its `.places()`,
//   `.people()`, `.organizations()`); it is slower still (about a megabyte of text
//   a second) and its English lexicon knows few Ukrainian or Korean names.
// Neither beats the rules on these checks and both break the budget, so none is used.
//
// The rules, in order (the data they read is in topic-words.json and topic-places.json):
// 1. Words are grouped into runs of capitalised words separated by single spaces;
//    "of", "the", "de", "bin"… may join two capitalised words ("Bank of England").
//    Punctuation, a possessive ("Russia's" → "Russia"), a title ("President",
//    "Minister", "General") or a stop word (including days, months and generic
//    words such as "Officials") ends a run, so "US President Donald Trump" gives
//    "US" and "Donald Trump". A facility word after a name stays with it
//    ("Zaporizhzhia nuclear power plant") where two stories say so; elsewhere it is dropped.
// 2. Capitals at the start of a sentence prove nothing. A run's sentence-initial
//    word counts only if it is a known name (a place, demonym, alias or acronym) or
//    the library names it mid-sentence (alone, for a one-word run), or the run is
//    two capitalised words or more that start sentences in two stories ("Christine
//    Lagarde said…"); otherwise it is dropped and the rest of the run kept ("The
//    Kremlin" → "Kremlin", "Quiet story…" → nothing).
// 3. Demonyms fold into their place: "Ukrainian", "Ukrainians" → Ukraine, "North
//    Korean" → North Korea, "Middle Eastern" → Middle East. Adjectives without a
//    place ("Western", "Islamic") are no topics; "European Union" stays a name.
// 4. Spellings of one name share a topic: dots are ignored ("U.S." = "US") and
//    aliases are folded ("United States" = "USA" = "US"); the topic shows the
//    spelling used in most stories.
// 5. A one-word name is folded into a longer, person-like name when the stories
//    say they are the same: "Trump" into "Donald Trump", "Kim" into "Kim Jong Un"
//    (topic-rules.ts says when); never "Korea" into "North Korea".
// 6. A topic needs two stories; topics are sorted by story count, then name, and
//    each story lists its topics, most specific first.
//
// Topics are computed per file (topic-candidates.ts: `topicCandidates`, cached
// with the file) and combined library-wide (`combineTopics`); every judgement
// that needs the whole library is made when combining, so the split into files
// never changes a topic. `deriveTopics` is the same over a list of stories.
//
// Known limits: hyphenated names of two capitalised words are split when one
// half is a name by itself ("Russia-U.S." → "Russia", "U.S."), so a name like
// "Guinea-Bissau" may split too; stop words and titles break names that contain
// them ("Theresa May", "UN General Assembly"); a name that only ever starts
// sentences and is in no table is missed; languages without capitals (CJK) give no topics.

import type { Topic } from '../types';
import { applyTopics, combineTopics, topicCandidates } from './topic-candidates';
import type { DeriveTopicsOptions, TopicSource } from './topic-candidates';

export type { DeriveTopicsOptions, TopicSource } from './topic-candidates';

export interface DerivedTopics {
  /** Most stories first, then by name. */
  topics: Topic[];
  /** Every story id → names of its topics, most specific (fewest stories) first. */
  topicsByStory: Map<string, string[]>;
}

/** The topics of a list of stories (read as one file, which gives what any split into files gives). */
export function deriveTopics(stories: readonly TopicSource[], options: DeriveTopicsOptions = {}): DerivedTopics {
  const indexed = combineTopics([topicCandidates(stories)], [stories.map((_, i) => i)], options);
  const holders = stories.map((story) => ({ id: story.id, topics: [] as string[] }));
  const topics = applyTopics(holders, indexed);
  return { topics, topicsByStory: new Map(holders.map((holder) => [holder.id, holder.topics])) };
}
