import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordFilter, parseKeywords } from '../../src/ingest/feeds/keywords.ts';
import { FeedParseError, parseFeed } from '../../src/ingest/feeds/parse-feed.ts';
import { canonicalUrl, stripTracking } from '../../src/ingest/pages/canonical-url.ts';
import { pageToArticle } from '../../src/ingest/pages/page-article.ts';
import { checkSourceUrl, parseSourceAdd } from '../../src/sources/source-input.ts';
import { sourceStatus } from '../../src/sources/describe.ts';
import { PENDING_STATE } from '../../src/core/ports/source-repository.ts';

test('keywords: words, commas and quoted phrases; whole words, accents and case ignored; * for prefixes', () => {
  assert.deepEqual(parseKeywords('steel, "trade deal"  tariff* Steel'), { keywords: ['steel', 'trade deal', 'tariff*'] });
  assert.deepEqual(parseKeywords('“smart quotes” ok'), { keywords: ['smart quotes', 'ok'] });
  assert.match(String((parseKeywords('"" ,,, ***') as { error?: string }).error), /no letters or digits/);
  assert.match(String((parseKeywords(Array.from({ length: 21 }, (_, i) => `k${i}`).join(' ')) as { error?: string }).error), /at most 20/);
  const filter = new KeywordFilter(['steel', 'trade deal', 'tariff*', 'Café']);
  assert.equal(filter.match('Steel makers cheer'), 'steel');
  assert.equal(filter.match('Stainless-steel pans'), 'steel', 'a hyphen is a word boundary');
  assert.equal(filter.match('steelworks reopen'), undefined, 'not inside a longer word');
  assert.equal(filter.match('a new TRADE\n deal'), 'trade deal');
  assert.equal(filter.match('Tariffs rise'), 'tariff*');
  assert.equal(filter.match('the cafe opened'), 'Café');
  assert.equal(filter.match(undefined, 'nothing relevant'), undefined);
  assert.equal(new KeywordFilter([]).match('anything'), '(all)');
});

test('tracking parameters and fragments go; a declared canonical counts only on the same site', () => {
  assert.equal(stripTracking('https://x.com/a?utm_source=rss&id=7&fbclid=1&gclid=2#top').href, 'https://x.com/a?id=7');
  assert.equal(stripTracking('https://x.com/a?utm_medium=x').href, 'https://x.com/a');
  assert.deepEqual(canonicalUrl('https://amp.news.com/a?utm_source=t', 'https://www.news.com/a?utm_campaign=z'), { url: 'https://www.news.com/a' });
  assert.deepEqual(canonicalUrl('https://news.com/amp/a', '/a'), { url: 'https://news.com/a' });
  const spoof = canonicalUrl('https://evil.example/a', 'https://www.reuters.com/world/a');
  assert.equal(spoof.url, 'https://evil.example/a');
  assert.match(spoof.declaredIgnored ?? '', /another site/);
  assert.equal(canonicalUrl('https://news.com/a', 'javascript:alert(1)').url, 'https://news.com/a');
});

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title><link>https://news.test/</link>
<item><title>One &amp; two</title><link>/a?utm_source=rss</link><description>&lt;p&gt;Steel &lt;b&gt;tariffs&lt;/b&gt;&lt;/p&gt;</description><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><category>Trade</category></item>
<item><title>Same again</title><link>https://news.test/a?utm_medium=x</link></item>
<item><title>Scripted</title><link>javascript:alert(1)</link></item>
<item><title>No link</title></item>
</channel></rss>`;

test('RSS items become absolute article URLs without tracking; bad and repeated links are skipped with reasons', () => {
  const feed = parseFeed(RSS, 'https://news.test/feed.xml');
  assert.equal(feed.format, 'rss');
  assert.deepEqual(feed.entries, [
    { url: 'https://news.test/a', title: 'One & two', summary: 'Steel tariffs', publishedAt: '2026-03-02T08:00:00.000Z', categories: ['Trade'] },
  ]);
  assert.deepEqual(feed.skipped, [
    '"Same again": listed twice',
    '"Scripted": link "javascript:alert(1)" is not an http(s) URL',
    '"No link": no link',
  ]);
  const atom = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://a.test/"/><entry><title>E</title><link rel="alternate" href="/e1"/><id>1</id><updated>2026-01-01T00:00:00Z</updated></entry></feed>', 'https://a.test/atom');
  assert.equal(atom.format, 'atom');
  assert.equal(atom.entries[0]?.url, 'https://a.test/e1');
  assert.throws(() => parseFeed('<html><body>no</body></html>', 'https://a.test/'), FeedParseError);
});

test('a page becomes an article: Readability text, canonical url, the fetched address as source', () => {
  const html = `<html><head><title>Steel</title><link rel="canonical" href="/news/steel"><script>alert(1)</script></head>
