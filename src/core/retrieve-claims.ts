import { type RankedClaim, reportedClaims } from './claim-ranking.ts';
import type { Analysis } from './engine.ts';
import { sameStemFamily } from './text/name-forms.ts';
import { termOf, tokenize } from './text/tokens.ts';

/** Words that shape a question but carry no content to look for. */
const QUESTION_WORDS = new Set(
  `what which who whom whose when where why how did does do is are was were will would can could should
tell explain describe discuss discussed happen happened going any anything about there their they them
his her its it the two sides many much more less often long soon kind sort be been being able use used
using carry carried apply applies applied make made take took taken get got give gave put keep kept go went
come came see saw know known call called mean means stake stakes involved pay paid provide provides
providing represent represents far date`.split(/\s+/),
);

const UNKNOWN_WEIGHT = 2.5;

export interface ScoredClaim {
  claim: RankedClaim;
  /** IDF-weighted share of the question's terms the claim's sentences contain. */
  coverage: number;
  score: number;
}

/**
 * How well each claim covers a question. `unknownName` is set when the question names something
 * (a capitalised word after the first) that no sentence of the set mentions: such a question
 * cannot be answered from the articles, whatever else matches. Claims missing a required name
 * are left out; the rest are sorted by score, best first.
 */
export function scoreClaimsForQuestion(
  analysis: Analysis,
  question: string,
): { unknownName: boolean; scored: ScoredClaim[] } {
  const required = new Set<string>();
  const terms = new Set<string>();
  // Which name each capitalised word belongs to: "Kim Jong Un" is one name, found by any of its words.
  const nameOf = new Map<string, number>();
  let nameCount = 0;
  let previousCapital = -2;
  tokenize(question).forEach((t, i) => {
    if (QUESTION_WORDS.has(t.lower)) return;
    const term = termOf(t.lower);
    if (!term) return;
    terms.add(term);
    if (i > 0 && /^[A-Z]/.test(t.raw)) {
      required.add(term);
      if (previousCapital !== i - 1) nameCount++;
      nameOf.set(term, nameCount);
      previousCapital = i;
    }
  });
  // A name the set only uses in another form ("Chinese" for "China") is asked as that form.
  for (const name of [...required]) {
    if (analysis.weights.df(name) > 0) continue;
    const form = commonestForm(analysis, name);
    if (!form) continue;
    required.delete(name);
    terms.delete(name);
    required.add(form);
    terms.add(form);
    nameOf.set(form, nameOf.get(name) as number);
  }
  if ([...required].some((t) => analysis.weights.df(t) === 0)) return { unknownName: true, scored: [] };
  const asked = [...required];
  // Other unknown words may be the asker's phrasing, or a subject the set never mentions ("Who won
  // the election?"): they are not looked for, but count against the coverage. Saying "the articles
  // don't say" for an oddly phrased question is better than quoting a sentence about something else.
  const questionTerms = [...terms].filter((t) => analysis.weights.df(t) > 0);
  // Each weighs more than twice the question's average known word: one subject the set never
  // mentions outweighs the protagonists' names the question also uses.
  const unknown = [...terms].filter((t) => analysis.weights.df(t) === 0).length;
  const knownIdf = questionTerms.reduce((s, t) => s + analysis.weights.idf(t), 0);
  const unknownWeight = questionTerms.length > 0 ? (UNKNOWN_WEIGHT * unknown * knownIdf) / questionTerms.length : 0;
  // The story's protagonists (names in a large share of sentences) are context, not a requirement.
  const common = analysis.sentences.length * 0.1;
  // A name with a protagonist among its words ("Kim" of "Kim Jong Un") is the protagonist too.
  const protagonists = new Set([...required].filter((t) => analysis.weights.df(t) > common).map((t) => nameOf.get(t)));
  for (const t of required) if (protagonists.has(nameOf.get(t))) required.delete(t);
  if (questionTerms.length === 0) return { unknownName: false, scored: [] };
  const total = knownIdf + unknownWeight;
  // Question terms as vocabulary ids (all are known: df > 0), so claims are scanned by id
  // without building term strings or sets per claim.
  const weightOf = new Map(questionTerms.map((t) => [analysis.vocabulary.lookup(t) as number, analysis.weights.idf(t)]));
  // Each name the question asks about must be in the claim, by any of its words.
  const requiredNames = new Map<number, number[]>();
  for (const t of required) {
    const name = nameOf.get(t) as number;
    requiredNames.set(name, [...(requiredNames.get(name) ?? []), analysis.vocabulary.lookup(t) as number]);
  }

  // A name also matches its other forms in the set ("China" / "Chinese", "Australia" / "Australian").
  const formOf = nameForms(analysis, asked);
  const wants = answerKind(question);

  const scored: ScoredClaim[] = [];
  const found = new Set<number>();
  for (const claim of reportedClaims(analysis.claims)) {
    found.clear();
    for (const m of claim.members) {
      for (const id of m.termIds) {
        const asked = weightOf.has(id) ? id : formOf.get(id);
        if (asked !== undefined) found.add(asked);
      }
    }
    if ([...requiredNames.values()].some((ids) => !ids.some((id) => found.has(id)))) continue;
    let covered = 0;
    for (const id of found) covered += weightOf.get(id) as number;
    const coverage = total > 0 ? covered / total : 0;
    // "When ...?" is answered by a sentence with a date, "How much/many ...?" by one with a figure:
    // a sentence without one does not answer a question asking for a measure at all.
    const fits = wants === undefined || claim.members.some((m) => wants.fits(m.text, m.numbers, m.names));
    if (!fits && wants?.strict) continue;
    // Coverage first: a sentence saying what was asked beats a salient one that merely names its subjects.
    scored.push({ claim, coverage, score: coverage ** 2 * (1 + 0.05 * Math.min(claim.salience, 6)) * (fits ? 1 : 0.6) });
  }
  scored.sort((a, b) => b.score - a.score);
  return { unknownName: false, scored };
}

