// A deterministic generator of digest libraries for the benchmark and tests:
// folders of `NNN_<hex>.txt` files in Ponder's format (three lines per story,
// ~26 stories per file), with prose shaped like resources/sample — a summary of
// three sentences, a "This … highlights …" reflection, an open question —
// drawn from a Zipf-distributed vocabulary of news words, proper names, places,
// organisations, numbers and a long tail of rarer words.
//
// The same (count, seed) always gives the same bytes, so figures from
// different runs compare.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface GenerateOptions {
  /** Stories in the library. */
  stories: number;
  /** Stories per file (default 26, as in the sample). */
  perFile?: number;
  seed?: number;
}

/** A generated story (what the files will hold). */
export interface GeneratedStory {
  summary: string;
  reflection: string;
  question: string;
}

/** The stories of a library, without writing them. */
export function generateStories(options: GenerateOptions): GeneratedStory[] {
  const random = mulberry32(options.seed ?? 1);
  const words = new Vocabulary(random);
  return Array.from({ length: options.stories }, () => words.story());
}

/**
 * Write a library into `dir` (files in year/month folders, as a reader who keeps
 * every daily digest would have them), unless a complete one with the same
 * options is already there. Returns the list of files written or found.
 */
export async function ensureLibrary(dir: string, options: GenerateOptions): Promise<string[]> {
  const perFile = options.perFile ?? 26;
  const marker = path.join(dir, '.generated.json');
  const wanted = JSON.stringify({ version: GENERATOR_VERSION, stories: options.stories, perFile, seed: options.seed ?? 1 });
  try {
    const found = JSON.parse(await readFile(marker, 'utf8')) as { options: string; files: string[] };
    if (found.options === wanted) return found.files;
  } catch {
    // Not generated yet (or interrupted): start again.
  }
  await rm(dir, { recursive: true, force: true });
  const stories = generateStories(options);
  const files: string[] = [];
  for (let start = 0, n = 0; start < stories.length; start += perFile, n++) {
    const chunk = stories.slice(start, start + perFile);
    const text = chunk.map((s) => `${s.summary}\n${s.reflection}\n${s.question}`).join('\n') + '\n';
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const day = n % 28;
    const month = Math.floor(n / 28) % 12;
    const year = 2020 + Math.floor(n / (28 * 12));
    const file = path.join(String(year), String(month + 1).padStart(2, '0'), `${String(day).padStart(3, '0')}_${hash}.txt`);
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
    files.push(file.split(path.sep).join('/'));
  }
  await writeFile(marker, JSON.stringify({ options: wanted, files }));
  return files;
}

const GENERATOR_VERSION = 1;

const NEWS_NOUNS = `government minister president forces troops officials talks agreement sanctions economy market markets
prices inflation rates bank growth trade tariffs exports imports deal election vote voters campaign party parliament
court ruling judge law policy reform budget spending debt investors shares company companies industry workers jobs
union strike protest protesters police security attack attacks drone drones missile missiles border region city capital
country countries nations alliance ceasefire peace war conflict crisis tensions pressure support aid funding energy
oil gas pipeline power grid climate emissions heat drought flood floods storm wildfire wildfires water food farmers
crops health hospital hospitals doctors patients vaccine virus outbreak schools students teachers university research
scientists technology data network networks software chip chips artificial intelligence platform users privacy
regulators rules fine investigation report reports statement spokesperson leader leaders summit delegation envoy
talks negotiations resolution council committee commission agency agencies ministry department program plan plans
strategy decision decisions measures steps impact consequences concerns risks warning warnings threat threats
infrastructure housing rent cities villages residents families children refugees migrants asylum shelter displacement
elections coalition opposition government's minister's reforms investment investments partnership partners supply
chain shortage shortages production output factory factories manufacturing demand consumers retail sales revenue
profits losses earnings quarter year years month months week weeks day days century decade history future`;