<body><nav>Home News</nav><article><h1>Steel</h1><p>The government of Freedonia announced on Monday that it will cut tariffs on imported steel.</p>
<p>Finance Minister Rufus Firefly said the move would protect 12,000 factory jobs in the northern provinces.</p></article></body></html>`;
  const outcome = pageToArticle({ url: 'https://www.news.test/amp/steel?utm_source=x', text: html }, { publishedAt: '2026-03-02T08:00:00.000Z' });
  assert.ok(outcome.ok);
  assert.equal(outcome.article.url, 'https://www.news.test/news/steel');
  assert.equal(outcome.article.source, 'https://www.news.test/amp/steel');
  assert.equal(outcome.article.outlet, 'news.test');
  assert.equal(outcome.article.publishedAt, '2026-03-02T08:00:00.000Z');
  assert.doesNotMatch(outcome.article.text, /alert|Home News/);
  assert.deepEqual(pageToArticle({ url: 'https://n.test/', text: '<html><body><p>Hi</p></body></html>' }), { ok: false, reason: 'no article text found on the page' });
});

test('source addresses: Slack link syntax unwrapped, only http(s), no credentials; keywords after the URL', () => {
  assert.deepEqual(checkSourceUrl('<https://news.test/rss?utm_source=x|news.test/rss>'), { ok: true, value: 'https://news.test/rss' });
  assert.match(String((checkSourceUrl('ftp://x.test/f') as { error?: string }).error), /only http and https/);
  assert.match(String((checkSourceUrl('https://u:p@x.test/') as { error?: string }).error), /user name or password/);
  assert.match(String((checkSourceUrl('news.test/rss') as { error?: string }).error), /must start with https:\/\//);
  assert.deepEqual(parseSourceAdd('https://news.test/rss steel "trade deal"'), { ok: true, value: { url: 'https://news.test/rss', keywords: ['steel', 'trade deal'] } });
});

test('a source status line says what happened and why it fails', () => {
  const source = { id: 'x', storyId: 's', url: 'https://news.test/rss', keywords: [], addedBy: 'cli', addedAt: '2026-03-01T00:00:00Z' };
  const now = new Date('2026-03-02T12:00:00Z');
  assert.equal(sourceStatus({ source, state: PENDING_STATE }, now), 'waiting for its first poll');
  assert.equal(
    sourceStatus({ source, state: { ...PENDING_STATE, status: 'ok', kind: 'feed', lastSuccessAt: '2026-03-02T11:48:00Z', articlesAdded: 3 } }, now),
    'feed OK · read 12 min ago · 3 articles added',
  );
  assert.equal(
    sourceStatus({ source, state: { ...PENDING_STATE, status: 'failing', consecutiveFailures: 2, lastError: { url: source.url, code: 'fetch:timeout', reason: 'news.test sent no complete response within 20 s', at: '' } } }, now),
    'failing (2 polls in a row): news.test sent no complete response within 20 s · never read · 0 articles added',
  );
});
