import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { ConfigError } from '../../src/config/parse-env.ts';
import { loadWebConfig } from '../../src/config/web.ts';
import { startWebServer } from '../../src/web/server.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security-headers.ts';
import { storyTitle } from '../../src/render/story-title.ts';
import { STORY, TOKEN, type WebTestEnv, webTestEnv } from './web-harness.ts';

let env: WebTestEnv;
before(async () => {
  env = await webTestEnv('web-pages');
});
after(() => env.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${env.base}${path}`, { headers, redirect: 'manual' });
const relativeCitation = () => env.briefing.topics.flatMap((t) => t.points.flatMap((p) => p.citations)).find((c) => c.link.startsWith('/articles/'));

test('the briefing chat links to is found by id in the store and rendered in full', async () => {
  const page = await get(`/briefings/${env.briefingId}?token=${TOKEN}`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  const body = await page.text();
  // Titled from the headlines (escaped), the id kept in the meta line.
  const name = storyTitle(env.briefing).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  assert.ok(body.includes(`<h1>${name}</h1>`), name);
  assert.notEqual(name, STORY);
  assert.ok(body.includes(`story <code>${STORY}</code>`));
  // Every source has a readable name: never a file name or a bare URL.
  for (const [, label] of body.matchAll(/<li id="source-\d+"[^>]*>(?:<a [^>]*>)?([^<]*)/g)) {
    assert.doesNotMatch(label ?? '', /\.(txt|md|json|html)$|^https?:/, label);
  }
  for (const topic of env.briefing.topics) assert.ok(body.includes(`<h2>${topic.label}</h2>`), topic.label);
  const points = [...(env.briefing.overview?.points ?? []), ...env.briefing.topics.flatMap((t) => t.points)];
  assert.ok(points.length >= 2);
  assert.equal((body.match(/<ol class="points">[\s\S]*?<\/ol>/g) ?? []).join('').match(/<li>/g)?.length, points.length, 'every point');
  assert.equal(body.match(/<li id="source-\d+"/g)?.length, env.briefing.articles.length, 'every source');
  assert.match(body, /rewrite of <a href="#source-1">\[1\]<\/a>/, 'rewrites name their original');
  assert.match(body, /<span class="backing">\([12] (independent )?reports? /, 'points say how they are backed');
  assert.doesNotMatch(body, /single source/);
  // Each disagreement under its topics' sections (or after them when it has none).
  for (const d of env.briefing.disagreements) {
    const sections = d.topicIds.length > 0 ? d.topicIds.map((id) => `topic-${id}`) : ['disagreements'];
    for (const id of sections) {
      const section = body.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`))?.[0] ?? '';
      assert.match(section, /<h3 class="differ">Sources differ<\/h3>|<h2>Sources differ/, id);
      const about = d.about.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      assert.ok(section.includes(`<strong>${about}</strong>`), `${d.about} under ${id}`);
    }
  }
  // Markup-looking text of an article is text: escaped, never a tag.
  assert.match(body, /Steel tariffs: what the &lt;script&gt; tag said/);
  assert.doesNotMatch(body, /<script|<img/i);
  if (JSON.stringify(env.briefing).includes('<script>window.__pwned=1</script>')) {
    assert.match(body, /&lt;script&gt;window\.__pwned=1&lt;\/script&gt;/, 'quoted markup is shown as text');
  }
});

test('without the token every story page and /metrics is refused; health and the stylesheet are open', async () => {
  const citation = relativeCitation();
  assert.ok(citation, 'the briefing cites an article without a URL');
  for (const path of [`/briefings/${env.briefingId}`, citation.link.split('#')[0] as string, '/metrics', `/briefings/${env.briefingId}?token=wrong-${TOKEN}`, `/t/not-the-token-0000000000000/briefings/${env.briefingId}`]) {
    const response = await get(path);
    assert.equal(response.status, 401, path);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="summit"');
    const body = await response.text();
    assert.match(body, /This page is private/);
    assert.doesNotMatch(body, new RegExp(STORY), 'nothing of the story leaks');
  }
  const health = await get('/healthz');
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { ok: true, redis: 'ok' });
  assert.equal((await get('/static/summit.css')).status, 200);
});