const VERBS = `said announced reported warned claimed agreed rejected approved signed launched deployed expanded reduced raised
cut increased imposed lifted suspended resumed halted continued accused denied confirmed criticised welcomed urged
called pledged promised threatened struck attacked destroyed captured seized secured protected defended repelled
proposed introduced passed blocked delayed postponed delivered sent received offered sought faced met visited`;

const ADJECTIVES = `significant major critical key new recent ongoing growing rising falling global regional national local
international domestic economic political military diplomatic strategic financial environmental social public private
senior former current potential possible likely unexpected sharp steep gradual rapid slow broad narrow complex fragile
uncertain precarious delicate historic unprecedented renewed fresh sweeping modest severe mild strong weak`;

const THEMES = `shifting balance|complex web|fragile nature|evolving dynamics|delicate interplay|growing divide|hidden costs|
long shadow|quiet erosion|uneven burden|competing interests|unintended consequences|limits|resilience|vulnerability|
rising stakes|changing role|enduring power|deepening ties|persistent gap`.split('|').map((s) => s.trim());

const FIRST = `Vladimir Donald Joe Emmanuel Olaf Keir Xi Narendra Recep Volodymyr Giorgia Pedro Justin Luiz Cyril Fumio Yoon
Benjamin Mohammed Ali Sergei Antony Ursula Kamala Rishi Jens Mark Elon Sam Jerome Christine Anna Maria Jean Hans Li
Ahmed Fatima Olena Dmitry Kim Tanaka Priya Carlos Sofia Andrzej Viktor Nikol Ilham Mette Ulf Sanna`.split(/\s+/);

const LAST = `Putin Trump Biden Macron Scholz Starmer Jinping Modi Erdogan Zelenskiy Meloni Sanchez Trudeau Lula Ramaphosa
Kishida Suk-yeol Netanyahu Salman Khamenei Lavrov Blinken Leyen Harris Sunak Stoltenberg Rutte Musk Altman Powell
Lagarde Kovalenko Schmidt Dubois Novak Wong Rahman Haddad Petrenko Ivanov Park Sato Sharma Silva Rossi Kowalski Orban
Pashinyan Aliyev Frederiksen Kristersson Marin`.split(/\s+/);

const PLACES = `Russia Ukraine Kursk Kyiv Moscow Washington Beijing China Taiwan Japan Korea Seoul Pyongyang India Delhi Pakistan
Iran Tehran Israel Gaza Lebanon Syria Turkey Ankara Egypt Cairo Sudan Ethiopia Kenya Nigeria Brazil Argentina Mexico
Canada Ottawa London Britain France Paris Germany Berlin Poland Warsaw Italy Rome Spain Madrid Brussels Europe Asia
Africa America Arctic Myanmar Thailand Vietnam Indonesia Australia Kharkiv Odesa Donetsk Crimea Sumy Kramatorsk
Belgorod Armenia Azerbaijan Georgia Finland Sweden Norway Denmark Hungary Serbia Venezuela Chile Peru Colombia`.split(/\s+/);

const ORGS = `NATO|the European Union|the United Nations|the World Bank|the IMF|the Kremlin|the Pentagon|the White House|OPEC|
the G7|the G20|the WHO|the ECB|the Federal Reserve|Amnesty International|Reuters|the Red Cross|Gazprom|Tesla|OpenAI|
Nvidia|Apple|Google|Microsoft|Amazon|Samsung|TSMC|Boeing|Airbus`.split('|').map((s) => s.trim());

class Vocabulary {
  private readonly nouns: Zipf<string>;
  private readonly verbs: Zipf<string>;
  private readonly adjectives: Zipf<string>;
  private readonly tail: Zipf<string>;
  private readonly places: Zipf<string>;
  private readonly people: Zipf<string>;
  private readonly orgs: Zipf<string>;
  private readonly themes: Zipf<string>;

