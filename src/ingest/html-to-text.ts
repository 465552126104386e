import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockParagraphs } from './block-text.ts';
import type { DomDocument, DomNode } from './dom.ts';
import type { ArticleMeta } from './types.ts';

export interface HtmlArticle extends ArticleMeta {
  text: string;
}

/** Page chrome that is never article text. Readability keeps it on short pages, where it takes the whole body. */
const CHROME = 'nav, footer, aside, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/**
 * Extracts an article's main text (paragraphs separated by blank lines) and metadata from an
 * HTML page. With the page's address, relative canonical links are resolved against it.
 */
export function htmlToArticle(html: string, pageUrl?: string): HtmlArticle {
  const document = parseDocument(html);
  // Read metadata first: Readability rewrites the document it parses.
  const meta = readMeta(document, pageUrl);
  dropChrome(document);
  const parsed = new Readability<DomNode>(document, { serializer: (node) => node as DomNode }).parse();
  const main = parsed?.content ? blockParagraphs(parsed.content) : [];
  const paragraphs = main.length > 0 ? main : bodyParagraphs(html);

  const title = clean(parsed?.title) ?? meta.title;
  if (title !== undefined && sameText(paragraphs[0], title)) paragraphs.shift();
  return {
    title,
    url: meta.url,
    outlet: clean(parsed?.siteName),
    publishedAt: meta.publishedAt ?? clean(parsed?.publishedTime),
    text: paragraphs.join('\n\n'),
  };
}

function parseDocument(html: string): DomDocument {
  return parseHTML(withBody(html)).document as DomDocument;
}

/**
 * linkedom does not build the implied <html>/<body> that browsers add around a fragment
 * or a page that omits them, and then loses the content, so supply them.
 */
function withBody(html: string): string {
  const content = html.replace(/^\s*(<\?xml[^>]*>\s*)?<!doctype[^>]*>/i, '');
  if (/<body[\s>]/i.test(content)) return /<html[\s>]/i.test(content) ? content : `<html>${content}</html>`;
  const inner = content.replace(/^\s*<html[^>]*>|<\/html>\s*$/gi, '');
  const headEnd = inner.search(/<\/head>/i);
  if (headEnd < 0) return `<html><body>${inner}</body></html>`;
  const bodyStart = headEnd + '</head>'.length;
  return `<html>${inner.slice(0, bodyStart)}<body>${inner.slice(bodyStart)}</body></html>`;
}

function readMeta(document: DomDocument, pageUrl: string | undefined): ArticleMeta {
  const attr = (selectors: string, name: string) =>
    clean(document.querySelector(selectors)?.getAttribute(name));
  const url = [attr('link[rel~="canonical"]', 'href'), attr('meta[property="og:url"]', 'content')]
    .map((href) => (href && pageUrl && URL.canParse(href, pageUrl) ? new URL(href, pageUrl).href : href))
    .find(isWebUrl);
  return {
    // A fragment (as in a JSON record) has no <title>; its <h1> is the headline.
    title:
      clean(document.querySelector('title')?.textContent) ?? clean(document.querySelector('h1')?.textContent),
    url,
    publishedAt: attr(
      'meta[property="article:published_time"], meta[name="article:published_time"]',
      'content',
    ),
  };
}

function dropChrome(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(CHROME))) element.remove();
  // A header inside the article holds its headline and byline; any other is the site's masthead.
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (!header.closest('article, main')) header.remove();
  }
}

/** Fallback for pages Readability cannot make sense of: the body minus chrome, scripts and styles. */
function bodyParagraphs(html: string): string[] {
  const document = parseDocument(html);
  dropChrome(document);
  const root = document.body ?? document.documentElement;
  return root ? blockParagraphs(root) : [];
}

/** Relative links cannot be resolved without the page's address, so only absolute ones are kept. */
function isWebUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\//i.test(value) && URL.canParse(value);
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(/\s+/g, ' ').toLowerCase() === b.toLowerCase();
}
