/**
 * A local news site for the source and web tests (127.0.0.1 only): RSS 2.0 and Atom feeds with
 * ETag / Last-Modified and 304s, article pages, and hostile endpoints — scripts, huge and slow
 * bodies, a compression bomb, redirects to private and metadata addresses, loops, wrong content
 * types, broken encodings. Every request is recorded, so tests can prove what was (not) fetched.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { atomFeed, HOSTILE_PAGE, PAGES, pageHtml, rssFeed, type SitePage } from './content.ts';

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

const LAST_MODIFIED = 'Mon, 02 Mar 2026 13:00:00 GMT';

export class WebSourcesPeer {
  readonly requests: RecordedRequest[] = [];
  /** Bumped by tests to change the "changing" feed (new ETag, one more item). */
  changingVersion = 1;
  readonly #server: Server;
  readonly #slow = new Set<ServerResponse>();
  origin = '';

  private constructor() {
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  static async start(): Promise<WebSourcesPeer> {
    const peer = new WebSourcesPeer();
    await new Promise<void>((resolve) => peer.#server.listen(0, '127.0.0.1', resolve));
    peer.origin = `http://127.0.0.1:${(peer.#server.address() as AddressInfo).port}`;
    return peer;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Requests for a path (query string included when given, else any query). */
  hits(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path || (!path.includes('?') && r.path.split('?')[0] === path));
  }

  async close(): Promise<void> {
    for (const res of this.#slow) res.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '/';
    this.requests.push({ path, headers: req.headers });
    const pathname = path.split('?')[0] as string;
    const page = (slug: string) => [...PAGES, HOSTILE_PAGE].find((p) => p.slug === slug);

    const news = /^\/(news|amp\/news)\/([\w-]+)$/.exec(pathname);
    if (news) {
      const found = page(news[2] as string);
      // The AMP copy declares the canonical article, as real AMP pages do.
      if (found && news[1] === 'amp/news') return send(res, 200, 'text/html; charset=utf-8', pageHtml({ ...found, canonical: `${this.origin}/news/${found.slug}` }, this.origin));
      if (found) return send(res, 200, 'text/html; charset=utf-8', pageHtml(found, this.origin));
      return send(res, 404, 'text/plain', 'no such article');
    }
    const feed = FEEDS[pathname];
    if (feed) return this.#conditional(req, res, feed.etag, feed.type, feed.body(this.origin));
    if (pathname === '/feeds/changing.xml') {
      const items = PAGES.slice(0, this.changingVersion).map((p) => ({ path: `/news/${p.slug}`, title: p.title, published: p.published }));
      return this.#conditional(req, res, `"changing-${this.changingVersion}"`, 'application/rss+xml', rssFeed(this.origin, items));
    }
    const hostile = HOSTILE[pathname];
    if (hostile) return hostile(req, res, this);
    const chain = /^\/hostile\/chain\/(\d+)$/.exec(pathname);
    if (chain) {
      const n = Number(chain[1]);
      return redirect(res, n > 0 ? `/hostile/chain/${n - 1}` : '/news/steel-makers');
    }
    const status = /^\/hostile\/status\/(\d{3})$/.exec(pathname);
    if (status) return send(res, Number(status[1]), 'text/plain', 'status as asked');
    send(res, 404, 'text/plain', 'not found');
  }

  #conditional(req: IncomingMessage, res: ServerResponse, etag: string, type: string, body: string) {
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED)) {
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
      return res.end();
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED });
    res.end(body);
  }

  /** Keeps a response open (slow endpoints) until the test or close() ends it. */
  hold(res: ServerResponse) {
    this.#slow.add(res);
    res.on('close', () => this.#slow.delete(res));
  }
}

const item = (p: SitePage, path = `/news/${p.slug}`, description?: string) => ({ path, title: p.title, published: p.published, ...(description ? { description } : {}) });
const [steel, rewrite, makers, outlook, weather] = PAGES as [SitePage, SitePage, SitePage, SitePage, SitePage];

