/**
 * General English word lists used for matching paraphrases. Nothing here is about one story:
 * stop words, UK/US spellings and the synonym families that news rewriters and "spinners"
 * swap most often.
 */
export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves per cent percent while whose upon within without among amid via yet still
would shall may might must however though although since thus hence also well even ever very really
said says say according told tells one's it's let's s t de la le el`.split(/\s+/),
);

/**
 * Synonym families: every word maps to the family's first member. Only words whose common
 * senses agree belong here; very common, many-sensed words ("set", "use", "system", "house")
 * would join unrelated sentences and are left out on purpose.
 */
const SYNONYM_FAMILIES: string[][] = [
  ['former', 'ex', 'erstwhile', 'onetime'],
  ['accelerate', 'speed', 'hasten', 'expedite', 'quicken', 'fast-track'],
  ['negotiation', 'talk', 'discussion', 'deliberation', 'parley'],
  ['agreement', 'deal', 'accord', 'pact', 'treaty', 'arrangement'],
  ['ceasefire', 'truce', 'armistice'],
  ['country', 'nation'],
  ['spending', 'expenditure', 'outlay', 'budget'],
  ['military', 'defense', 'armed', 'security'],
  ['buy', 'purchase', 'acquire', 'obtain', 'procure'],
  ['increase', 'boost', 'raise', 'hike', 'expand', 'grow', 'rise'],
  ['reduce', 'cut', 'lower', 'decrease', 'slash', 'trim'],
  ['state', 'say', 'tell', 'express', 'remark', 'declare', 'note', 'assert', 'suggest'],
  ['meet', 'encounter', 'meeting'],
  ['big', 'large', 'major', 'significant', 'substantial', 'huge', 'key', 'important', 'crucial'],
  ['tension', 'strain', 'friction', 'discord'],
  ['ally', 'partner'],
  ['challenge', 'test', 'examination', 'trial', 'difficulty', 'complexity', 'issue', 'problem'],
  ['expect', 'anticipate', 'forecast', 'predict', 'likely'],
  ['recent', 'latest', 'lately', 'recently', 'new', 'newly', 'freshly', 'fresh'],
  ['first', 'initial', 'maiden', 'inaugural'],
  ['begin', 'start', 'commence'],
  ['travel', 'proceed', 'go', 'journey'],
  ['plan', 'intend', 'aim', 'seek', 'want', 'hope'],
  ['relationship', 'tie', 'relation', 'bond', 'rapport', 'chemistry', 'connection', 'link'],
  ['american', 'us', 'u.s.', 'usa', 'america'],
  ['ready', 'prepared', 'poised'],
  ['face', 'confront', 'tackle'],
  ['focus', 'center', 'centre', 'revolve', 'concentrate'],
  ['leader', 'premier', 'chief'],
  ['government', 'administration', 'cabinet'],
  ['lawmaker', 'legislator', 'mp', 'parliamentarian'],
  ['parliament', 'diet', 'legislature', 'congress'],
  ['approve', 'pass', 'adopt', 'enact'],
  ['law', 'legislation', 'bill'],
  ['unstable', 'shaky', 'fragile', 'precarious'],
  ['capability', 'ability', 'capacity'],
  ['missile', 'weapon', 'munition'],
  ['troop', 'force', 'soldier'],
  ['soil', 'territory', 'land'],
  ['stationing', 'hosting', 'basing'],
  ['pay', 'contribute', 'fund', 'finance'],
  ['favorite', 'preferred', 'favored'],
  ['visit', 'trip', 'tour'],
  ['economic', 'trade', 'commercial'],
  ['tariff', 'duty', 'levy'],
  ['relief', 'ease', 'respite'],
  ['emperor', 'monarch'],
  ['venue', 'location', 'place', 'site'],
  ['female', 'woman'],
  ['win', 'victory', 'secure', 'securing', 'winning'],
  ['domestic', 'local', 'homegrown', 'domestically', 'locally'],
  ['develop', 'produce', 'manufacture'],
  ['long-range', 'longer-range', 'extended-range'],
  ['assassinate', 'kill', 'murder'],
  ['shared', 'mutual', 'common', 'joint'],
  ['interest', 'activity', 'pastime', 'hobby'],
  ['powerful', 'influential', 'strong', 'mighty'],
  ['chamber'],
  ['deploy', 'employ'],
  ['demand', 'request'],
  ['authority', 'official'],
  ['goods', 'product', 'merchandise'],
  ['vehicle', 'truck', 'car', 'automobile'],
  ['agricultural', 'farm'],
];

export const SYNONYM_OF: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const family of SYNONYM_FAMILIES) {
    const head = family[0] as string;
    for (const word of family) if (!map.has(word)) map.set(word, head);
  }
  return map;
})();

/** British spellings → American, so "defence" and "defense" are one word. */
export const SPELLING_VARIANTS: Map<string, string> = new Map([
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['programme', 'program'],
  ['centre', 'center'],
  ['metre', 'meter'],
  ['theatre', 'theater'],
  ['labour', 'labor'],
  ['favour', 'favor'],
  ['favourite', 'favorite'],
  ['neighbour', 'neighbor'],
  ['neighbouring', 'neighboring'],
  ['honour', 'honor'],
  ['colour', 'color'],
  ['criticising', 'criticizing'],
  ['realise', 'realize'],
  ['organisation', 'organization'],
  ['jewellery', 'jewelry'],
  ['tonne', 'ton'],
  ['signalled', 'signaled'],
  ['travelled', 'traveled'],
]);

/**
 * Words the stemmer would cut to an unrelated word's stem ("importance" → "import",
 * "generation" → "gener" like "general", "organization" → "organ"): kept whole.
 */
export const KEPT_WHOLE: Set<string> = new Set(
  'importance accordance general generally generation generations generous organization organizations university universities'.split(' '),
);

/** Irregular verb forms → base form, which the stemmer cannot derive ("bought" → "buy"). */
export const IRREGULAR_FORMS: Map<string, string> = new Map(
  `met:meet bought:buy sold:sell paid:pay made:make took:take taken:take
gave:give given:give won:win spent:spend held:hold sent:send brought:bring began:begin begun:begin
came:come went:go gone:go saw:see seen:see knew:know known:know grew:grow grown:grow rose:rise
risen:rise fell:fall fallen:fall struck:strike sought:seek built:build led:lead meant:mean kept:keep
drew:draw drawn:draw wrote:write written:write spoke:speak spoken:speak chose:choose chosen:choose
froze:freeze frozen:freeze broke:break broken:break flew:fly flown:fly fought:fight threw:throw
thrown:throw withdrew:withdraw withdrawn:withdraw undertook:undertake undertaken:undertake`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

export const NUMBER_WORDS: Map<string, string> = new Map([
  ['zero', '0'],
  ['one', '1'],
  ['two', '2'],
  ['three', '3'],
  ['four', '4'],
  ['five', '5'],
  ['six', '6'],
  ['seven', '7'],
  ['eight', '8'],
  ['nine', '9'],
  ['ten', '10'],
  ['eleven', '11'],
  ['twelve', '12'],
  ['twenty', '20'],
  ['thirty', '30'],
  ['fifty', '50'],
  ['hundred', '100'],
  ['dozen', '12'],
]);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
