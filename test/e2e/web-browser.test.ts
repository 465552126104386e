/**
 * The web pages in a real headless Chromium (Debian's, driven by playwright-core; no browser is
 * downloaded): the cited sentence is highlighted and scrolled into view, nothing from article
 * text runs, every citation link lands, and the pages fit a phone. Screenshots of each page are
 * saved to .artifacts/screenshots/ for people to look at.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO } from '../helpers/cli.ts';
import { HOSTILE_TEXT } from '../peers/web-sources/content.ts';
import { TOKEN, type WebTestEnv, webTestEnv } from './web-harness.ts';

const CHROMIUM = '/usr/bin/chromium';
// CI installs Chromium (.ci/run), so there a missing browser fails the tests instead of skipping them.
const skip = existsSync(CHROMIUM) || process.env.CI ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`;
const SCREENSHOTS = join(REPO, '.artifacts', 'screenshots');
const PHONE = { width: 375, height: 667 };

let env: WebTestEnv;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  if (skip) return;
  env = await webTestEnv('web-browser');
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await env?.close();
});

/** Pages are opened the way chat links reach them: PUBLIC_BASE_URL ending in /t/<token>. */
const site = (path: string) => `${env.base}/t/${TOKEN}${path}`;
const articleId = (title: string) => env.briefing.articles.find((a) => a.title === title)?.id as string;

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(site(path), { waitUntil: 'load' });
  assert.equal(response?.status(), 200, path);
  assert.match(String(response?.headers()['content-security-policy']), /^default-src 'none'; style-src 'self'/);
  return page;
}

async function fitsPhone(page: Page, what: string) {
  const { scrollWidth, clientWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })')) as { scrollWidth: number; clientWidth: number };
  assert.equal(clientWidth, PHONE.width, what);
  assert.ok(scrollWidth <= clientWidth, `${what}: no horizontal scrolling at ${PHONE.width}px (content is ${scrollWidth}px wide)`);
}

test('the full briefing reads on a phone, runs nothing, and every citation link lands on its sentence', { skip }, async () => {
  const page = await open(`/briefings/${env.briefingId}`);
  await fitsPhone(page, 'briefing');
  assert.deepEqual(await page.evaluate('({ pwned: typeof window.__pwned, scripts: document.scripts.length, images: document.images.length })'), { pwned: 'undefined', scripts: 0, images: 0 });
  await page.screenshot({ path: join(SCREENSHOTS, 'briefing.png'), fullPage: true });

  const hrefs = [...new Set((await page.evaluate('[...document.querySelectorAll("a.cite")].map((a) => a.href)')) as string[])];
  assert.ok(hrefs.length >= 5, `citations found: ${hrefs.length}`);
  let anchored = 0;
  for (const href of hrefs) {
    const target = await context.newPage();
    const response = await target.goto(href, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, href);
    const fragment = new URL(href).hash;
    if (/^#s\d+$/.test(fragment)) {
      anchored++;
      const landed = (await target.evaluate(`(() => { const t = document.querySelector(':target'); return t && t.id; })()`)) as string | null;
      assert.equal(`#${landed}`, fragment, `${href} lands on its sentence`);
    }
    await target.close();
  }
  assert.ok(anchored >= 2, 'links into summit’s own article pages were followed');
  assert.ok(hrefs.length - anchored >= 2, 'links to the articles’ own sites were followed');
  await page.close();
});

test('#s3 highlights the third sentence and the browser scrolls a far sentence into view — no script', { skip }, async () => {
  const id = articleId('Long report');
  const page = await open(`/articles/${id}#s3`);
  await fitsPhone(page, 'article');
  const probe = (selector: string) =>
    page.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      const r = el.getBoundingClientRect();
      return { background: getComputedStyle(el).backgroundColor, top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
    })()`) as Promise<{ background: string; top: number; bottom: number; height: number; scrollY: number }>;
  const third = await probe('#s3');
  const second = await probe('#s2');
  assert.notEqual(third.background, second.background, `#s3 is highlighted (${third.background} vs ${second.background})`);
  assert.notEqual(third.background, 'rgba(0, 0, 0, 0)');
  assert.ok(third.top >= 0 && third.bottom <= third.height, `#s3 is in the viewport (${third.top}–${third.bottom} of ${third.height})`);
  await page.screenshot({ path: join(SCREENSHOTS, 'article-s3.png') });

  const last = (await page.evaluate('[...document.querySelectorAll(".sentence")].at(-1).id')) as string;
  await page.goto(site(`/articles/${id}#${last}`), { waitUntil: 'load' });
  const far = await probe(`#${last}`);
  assert.ok(far.scrollY > 0, `the page scrolled to #${last}`);
  assert.ok(far.top >= 0 && far.bottom <= far.height, `#${last} is in the viewport`);
  assert.notEqual(far.background, second.background);
  await page.screenshot({ path: join(SCREENSHOTS, `article-${last}.png`) });
  await page.close();
});

test('markup in article text stays text: no script runs, and the policy blocks what any injection would try', { skip }, async () => {
  const page = await open(`/articles/${articleId('Steel tariffs: what the <script> tag said')}#s1`);
  await fitsPhone(page, 'hostile article');
  const seen = (await page.evaluate('({ pwned: typeof window.__pwned, text: document.body.innerText, scripts: document.scripts.length, images: document.images.length, title: document.title })')) as Record<string, unknown>;
  assert.equal(seen.pwned, 'undefined');
  assert.equal(seen.scripts, 0);
  assert.equal(seen.images, 0);
  assert.ok(String(seen.text).includes(HOSTILE_TEXT.script), 'the script tag is shown as text');
  assert.ok(String(seen.text).includes(HOSTILE_TEXT.img), 'the img tag is shown as text');
  assert.match(String(seen.title), /what the <script> tag said/);
  await page.screenshot({ path: join(SCREENSHOTS, 'article-hostile.png'), fullPage: true });
  // Even markup injected into the page by other means could not run: the policy has no script source.
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src="/nowhere.png" onerror="window.__csp = 1">')`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate('typeof window.__csp'), 'undefined', 'inline handlers are refused by the CSP');
  await page.close();
});