const FEEDS: Record<string, { etag: string; type: string; body: (origin: string) => string }> = {
  // Steel twice: once with campaign parameters, once as its AMP copy — one article, stored once.
  '/feeds/rss.xml': {
    etag: '"rss-1"',
    type: 'application/rss+xml; charset=utf-8',
    body: (origin) =>
      rssFeed(origin, [
        item(steel, `/news/${steel.slug}?utm_source=rss&utm_medium=feed`),
        item(steel, `/amp/news/${steel.slug}`),
        item(rewrite),
        item(makers),
        item(weather, `/news/${weather.slug}`, 'Sunshine all weekend'),
      ]),
  },
  '/feeds/atom.xml': {
    etag: '"atom-1"',
    type: 'application/atom+xml',
    body: (origin) => atomFeed(origin, [item(makers), item(outlook)]),
  },
  // Served as text/xml: the root element decides that it is a feed.
  '/feeds/plain.xml': { etag: '"plain-1"', type: 'text/xml', body: (origin) => rssFeed(origin, [item(rewrite)]) },
  // One good item among bad ones: the bad ones are skipped with reasons, the good one is read.
  '/feeds/mixed.xml': {
    etag: '"mixed-1"',
    type: 'application/rss+xml',
    body: (origin) =>
      rssFeed(origin, [
        { path: '/hostile/to-metadata', title: 'metadata', published: steel.published },
        { path: '/hostile/wrong-type', title: 'an image', published: steel.published },
        { path: 'javascript:alert(1)', title: 'a script link', published: steel.published },
        { path: '/hostile/status/500', title: 'a broken page', published: steel.published },
        item(HOSTILE_PAGE),
        item(makers),
      ]),
  },
};

type Hostile = (req: IncomingMessage, res: ServerResponse, peer: WebSourcesPeer) => void;

const HOSTILE: Record<string, Hostile> = {
  '/hostile/to-private': (_req, res) => redirect(res, 'http://10.0.0.1/admin'),
  '/hostile/to-metadata': (_req, res) => redirect(res, 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'),
  '/hostile/to-named-metadata': (_req, res) => redirect(res, 'http://metadata.test/latest/meta-data/'),
  '/hostile/to-mapped': (_req, res) => redirect(res, 'http://[::ffff:169.254.169.254]/'),
  '/hostile/to-ftp': (_req, res) => redirect(res, 'ftp://files.example.com/feed.xml'),
  '/hostile/loop-a': (_req, res) => redirect(res, '/hostile/loop-b'),
  '/hostile/loop-b': (_req, res) => redirect(res, '/hostile/loop-a'),
  '/hostile/wrong-type': (_req, res) => send(res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
  '/hostile/pdf': (_req, res) => send(res, 200, 'application/pdf', '%PDF-1.7\n%âãÏÓ\n'),
  '/hostile/binary': (_req, res) => send(res, 200, 'text/html', Buffer.from([0x3c, 0x70, 0x3e, 0, 1, 2, 3, 0, 0xff, 0xfe, 0, 0])),
  // A page with chrome and no article: fetched fine, nothing to extract.
  '/hostile/empty.html': (_req, res) => send(res, 200, 'text/html', '<!doctype html><html><head><title>Home</title></head><body><nav>Home · News · Sport</nav><footer>© Herald</footer></body></html>'),
  '/hostile/broken.xml': (_req, res) => send(res, 200, 'application/rss+xml', '<rss version="2.0"><channel><title>oops</title><item><link>'),
  '/hostile/not-a-feed.xml': (_req, res) => send(res, 200, 'application/xml', '<?xml version="1.0"?><invoice><total>12</total></invoice>'),
  // windows-1252 bytes (smart quotes, é) in a page that claims to be UTF-8.
  '/hostile/mislabelled.html': (_req, res) => {
    const text = pageHtml({ ...(PAGES[2] as SitePage), title: 'Caf\u00e9 owners \u201cwelcome\u201d the tariff cut' }, '');
    const bytes = Buffer.from(text, 'latin1').map((b, i) => (text.charCodeAt(i) === 0x201c ? 0x93 : text.charCodeAt(i) === 0x201d ? 0x94 : b));
    send(res, 200, 'text/html; charset=utf-8', Buffer.from(bytes));
  },
  // 20 MB of paragraphs with no Content-Length: only the streaming cap stops it.
  '/hostile/huge.html': (_req, res, peer) => {
    peer.hold(res);
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.from(`<p>${'Freedonia steel tariffs. '.repeat(40)}</p>\n`.repeat(64));
    let sent = 0;
    const pump = () => {
      while (sent < 20 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
  '/hostile/huge-declared': (_req, res, peer) => {
    peer.hold(res);
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(500 * 1024 * 1024) });
    res.write('<p>starting</p>');
  },
  // 64 MB of spaces gzipped into ~64 KB.
  '/hostile/gzip-bomb.html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(GZIP_BOMB());
  },
  '/hostile/corrupt-gzip.html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(Buffer.from('this is not gzip at all'));
  },
  // Headers at once, then one byte every 200 ms forever.
  '/hostile/slow.html': (_req, res, peer) => {
    peer.hold(res);
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write(' '), 200);
    res.on('close', () => clearInterval(timer));
  },
  // Never answers at all.
  '/hostile/silent': (_req, res, peer) => peer.hold(res),
};

let bomb: Buffer | undefined;
const GZIP_BOMB = () => (bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { location });
  res.end();
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
