import {
  ADJECTIVES,
  AGENDA,
  between,
  GOODS,
  GOODS_MORE,
  ITEMS,
  MINERALS,
  MONTHS,
  pick,
  ROLES,
  type Rng,
  SECTORS,
  type Vocabulary,
  WEEKDAYS,
  zipf,
} from './vocabulary.ts';

/** The specifics of one fact of the story; each kind of fact states a few of them. */
export interface Slots {
  person: string;
  person2: string;
  role: string;
  role2: string;
  country: string;
  city: string;
  org: string;
  good: string;
  sector: string;
  item: string;
  mineral: string;
  month: string;
  day: number;
  weekday: string;
  year: number;
  a: number;
  b: number;
  x: string;
  n: number;
  adj: string;
  noun: string;
  noun2: string;
  agenda: string;
}

export interface Fact {
  kind: number;
  slots: Slots;
}

type Phrasing = (s: Slots) => string;

const date = (s: Slots) => `${s.month} ${s.day}`;

/** Each kind of fact has several wordings, so independent reports of one fact read differently. */
const KINDS: Phrasing[][] = [
  [
    (s) => `${s.country} will cut tariffs on ${s.good} from ${s.a}% to ${s.b}% under the deal, ${s.person} said on ${date(s)}.`,
    (s) => `Under the agreement, duties on ${s.good} from ${s.country} fall to ${s.b}% from ${s.a}%, according to ${s.person}, the ${s.role}.`,
    (s) => `${s.person}, the ${s.role}, said on ${date(s)} that the tariff on ${s.good} from ${s.country} would drop from ${s.a} percent to ${s.b} percent.`,
  ],
  [
    (s) => `${s.org} has pledged $${s.n} billion of investment in the ${s.sector} industry of ${s.country} by ${s.year}.`,
    (s) => `The ${s.sector} sector in ${s.country} is set to receive $${s.n} billion from ${s.org} before the end of ${s.year}.`,
    (s) => `By ${s.year}, ${s.org} will invest some ${s.n} billion dollars in ${s.sector} projects across ${s.country}, officials said.`,
  ],
  [
    (s) => `${s.person}, the ${s.role}, will meet ${s.person2} in ${s.city} on ${date(s)} to discuss the ${s.agenda}.`,
    (s) => `A meeting between ${s.person} and ${s.person2}, the ${s.role2}, is scheduled for ${date(s)} in ${s.city}.`,
    (s) => `On ${date(s)}, ${s.person2} is expected to hold talks on the ${s.agenda} with ${s.person} in ${s.city}.`,
  ],
  [
    (s) => `${s.country} aims to lift defence spending to ${s.x}% of GDP by ${s.month} ${s.year}, ${s.person} said.`,
    (s) => `Military spending in ${s.country} will rise to ${s.x} percent of gross domestic product by ${s.month} ${s.year}, the government said.`,
    (s) => `The government of ${s.country} has promised to spend ${s.x}% of GDP on defence by the end of ${s.month} ${s.year}.`,
  ],
  [
    (s) => `${s.country} agreed to buy ${s.n} ${s.item} from ${s.org} as part of the package, worth $${s.a} billion.`,
    (s) => `As part of the $${s.a} billion package, ${s.org} will supply ${s.n} ${s.item} to ${s.country}.`,
    (s) => `The package includes the purchase of ${s.n} ${s.item} from ${s.org} by ${s.country} for about $${s.a} billion.`,
  ],
  [
    (s) => `"We will not accept ${s.adj} limits on ${s.noun} or ${s.noun2}," ${s.person} told reporters in ${s.city}.`,
    (s) => `${s.person} told reporters in ${s.city} that the government would not accept ${s.adj} limits on ${s.noun} or ${s.noun2}.`,
    (s) => `Speaking in ${s.city}, the ${s.role} ${s.person} rejected any ${s.adj} limits on ${s.noun} and ${s.noun2}.`,
  ],
  [
    (s) => `The parliament of ${s.country} approved the ${s.noun} bill by ${s.a} votes to ${s.b} on ${s.weekday}.`,
    (s) => `Lawmakers in ${s.country} passed the ${s.noun} bill ${s.a} to ${s.b} on ${s.weekday}, clearing the way for the ${s.agenda}.`,
    (s) => `On ${s.weekday}, the ${s.noun} bill cleared the parliament of ${s.country} with ${s.a} votes in favour and ${s.b} against.`,
  ],
  [
    (s) => `${s.country} will tighten export controls on ${s.mineral} from ${s.month} ${s.year}, ${s.person} confirmed.`,
    (s) => `Export controls on ${s.mineral} from ${s.country} take effect in ${s.month} ${s.year}, the ${s.role} ${s.person} said.`,
    (s) => `From ${s.month} ${s.year}, shipments of ${s.mineral} out of ${s.country} will need export licences, ${s.person} confirmed.`,
  ],
  [
    (s) => `About ${s.n} troops are stationed at the base near ${s.city}, and ${s.country} pays ${s.b}% of their cost.`,
    (s) => `${s.country} covers ${s.b} percent of the cost of the ${s.n} troops based near ${s.city}.`,
    (s) => `The base outside ${s.city} hosts some ${s.n} troops, with ${s.country} paying ${s.b}% of the bill.`,
  ],
];

