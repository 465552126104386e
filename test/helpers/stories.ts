import type { ArticleInput } from '../../src/core/types.ts';

/** A second story for the multi-story tests: an election, in our own words, with topics of its own. */
export const ELECTION: ArticleInput[] = [
  {
    source: 'ruritania-1.txt',
    title: 'Liberals win Ruritania election',
    text: [
      "The Liberal Party won 42 seats in Ruritania's parliamentary election on Sunday, the electoral commission said.",
      'Turnout reached 71 percent, the highest in two decades.',
      'Liberal leader Anna Berg said she would start coalition talks with the Greens on Monday.',
      'The Greens took 18 seats, up from 11.',
    ].join(' '),
  },
  {
    source: 'ruritania-2.txt',
    title: 'Berg seeks coalition with Greens',
    text: [
      "Ruritania's Liberal Party took 42 seats in Sunday's vote, according to the electoral commission.",
      'Anna Berg, the Liberal leader, plans coalition talks with the Greens, who won 18 seats.',
      'The conservative bloc lost nine seats and its leader resigned.',
    ].join(' '),
  },
  {
    source: 'ruritania-3.txt',
    title: 'Conservative leader resigns after defeat',
    text: [
      'Election officials in Ruritania counted ballots through the night and confirmed turnout of 71 percent.',
      'The conservative bloc fell to 30 seats and its leader, Piotr Lanz, resigned on Monday.',
      'A new cabinet is expected within six weeks, the coalition partners said.',
    ].join(' '),
  },
];

/** The election story's topics as typed in chat. */
export const ELECTION_TOPICS = 'results: seats votes ballots turnout; coalition: coalition cabinet talks partners';
