/** What a fetched body is, as far as summit cares: an article page or a feed. */
export type ContentKind = 'html' | 'feed';

export interface MediaType {
  /** Lower-case `type/subtype`, or "" when the header is missing or unreadable. */
  essence: string;
  charset?: string;
}

export function parseContentType(header: string | undefined): MediaType {
  if (!header) return { essence: '' };
  const [type = '', ...params] = header.split(';');
  const essence = type.trim().toLowerCase();
  let charset: string | undefined;
  for (const param of params) {
    const [key, value] = param.split('=');
    if (key?.trim().toLowerCase() === 'charset' && value) charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { essence: /^[\w.+-]+\/[\w.+-]+$/.test(essence) ? essence : '', ...(charset ? { charset } : {}) };
}

const HTML = new Set(['text/html', 'application/xhtml+xml']);
const FEED = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+xml']);
/** Types that say "XML" or nothing useful: the body decides (servers send feeds as all of these). */
const SNIFF = new Set(['', 'application/xml', 'text/xml', 'text/plain', 'application/octet-stream', 'binary/octet-stream']);

/**
 * Decides from the header alone when it can: a kind, `sniff` (look at the body), or undefined
 * for types that are certainly neither (images, PDFs, JSON …), refused before the body is read.
 */
export function kindFromHeader(type: MediaType): ContentKind | 'sniff' | undefined {
  if (HTML.has(type.essence)) return 'html';
  if (FEED.has(type.essence)) return 'feed';
  if (SNIFF.has(type.essence)) return 'sniff';
  return undefined;
}

/** The root element of a document decides: `<rss>`, `<feed>`, `<rdf:RDF>` are feeds; `<html>` is a page. */
export function sniffKind(text: string): ContentKind | undefined {
  // Skip the XML declaration, comments, processing instructions and a doctype before the root.
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '')
    .trimStart();
  if (/^<!doctype\s+html\b/i.test(head) || /^<html[\s>]/i.test(head)) return 'html';
  const root = head.replace(/^<!doctype[^>]*>\s*/i, '').match(/^<([A-Za-z][\w:.-]*)/)?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
  if (root === 'html') return 'html';
  return undefined;
}

export function describeKinds(kinds: readonly ContentKind[]): string {
  return kinds.map((k) => (k === 'html' ? 'a web page' : 'an RSS/Atom feed')).join(' or ');
}
