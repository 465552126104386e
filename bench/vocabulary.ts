import englishWords from 'an-array-of-english-words' with { type: 'json' };

/** A seeded source of numbers in [0, 1): the same seed always gives the same article set. */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic text. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

export function between(rng: Rng, low: number, high: number): number {
  return low + Math.floor(rng() * (high - low + 1));
}

/**
 * Picks indexes 0..size-1 with Zipf weights 1/(i+1)^s, as word and topic frequencies fall off in
 * real news: a few items everywhere, a long tail seen once or twice.
 */
export function zipf(size: number, s = 1): (rng: Rng) => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / (i + 1) ** s;
    cumulative[i] = total;
  }
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = `ka ro mi ta na shi ve lo ra di su me an to ri ko la be no sa vi ze mo ha ul
en ar is or ya ki fu gi pe da tel mar vin sol dor kai len bra cho sten gal wer tra nel`.split(/\s+/);
const COUNTRY_ENDINGS = ['ia', 'land', 'stan', 'ora', 'ivia', 'enia'];
const CITY_ENDINGS = ['burg', 'port', 'ville', 'grad', 'haven', 'ford', 'a', 'o'];
const ORG_KINDS = ['Group', 'Holdings', 'Industries', 'Bank', 'Institute', 'Corporation', 'Motors', 'Energy'];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function coined(rng: Rng, syllables: number, ending = ''): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(rng, SYLLABLES);
  return capitalise(word + ending);
}

/** Distinct coined names, so a large set has thousands of people, places and firms. */
function uniqueNames(count: number, make: () => string): string[] {
  const names = new Set<string>();
  for (let tries = 0; names.size < count && tries < count * 20; tries++) names.add(make());
  return [...names];
}

export interface Vocabulary {
  people: string[];
  countries: string[];
  cities: string[];
  organisations: string[];
  /** Ordinary English words for filler, to be picked with Zipf weights. */
  commonNouns: string[];
}

/** Name pools scale with the set, as a bigger story has more actors. */
export function buildVocabulary(rng: Rng, articleCount: number): Vocabulary {
  const scale = Math.max(1, Math.sqrt(articleCount / 100));
  const people = uniqueNames(
    Math.round(150 * scale),
    () => `${coined(rng, between(rng, 2, 3))} ${coined(rng, between(rng, 2, 3))}`,
  );
  const countries = uniqueNames(40, () => coined(rng, 2, pick(rng, COUNTRY_ENDINGS)));
  const cities = uniqueNames(Math.round(60 * scale), () => coined(rng, 2, pick(rng, CITY_ENDINGS)));
  const organisations = uniqueNames(
    Math.round(80 * scale),
    () => `${coined(rng, 2)} ${pick(rng, ORG_KINDS)}`,
  );
  return { people, countries, cities, organisations, commonNouns: sampleWords(rng, 6000) };
}

function sampleWords(rng: Rng, count: number): string[] {
  const candidates = (englishWords as string[]).filter((w) => /^[a-z]{5,10}$/.test(w) && !/(?:ly|ing|ed|s)$/.test(w));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(rng, candidates));
  return [...chosen];
}

export const ROLES = [
  'prime minister',
  'trade minister',
  'foreign minister',
  'defence minister',
  'finance minister',
  'chief negotiator',
  'ambassador',
  'central bank governor',
  'opposition leader',
  'economy minister',
  'president',
];
export const GOODS = ['steel', 'rice', 'semiconductors', 'cars', 'aluminium', 'beef', 'timber', 'machinery'];
export const GOODS_MORE = ['pharmaceuticals', 'textiles', 'copper', 'solar panels', 'wine', 'fish', 'chemicals'];
export const SECTORS = ['shipbuilding', 'energy', 'chip', 'battery', 'pharmaceutical', 'aerospace', 'rail', 'port'];
export const ITEMS = ['fighter jets', 'pickup trucks', 'gas turbines', 'cargo planes', 'patrol boats', 'tankers'];
export const MINERALS = ['rare earths', 'lithium', 'cobalt', 'gallium', 'graphite', 'nickel', 'tungsten'];
export const MONTHS = `January February March April May June July August September October November December`.split(' ');
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const ADJECTIVES = `fragile cautious heated lively tense pragmatic uneven bold measured sharp quiet uncertain
modest ambitious unusual familiar difficult broad narrow lasting`.split(/\s+/);
export const AGENDA = ['trade talks', 'security pact', 'investment plan', 'tariff agreement', 'supply accord'];