  constructor(private readonly random: () => number) {
    this.nouns = new Zipf(random, NEWS_NOUNS.split(/\s+/).filter(Boolean), 0.9);
    this.verbs = new Zipf(random, VERBS.split(/\s+/).filter(Boolean), 1.0);
    this.adjectives = new Zipf(random, ADJECTIVES.split(/\s+/).filter(Boolean), 1.0);
    this.tail = new Zipf(random, makeTail(random, 40_000), 1.05);
    this.places = new Zipf(random, PLACES, 1.1);
    const people: string[] = [];
    for (const last of LAST) for (const first of FIRST) people.push(`${first} ${last}`);
    shuffle(random, people);
    this.people = new Zipf(random, people, 1.1);
    this.orgs = new Zipf(random, ORGS, 1.0);
    this.themes = new Zipf(random, THEMES, 0.8);
  }

  story(): GeneratedStory {
    const summary = [this.lead(), this.middle(), this.close()].join(' ');
    return { summary, reflection: this.reflection(), question: this.question() };
  }

  private word(): string {
    // Mostly everyday news words, sometimes a rarer one.
    return this.random() < 0.22 ? this.tail.pick() : this.nouns.pick();
  }

  private phrase(): string {
    return `${this.adjectives.pick()} ${this.word()}`;
  }

  private actor(): string {
    const r = this.random();
    if (r < 0.4) return this.people.pick();
    if (r < 0.7) return capitalise(this.orgs.pick());
    return `${this.places.pick()}'s ${this.nouns.pick()}`;
  }

  private lead(): string {
    const n = 2 + Math.floor(this.random() * 900);
    return `${this.actor()} ${this.verbs.pick()} ${this.phrase()} in ${this.places.pick()}, as ${n} ${this.word()} ${this.verbs.pick()} the ${this.phrase()} of ${this.word()} and ${this.word()} across the ${this.word()}.`;
  }

  private middle(): string {
    const year = 2019 + Math.floor(this.random() * 8);
    return `The ${this.word()} ${this.verbs.pick()} a ${this.phrase()} after ${this.actor()} ${this.verbs.pick()} ${this.phrase()} with ${this.places.pick()} in ${year}, according to ${this.orgs.pick()}.`;
  }

  private close(): string {
    return `${capitalise(this.adjectives.pick())} ${this.word()} and ${this.phrase()} have ${this.verbs.pick()} ${this.word()} in ${this.places.pick()}, raising ${this.word()} about the ${this.phrase()}.`;
  }

  private reflection(): string {
    return `This ${this.phrase()} highlights the ${this.themes.pick()} of ${this.phrase()}, where ${this.word()} and ${this.phrase()} can shape ${this.word()} for ${this.places.pick()} and ${this.places.pick()}.`;
  }

  private question(): string {
    const r = this.random();
    const opener = r < 0.45 ? 'How will' : r < 0.8 ? 'What implications might' : 'Will';
    return `${opener} the ${this.phrase()} in ${this.places.pick()} affect ${this.phrase()} and ${this.word()}, particularly for ${this.actor()}?`;
  }
}

/** Picks items with probability ∝ 1/(rank+1)^s. */
class Zipf<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly random: () => number,
    private readonly items: readonly T[],
    s: number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) this.cumulative[i] = sum += 1 / (i + 1) ** s;
  }

  pick(): T {
    const target = this.random() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

/** Pronounceable rarer words ("velorand", "castimer"), all distinct. */
function makeTail(random: () => number, count: number): string[] {
  const starts = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'tr', 'pr', 'st', 'gr', 'br', 'cl'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
  const ends = ['n', 'r', 'l', 's', 't', 'nd', 'rt', 'st', 'm', 'x', 'ng', 'ck'];
  const suffixes = ['', '', 'ing', 'ed', 'er', 'ism', 'ation', 'ity', 'al', 'ous', 's'];
  const seen = new Set<string>();
  while (seen.size < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(random, starts) + pick(random, vowels);
    word += pick(random, ends) + pick(random, suffixes);
    seen.add(word);
  }
  return [...seen];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffle<T>(random: () => number, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A small, fast, seedable PRNG (public domain). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