test('the token works as ?token= (then a cookie), as Bearer, and as the /t/<token> prefix that PUBLIC_BASE_URL can carry', async () => {
  const first = await get(`/briefings/${env.briefingId}?token=${TOKEN}`);
  const cookie = first.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^summit_web=[^;]+; Max-Age=2592000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
  const withCookie = await get(`/briefings/${env.briefingId}`, { cookie: cookie.split(';')[0] as string });
  assert.equal(withCookie.status, 200);
  assert.equal((await get('/metrics', { authorization: `Bearer ${TOKEN}` })).status, 200);

  const prefixed = await get(`/t/${TOKEN}/briefings/${env.briefingId}`);
  assert.equal(prefixed.status, 200);
  const body = await prefixed.text();
  const citation = relativeCitation()!;
  assert.ok(body.includes(`href="/t/${TOKEN}${citation.link}"`), 'site links keep the prefix, so they work without cookies');
  const article = await get(`/t/${TOKEN}${citation.link.split('#')[0]}`);
  assert.equal(article.status, 200);
  assert.match(await article.text(), new RegExp(`id="s${citation.sentenceId}"`));
});

test('every response carries the strict policy; bad or unknown ids are plain 404s', async () => {
  for (const path of ['/', '/healthz', `/briefings/${env.briefingId}?token=${TOKEN}`, '/briefings/nope', `/t/${TOKEN}/briefings/${'0'.repeat(32)}`, `/t/${TOKEN}/articles/..%2F..%2Fetc`]) {
    const response = await get(path);
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-powered-by'), null);
  }
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /script-src|unsafe/);
  const unknown = await get(`/t/${TOKEN}/briefings/${'0'.repeat(32)}`);
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /summit keeps briefings and articles for 30 days/);
  assert.equal((await get(`/t/${TOKEN}/articles/not-an-id`)).status, 404);
});

test('/metrics counts page requests by route and status', async () => {
  const text = await (await get('/metrics', { authorization: `Bearer ${TOKEN}` })).text();
  assert.match(text, /summit_web_requests_total\{route="\/briefings\/:id",status="200"\} [1-9]/);
  assert.match(text, /summit_web_requests_total\{route="\/articles\/:id",status="200"\} [1-9]/);
  assert.match(text, /summit_web_request_duration_seconds_bucket/);
});

test('WEB_ACCESS_TOKEN or an explicit WEB_PUBLIC=true is required; public pages need no token', async () => {
  assert.throws(() => loadWebConfig({}), (e: unknown) => e instanceof ConfigError && /WEB_ACCESS_TOKEN: required \(or set WEB_PUBLIC=true/.test(e.message));
  assert.throws(() => loadWebConfig({ WEB_ACCESS_TOKEN: 'short' }), /at least 24 characters/);
  assert.throws(() => loadWebConfig({ WEB_ACCESS_TOKEN: `${TOKEN}/x` }), /it becomes part of URLs/);
  assert.throws(() => loadWebConfig({ WEB_ACCESS_TOKEN: TOKEN, WEB_PUBLIC: 'true' }), /contradicts/);
  assert.deepEqual(loadWebConfig({ WEB_ACCESS_TOKEN: TOKEN }), { port: 8080, host: '0.0.0.0', accessToken: TOKEN });
  assert.deepEqual(loadWebConfig({ WEB_PUBLIC: 'true', WEB_PORT: '0' }), { port: 0, host: '0.0.0.0' });

  const open = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    briefings: env.sources.stores.briefings,
    articlePages: env.sources.stores.articlePages,
    keptDays: 30,
    redis: env.sources.redis,
    logger: pino({ level: 'silent' }),
  });
  try {
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/briefings/${env.briefingId}`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/t/${TOKEN}/briefings/${env.briefingId}`)).status, 404, 'no token path when public');
  } finally {
    await open.close();
  }
});
