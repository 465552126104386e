/**
 * The 14 required facts of the bundled seed set, ported from GOLD["seeds"]["facts"] in
 * /work/shared/tools/score_briefing.py. A fact is found when every pattern matches one point.
 */
export interface SeedFact {
  id: string;
  /** Topics whose points may state the fact (the baseline, which has no topics, ignores this). */
  topics: string[];
  patterns: RegExp[];
}

/** Any of these alternatives, case-insensitive (Python's `A(...)` with re.I). */
const any = (...alternatives: string[]) => new RegExp(alternatives.join('|'), 'i');
const PCT = String.raw`(?:\s*%|\s*per\s?cent|\s*percent)`;

export const SEED_FACTS: SeedFact[] = [
  { id: 'T1 tariffs 25%->15%', topics: ['trade'], patterns: [any(String.raw`\b25${PCT}`), any(String.raw`\b15${PCT}`)] },
  { id: 'T2 $550bn investment', topics: ['trade'], patterns: [any('550')] },
  {
    id: 'T3 purchases trucks/soy/gas',
    topics: ['trade'],
    patterns: [any('pickup|vehicles|trucks'), any('soybean|agricultur|farm|natural gas')],
  },
  {
    id: 'T4 few expect major deals',
    topics: ['trade'],
    patterns: [any(String.raw`\bfew\b|not many`), any('agreement|concession|deal')],
  },
  { id: 'T5 rare-earths document', topics: ['trade', 'china'], patterns: [any('rare[- ]earth|critical mineral')] },
  {
    id: 'D1 2% GDP by March',
    topics: ['defence'],
    patterns: [any(String.raw`\b2${PCT}`, `two${PCT}`), any('GDP|gross domestic'), any('March|fiscal year')],
  },
  {
    id: 'D2 Tomahawk/counterstrike',
    topics: ['defence'],
    patterns: [any('tomahawk|cruise missile|retaliatory|counterstrike|longer-range|extended-range')],
  },
  { id: 'D3 pay more for US troops', topics: ['defence'], patterns: [any('pay more|contribute more'), any('troops|forces')] },
  {
    id: 'D4 biggest build-up since WWII',
    topics: ['defence'],
    patterns: [any('WWII|World War|Second World War'), any('build-?up|expansion')],
  },
  { id: 'D5 funding uncertain', topics: ['defence'], patterns: [any('fund|financ'), any('yen|tax cut|uncertain|challeng')] },
  {
    id: "C1 suspicion of China's military",
    topics: ['china'],
    patterns: [any('suspicion|wary|distrust'), any('China|Chinese')],
  },
  {
    id: "C2 China's rare-earth export controls",
    topics: ['china', 'trade'],
    patterns: [any('export control'), any('rare[- ]earth')],
  },
  { id: 'C3 Trump to meet Xi at APEC', topics: ['china'], patterns: [any(String.raw`\bXi\b`), any('APEC')] },
  { id: 'C4 hardline/Yasukuni/conciliatory', topics: ['china'], patterns: [any('Yasukuni|hardline|hard-line|conciliatory')] },
];

export function statesFact(fact: SeedFact, text: string): boolean {
  return fact.patterns.every((pattern) => pattern.test(text));
}
