/**
 * A source's keyword filter: an article is kept when any keyword occurs in it as a whole word
 * or phrase, ignoring case and accents. A trailing `*` matches word beginnings (`tariff*`
 * matches "tariffs"). No keywords: everything is kept.
 */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 60;

/** `steel "trade deal", tariff*` → ["steel", "trade deal", "tariff*"]: words, commas or quoted phrases. */
export function parseKeywords(text: string): { keywords: string[] } | { error: string } {
  const keywords: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|“([^”]*)”|([^\s,"“”]+)/g)) {
    const keyword = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\s+/g, ' ').trim();
    if (!keyword) continue;
    if (keyword.length > MAX_KEYWORD_LENGTH) return { error: `“${keyword.slice(0, 30)}…” is longer than ${MAX_KEYWORD_LENGTH} characters` };
    if (!/[\p{L}\p{N}]/u.test(keyword)) return { error: `“${keyword}” has no letters or digits` };
    if (!keywords.some((k) => fold(k) === fold(keyword))) keywords.push(keyword);
  }
  if (keywords.length > MAX_KEYWORDS) return { error: `at most ${MAX_KEYWORDS} keywords per source` };
  return { keywords };
}

export class KeywordFilter {
  readonly keywords: readonly string[];
  readonly #patterns: RegExp[];

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    this.#patterns = keywords.map(pattern);
  }

  /** The first keyword found in any of the texts, or undefined; always "(all)" without keywords. */
  match(...texts: (string | undefined)[]): string | undefined {
    if (this.#patterns.length === 0) return '(all)';
    const haystack = texts.filter(Boolean).map((t) => fold(t as string)).join('\n');
    const index = this.#patterns.findIndex((p) => p.test(haystack));
    return index < 0 ? undefined : this.keywords[index];
  }
}

function pattern(keyword: string): RegExp {
  const prefix = keyword.endsWith('*');
  const words = fold(prefix ? keyword.slice(0, -1) : keyword)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}

/** Lower case without accents, typographic apostrophes as plain ones. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}
