/**
 * What the local news site serves: article pages built from the engine test story (so briefings
 * have real topics and rewrite groups), feeds listing them, and hostile pages.
 */
import { FILLER, INDEPENDENT, ORIGINAL, REWRITE_A } from '../../helpers/engine.ts';

export interface SitePage {
  slug: string;
  title: string;
  paragraphs: string[];
  /** `<link rel=canonical>` as written in the page (relative or absolute). */
  canonical?: string;
  published: string;
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
const paragraphsOf = (text: string) => {
  const all = sentences(text);
  return [all.slice(0, 3).join(' '), all.slice(3).join(' ')].filter(Boolean);
};

export const PAGES: SitePage[] = [
  { slug: 'steel-tariffs', title: 'Freedonia halves steel tariffs', paragraphs: paragraphsOf(ORIGINAL), canonical: '/news/steel-tariffs', published: '2026-03-02T08:00:00Z' },
  { slug: 'tariff-rewrite', title: 'Freedonia to lower steel import tariffs', paragraphs: paragraphsOf(REWRITE_A), published: '2026-03-02T09:00:00Z' },
  { slug: 'steel-makers', title: 'Steel makers welcome tariff cut', paragraphs: sentences(INDEPENDENT), published: '2026-03-02T10:00:00Z' },
  { slug: 'outlook', title: 'A look ahead', paragraphs: [FILLER], published: '2026-03-02T11:00:00Z' },
  {
    slug: 'weather',
    title: 'Sunny weekend ahead in Ridgeview',
    paragraphs: [
      'Forecasters expect sunshine across Ridgeview this weekend, with highs of 24 degrees on Saturday.',
      'Rain is likely to return on Monday morning, the regional weather service said in its outlook.',
      'Beaches on the southern coast are expected to be busy, and lifeguards will be on duty from 9 a.m.',
    ],
    published: '2026-03-02T12:00:00Z',
  },
];

/** Text that looks like markup: extracted as text, it must stay text on every page summit renders. */
export const HOSTILE_TEXT = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
};

export const HOSTILE_PAGE: SitePage = {
  slug: 'hostile-markup',
  title: 'Steel tariffs: what the <script> tag said',
  paragraphs: [
    `Finance Minister Rufus Firefly said the tariff cut would protect 12,000 factory jobs, and a reader wrote ${HOSTILE_TEXT.script} in the comments.`,
    `The government of Freedonia announced on Monday that it will cut tariffs on imported steel from 20 percent to 10 percent, the post said beside ${HOSTILE_TEXT.img} markup.`,
    'Critics in parliament warned that the budget could not absorb the lost revenue without new taxes, according to the same report.',
  ],
  published: '2026-03-02T13:00:00Z',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article page as a news site sends it: chrome, a real script, the article, a footer. */
export function pageHtml(page: SitePage, origin: string): string {
  const canonical = page.canonical ? `<link rel="canonical" href="${escape(page.canonical)}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(page.title)}</title>${canonical}
<meta property="og:site_name" content="Ridgeview Herald">
<meta property="article:published_time" content="${page.published}">
<script>window.__pwned = 'page-script';</script></head>
<body><nav><a href="${origin}/">Home</a> <a href="${origin}/news">News</a></nav>
<article><h1>${escape(page.title)}</h1>
${page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article>
<footer>© Ridgeview Herald. All rights reserved.</footer></body></html>`;
}

export function rssFeed(origin: string, items: { path: string; title: string; published: string; description?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ridgeview Herald</title><link>${origin}/</link><description>News</description>
${items
  .map(
    (i) =>
      `<item><title>${escape(i.title)}</title><link>${escape(i.path.startsWith('http') ? i.path : `${origin}${i.path}`)}</link><guid>${escape(i.path)}</guid><pubDate>${new Date(i.published).toUTCString()}</pubDate>${
        i.description ? `<description>${escape(i.description)}</description>` : ''
      }</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atomFeed(origin: string, items: { path: string; title: string; published: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridgeview Herald (Atom)</title><link href="${origin}/"/><id>urn:ridgeview</id><updated>2026-03-02T13:00:00Z</updated>
${items
  .map((i) => `<entry><title>${escape(i.title)}</title><link rel="alternate" href="${escape(i.path)}"/><id>urn:${escape(i.path)}</id><updated>${i.published}</updated></entry>`)
  .join('\n')}
</feed>`;
}
