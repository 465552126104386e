import type { RawDisagreement } from './disagreements.ts';
import type { SentenceFeatures } from './features.ts';
import { type Token, tokenize } from './text/tokens.ts';

const QUALIFIERS = new Set(['former', 'ex', 'then', 'late', 'acting', 'outgoing', 'incoming', 'interim']);
const TITLES = new Set([
  'president',
  'prime minister',
  'minister',
  'chancellor',
  'secretary',
  'governor',
  'senator',
  'king',
  'queen',
  'emperor',
  'leader',
  'ceo',
  'chairman',
  'mayor',
  'ambassador',
]);

const TITLE_HINT = /\b(?:President|Minister|Chancellor|Secretary|Governor|Senator|King|Queen|Emperor|Leader|CEO|Chairman|Mayor|Ambassador)\b/;

/** Whether people are given the same title everywhere ("former President X" against "President X"). */
export function titleDisagreements(sentences: SentenceFeatures[]): RawDisagreement[] {
  // person → title → qualified? → refs
  const seen = new Map<string, Map<string, Map<string, SentenceFeatures[]>>>();
  for (const s of sentences) {
    if (!TITLE_HINT.test(s.text)) continue; // most sentences name no titled person
    const tokens = tokenize(s.text);
    for (let i = 0; i < tokens.length; i++) {
      const two = `${tokens[i]?.lower} ${tokens[i + 1]?.lower}`;
      const title = TITLES.has(two)
        ? two
        : TITLES.has(tokens[i]?.lower ?? '')
          ? (tokens[i]?.lower as string)
          : '';
      if (!title || !/^[A-Z]/.test(tokens[i]?.raw ?? '')) continue;
      const after = i + title.split(' ').length;
      const nameTokens: string[] = [];
      for (let k = after; k < tokens.length && /^[A-Z][a-z]/.test(tokens[k]?.raw ?? ''); k++) {
        nameTokens.push((tokens[k] as Token).raw.replace(/'s$/, ''));
      }
      if (nameTokens.length === 0) continue;
      const person = nameTokens[nameTokens.length - 1] as string;
      let q = i - 1;
      while (q >= 0 && /^(?:US|U\.S\.|UK|EU|[A-Z][a-z]+(?:an|ese|ish|i))$/.test(tokens[q]?.raw ?? '')) q--; // nationality
      const qualifier = QUALIFIERS.has(tokens[q]?.lower ?? '') ? 'former' : '';
      const label = `${qualifier ? 'former ' : ''}${title.replace(/\b\w/g, (c) => c.toUpperCase())} ${person}`;
      const byTitle = seen.get(person) ?? new Map<string, Map<string, SentenceFeatures[]>>();
      seen.set(person, byTitle);
      const variants = byTitle.get(title) ?? new Map<string, SentenceFeatures[]>();
      byTitle.set(title, variants);
      const refs = variants.get(label) ?? [];
      refs.push(s);
      variants.set(label, refs);
    }
  }
  const out: RawDisagreement[] = [];
  for (const [person, byTitle] of seen) {
    for (const variants of byTitle.values()) {
      if (variants.size < 2) continue;
      out.push({
        about: `How ${person} is titled`,
        kind: 'title',
        variants: [...variants.entries()].map(([text, sentences]) => ({ text, sentences })),
      });
    }
  }
  return out;
}