export function makeFact(rng: Rng, vocabulary: Vocabulary, noun: (rng: Rng) => string): Fact {
  const a = between(rng, 12, 60);
  const slots: Slots = {
    person: pick(rng, vocabulary.people),
    person2: pick(rng, vocabulary.people),
    role: pick(rng, ROLES),
    role2: pick(rng, ROLES),
    country: pick(rng, vocabulary.countries),
    city: pick(rng, vocabulary.cities),
    org: pick(rng, vocabulary.organisations),
    good: pick(rng, rng() < 0.5 ? GOODS : GOODS_MORE),
    sector: pick(rng, SECTORS),
    item: pick(rng, ITEMS),
    mineral: pick(rng, MINERALS),
    month: pick(rng, MONTHS),
    day: between(rng, 1, 28),
    weekday: pick(rng, WEEKDAYS),
    year: between(rng, 2026, 2035),
    a,
    b: between(rng, 2, a - 2),
    x: (between(rng, 12, 35) / 10).toFixed(1),
    n: between(rng, 3, 900),
    adj: pick(rng, ADJECTIVES),
    noun: noun(rng),
    noun2: noun(rng),
    agenda: pick(rng, AGENDA),
  };
  return { kind: Math.floor(rng() * KINDS.length), slots };
}

/** One report's wording of a fact; sometimes with a different number, as sources disagree. */
export function renderFact(rng: Rng, fact: Fact): string {
  const phrasings = KINDS[fact.kind] as Phrasing[];
  const slots = rng() < 0.04 ? { ...fact.slots, n: fact.slots.n + between(rng, 1, 20) } : fact.slots;
  return pick(rng, phrasings)(slots);
}

const SUBJECTS = [
  'Analysts',
  'Several diplomats',
  'Business leaders',
  'Opposition lawmakers',
  'A senior official',
  'Trade unions',
  'Economists at local banks',
  'Regional governors',
  'Military planners',
  'Farm groups',
  'Some commentators',
  'Retired generals',
  'Exporters',
  'Civil servants',
  'Younger voters',
  'Foreign investors',
];
const VERBS = [
  'warned that',
  'argued that',
  'suggested that',
  'noted that',
  'insisted that',
  'cautioned that',
  'said privately that',
  'expect that',
  'pointed out that',
  'fear that',
  'doubt that',
  'are betting that',
  'have long maintained that',
  'told local media that',
];
const PREDICATES = [
  'could weigh on',
  'may reshape',
  'would delay',
  'is unlikely to change',
  'might strengthen',
  'risks undermining',
  'has little to do with',
  'will depend on',
  'could unsettle',
  'is tied closely to',
  'may revive',
  'would complicate',
  'could eventually replace',
  'does not threaten',
];
type Setting = (w: () => string, years: number) => string;
const SETTINGS: Setting[] = [
  (w) => `in the ${w()} districts`,
  (w) => `for the ${w()} sector`,
  (w) => `during the ${w()} season`,
  (_, years) => `over the next ${years} years`,
  (w) => `across the ${w()} belt`,
  () => '',
];
const CLAUSES = [
  'as officials in both capitals weigh their next steps',
  'even as public attention turns to other matters',
  'according to several people briefed on the discussions',
  'while business groups press for quicker results',
  'at a time when voters remain sceptical of foreign deals',
  'with little sign that either side is ready to compromise',
  'though few details have been made public so far',
  'in the view of several former diplomats',
  'a point that both governments rarely mention in public',
  'despite repeated assurances from the finance ministry',
  'which has dominated the evening bulletins this week',
  'after a string of disappointing quarterly figures',
  'in comments broadcast late on the previous evening',
  'although the timetable keeps slipping',
];

/**
 * A generic sentence with little information, as reports pad out a story. Composed from many
 * parts and several ordinary words, so independent reports rarely share a near-identical one.
 */
export function fillerSentence(rng: Rng, vocabulary: Vocabulary, noun: (rng: Rng) => string): string {
  const w = () => noun(rng);
  const subject = rng() < 0.2 ? `${pick(rng, vocabulary.people)}, who studies ${w()} policy,` : pick(rng, SUBJECTS);
  const setting = pick(rng, SETTINGS)(w, between(rng, 2, 15));
  const clause = rng() < 0.5 ? `, ${pick(rng, CLAUSES)}` : '';
  const core = `${subject} ${pick(rng, VERBS)} the ${pick(rng, ADJECTIVES)} ${w()} ${pick(rng, PREDICATES)} the ${w()} of ${w()}`;
  return `${core}${setting ? ` ${setting}` : ''}${clause}.`;
}

/** A noun picker with a realistic long tail over the vocabulary's ordinary words. */
export function nounPicker(vocabulary: Vocabulary): (rng: Rng) => string {
  const index = zipf(vocabulary.commonNouns.length, 0.9);
  return (rng) => vocabulary.commonNouns[index(rng)] as string;
}

const TOP_BOILERPLATE = ['Share this article', 'Share on Facebook | Share on X | Copy link', 'Listen to this article'];
const BOTTOM_BOILERPLATE = [
  'With inputs from agencies',
  '(With inputs from agencies)',
  'Follow us on WhatsApp for the latest updates',
  'Impact Shorts',
  'More Shorts',
  'Read more: the full coverage of the summit',
];
export const HEADINGS = [
  'Trade at the centre',
  'Defence spending under scrutiny',
  'What comes next',
  'A difficult partner',
  'Minerals and supply chains',
  'Domestic pressure',
];

export function topBoilerplate(rng: Rng): string[] {
  return rng() < 0.35 ? [pick(rng, TOP_BOILERPLATE)] : [];
}

export function bottomBoilerplate(rng: Rng): string[] {
  return rng() < 0.6 ? [pick(rng, BOTTOM_BOILERPLATE)] : [];
}
