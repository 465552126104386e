import { analyse, buildBriefing } from '../../src/core/engine.ts';
import type { ArticleInput, Topic } from '../../src/core/types.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';

export const TEST_TOPICS: Topic[] = [
  {
    id: 'economy',
    label: 'Economy',
    description: '',
    terms: ['tariff', 'trade', 'budget', 'factory', 'jobs'],
  },
  { id: 'security', label: 'Security', description: '', terms: ['army', 'military', 'troops', 'missile'] },
];

export const options = (topics: Topic[] = TEST_TOPICS) => ({
  story: 'test story',
  topics,
  dictionary: englishWords(),
  now: () => new Date('2026-01-01T00:00:00Z'),
});

export const brief = (inputs: ArticleInput[], topics?: Topic[]) => buildBriefing(inputs, options(topics));
export const analyseSet = (inputs: ArticleInput[], topics?: Topic[]) => analyse(inputs, options(topics));

/** A small story: an original report, two paraphrased rewrites, one independent report. */
export const ORIGINAL = [
  'The government of Freedonia announced on Monday that it will cut tariffs on imported steel from 20 percent to 10 percent.',
  'Finance Minister Rufus Firefly said the move would protect 12,000 factory jobs in the northern provinces.',
  'The decision follows months of negotiations with neighbouring Sylvania over a broader trade agreement.',
  'Critics in parliament warned that the budget could not absorb the lost revenue without new taxes.',
  'The army will also receive three new missile batteries, the defence ministry said in a separate statement.',
  'Officials expect the new tariff schedule to take effect at the start of April.',
].join(' ');

export const REWRITE_A = [
  "Freedonia's government said on Monday it would lower tariffs on steel imports from 20 percent to 10 percent.",
  'Finance Minister Rufus Firefly stated that the step would safeguard 12,000 factory jobs in northern provinces.',
  'The decision comes after months of talks with nearby Sylvania about a wider trade deal.',
  'Critics in parliament cautioned that the budget could not absorb the revenue loss without fresh taxes.',
  'The military will also get three new missile batteries, the defence ministry said separately.',
  'Officials anticipate the new tariff schedule taking effect at the beginning of April.',
].join('\n');

export const REWRITE_B = [
  'Officials expect the fresh tariff schedule to begin at the start of April.',
  'The government of Freedonia declared on Monday that it will reduce tariffs on imported steel from 20 percent to 12 percent.',
  'Critics in the legislature warned that the budget could not absorb the lost revenue without new taxes.',
  'Finance Minister Rufus Firefly said the decision would protect 12,000 factory jobs in the northern provinces.',
  'The decision follows months of negotiations with neighbouring Sylvania over a broader trade pact.',
].join(' ');

export const INDEPENDENT = [
  'Steel makers in Freedonia welcomed the tariff cut, saying orders had fallen by a third since January.',
  'Union leader Groucho Marx told reporters that 12,000 factory jobs depend on cheaper imported steel.',
  'In Sylvania, Ambassador Trentino said his country wanted a broader trade agreement by the end of the year.',
  'The port of Ridgeview handled 4 million tonnes of steel last year, according to customs data.',
].join('\n\n');

export const FILLER = [
  'The announcement comes at an important time for the country and its partners.',
  'Many observers will be watching closely to see how the situation develops in the coming weeks.',
  'Leaders on all sides have said they hope for a positive outcome that benefits everyone involved.',
  'It remains to be seen what the long-term implications of these developments will be.',
  'As the world watches, the decisions made now could shape the future for years to come.',
].join(' ');

export const STORY: ArticleInput[] = [
  { source: 'a-original.txt', text: ORIGINAL },
  { source: 'b-rewrite.txt', text: REWRITE_A },
  { source: 'c-rewrite.txt', text: REWRITE_B },
  { source: 'd-independent.txt', text: INDEPENDENT, url: 'https://example.com/news/steel?x=1' },
  { source: 'e-filler.txt', text: FILLER },
];
