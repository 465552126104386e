import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, parseKeywords } from '../ingest/feeds/keywords.ts';
import { stripTracking } from '../ingest/pages/canonical-url.ts';

/** Sources one story may follow; more is a mistake or abuse, not a newsroom. */
export const MAX_SOURCES_PER_STORY = 100;
const MAX_URL_LENGTH = 2000;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A feed or page address as typed in chat or on the command line → the URL summit keeps:
 * http(s) only, no credentials, no fragment or tracking parameters. Slack's `<url>` and
 * `<url|label>` link syntax is unwrapped.
 */
export function checkSourceUrl(input: string): Checked<string> {
  const text = input.trim().replace(/^<([^|>]*)(\|[^>]*)?>$/, '$1');
  if (!text) return { ok: false, error: 'give the address of a feed or article page, e.g. https://example.com/news/rss.xml' };
  if (text.length > MAX_URL_LENGTH) return { ok: false, error: `that address is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `“${text.slice(0, 100)}” is not a web address; it must start with https:// or http://` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `only http and https addresses can be followed, not ${url.protocol.replace(/:$/, '')}:` };
  }
  if (url.username || url.password) return { ok: false, error: 'addresses with a user name or password are not accepted' };
  return { ok: true, value: stripTracking(url).href };
}

/** Keywords as given to the service: the same limits `parseKeywords` applies to typed text. */
export function checkKeywords(keywords: readonly string[]): Checked<string[]> {
  if (keywords.length > MAX_KEYWORDS) return { ok: false, error: `at most ${MAX_KEYWORDS} keywords per source` };
  const long = keywords.find((k) => k.length > MAX_KEYWORD_LENGTH);
  if (long) return { ok: false, error: `“${long.slice(0, 30)}…” is longer than ${MAX_KEYWORD_LENGTH} characters` };
  const parsed = parseKeywords(keywords.map((k) => (/\s/.test(k) ? `"${k}"` : k)).join(' '));
  return 'error' in parsed ? { ok: false, error: parsed.error } : { ok: true, value: parsed.keywords };
}

/** `<url> [keywords…]` (the text after `source add`). */
export function parseSourceAdd(text: string): Checked<{ url: string; keywords: string[] }> {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const url = checkSourceUrl(first);
  if (!url.ok) return url;
  const keywords = parseKeywords(rest.join(' '));
  if ('error' in keywords) return { ok: false, error: keywords.error };
  return { ok: true, value: { url: url.value, keywords: keywords.keywords } };
}