const SPEECH =
  /\b(?:said|says|told|stated|warned|added|announced|argued|insisted|urged|declared|responded|replied|commented|accused)\b|["\u201C]/;

const DATE_WORDS =
  /\b(?:(?:1[89]|20)\d\d|\d{4}s|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|next (?:week|month|year)|this (?:week|month|year)|(?:first|second|third|fourth) quarter|Q[1-4])\b/;

const COUNT = '(?:\\d[\\d.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|several|few|half)';
/** "two-and-a-half-hour", "40-minute", "for one year", "3 minutes and 57 seconds", "hour-long". */
const DURATION = new RegExp(
  `\\b${COUNT}(?:[- ]and[- ]a[- ]half)?[- ](?:second|minute|hour|day|week|month|year|decade)s?\\b|\\b(?:hour|day|week|month|year)-long\\b`,
  'i',
);
const DISTANCE = /\b(?:miles?|kilomet(?:er|re)s?|km|nautical|met(?:er|re)s)\b/i;
const MONEY = /[$€£¥]|\b(?:dollars?|euros?|pounds|yen|yuan|renminbi|crowns|rupees|billion|million|trillion|bn)\b/i;
const CAUSE =
  /\b(?:because|due to|as a result|in order to|so that|after|amid|following|citing|since|reason|aimed at|to avoid|to prevent|hop(?:e|es|ed|ing)|fear(?:s|ed)?|would|could|so)\b/i;

interface AnswerKind {
  fits: (text: string, numbers: string[], names: string[]) => boolean;
  /** The question asks for a measure or a date: a sentence without one is no answer. */
  strict: boolean;
}

/** What kind of sentence answers the question, when its first words say so. */
function answerKind(question: string): AnswerKind | undefined {
  const q = question.trim();
  if (/^(?:when|by when|until when|since when|(?:on|in|by) what (?:day|date|month|year)|what (?:day|date))\b/i.test(q)) {
    return { fits: (text) => DATE_WORDS.test(text), strict: true };
  }
  if (/^(?:for |over )?how long\b/i.test(q)) return { fits: (text) => DURATION.test(text), strict: true };
  if (/^how far\b/i.test(q)) return { fits: (text, numbers) => numbers.length > 0 && DISTANCE.test(text), strict: true };
  if (/^how much\b.*\b(?:cost|costs|spend|spent|pay|paid|worth|price|value|pledge|pledged|invest|invested|money|fund)\b/i.test(q)) {
    return { fits: (text, numbers) => numbers.length > 0 && MONEY.test(text), strict: true };
  }
  if (/^(?:how (?:much|many|big|large|high|low)|by how (?:much|many))\b/i.test(q)) {
    return { fits: (_text, numbers) => numbers.length > 0, strict: true };
  }
  // "What did China say / how did Beijing react?": reported speech answers it.
  if (/^(?:what|how) (?:did|does|do|has|have|will)\b.*\b(?:say|said|think|respond|react|reply|comment)\b/i.test(q)) {
    return { fits: (text) => SPEECH.test(text), strict: false };
  }
  if (/^(?:who|whom)\b/i.test(q)) return { fits: (_text, _numbers, names) => names.length > 0, strict: false };
  if (/^(?:why\b|what (?:\w+ )?(?:have |has )?(?:caused|led to|prompted|triggered)\b)/i.test(q)) {
    return { fits: (text) => CAUSE.test(text) || /\b(?:caused|blamed|triggered|sparked|because)\b/i.test(text), strict: false };
  }
  return undefined;
}

/**
 * The vocabulary ids of a name's other forms: words sharing its stem with a demonym ending
 * ("china" / "chines", "australia" / "australian").
 */
function formsOf(analysis: Analysis, name: string): number[] {
  const ids: number[] = [];
  for (let id = 0; id < analysis.vocabulary.size; id++) {
    const candidate = analysis.vocabulary.term(id);
    if (candidate !== name && sameStemFamily(name, candidate)) ids.push(id);
  }
  return ids;
}

/** Each other form of the question's names, mapped to the name's own term id. */
function nameForms(analysis: Analysis, names: string[]): Map<number, number> {
  const forms = new Map<number, number>();
  for (const name of names) {
    const nameId = analysis.vocabulary.lookup(name) as number;
    for (const id of formsOf(analysis, name)) forms.set(id, nameId);
  }
  return forms;
}

/** The form of a name the set uses most, if it uses any. */
function commonestForm(analysis: Analysis, name: string): string | undefined {
  const forms = formsOf(analysis, name);
  if (forms.length === 0) return undefined;
  const best = forms.reduce((a, b) => (analysis.weights.dfById(b) > analysis.weights.dfById(a) ? b : a));
  return analysis.vocabulary.term(best);
}

/**
 * The k claims most relevant to a question, for a writer that phrases the answer itself (the LLM
 * path). Looser than the offline answer's threshold because the writer can combine several
 * partial matches; empty when the question names something the articles never mention.
 */
export function retrieveClaims(analysis: Analysis, question: string, k: number, minCoverage = 0.3): RankedClaim[] {
  const { unknownName, scored } = scoreClaimsForQuestion(analysis, question);
  if (unknownName) return [];
  return scored
    .filter((s) => s.coverage >= minCoverage)
    .slice(0, k)
    .map((s) => s.claim);
}
