import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LookupAddress } from 'node:dns';
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { AddressPolicy } from '../../src/ingest/fetch/address-policy.ts';
import { FetchError } from '../../src/ingest/fetch/errors.ts';
import { SafeFetcher } from '../../src/ingest/fetch/safe-fetch.ts';
import type { Resolver } from '../../src/ingest/fetch/vetted-lookup.ts';
import { WebSourcesPeer } from '../peers/web-sources/server.ts';

let peer: WebSourcesPeer;
/** Every address a socket of this process tried to connect to (net's own diagnostics channel). */
const attempts: string[] = [];
const onSocket = (message: unknown) => {
  const socket = (message as { socket: Socket }).socket;
  socket.on('connectionAttempt', (ip: string) => attempts.push(ip));
  socket.on('connect', () => attempts.push(String(socket.remoteAddress)));
};
before(async () => {
  diagnostics.subscribe('net.client.socket', onSocket);
  peer = await WebSourcesPeer.start();
});
after(async () => {
  diagnostics.unsubscribe('net.client.socket', onSocket);
  await peer.close();
});

/** Names tests use; nothing here reaches a real resolver, and nothing but 127.0.0.1 is ever connected to. */
const DNS: Record<string, LookupAddress[]> = {
  'news.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'intranet.test': [{ address: '10.20.30.40', family: 4 }],
  // One good address is not enough: every answer must be public (or allowed).
  'mixed.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '192.168.0.10', family: 4 },
  ],
};
const lookups: string[] = [];
const resolve: Resolver = async (hostname) => {
  lookups.push(hostname);
  const answer = DNS[hostname];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return answer;
};

const fetcher = (limits: Partial<{ timeoutMs: number; maxBytes: number; maxRedirects: number }> = {}, allow = ['127.0.0.0/8']) =>
  new SafeFetcher({ timeoutMs: 3000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'summit-test', ...limits, policy: new AddressPolicy(allow), resolve });

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('the fetch succeeded');
}

test('a feed is fetched with its validators; asking again with them gets 304 without a body', async () => {
  const first = await fetcher().fetch({ url: peer.url('/feeds/rss.xml'), accept: ['feed'] });
  assert.equal(first.status, 'ok');
  assert.ok(first.status === 'ok' && first.kind === 'feed' && first.text.includes('<rss'));
  assert.equal(first.etag, '"rss-1"');
  assert.equal(first.lastModified, 'Mon, 02 Mar 2026 13:00:00 GMT');
  const again = await fetcher().fetch({ url: peer.url('/feeds/rss.xml'), accept: ['feed'], etag: first.etag!, lastModified: first.lastModified! });
  assert.deepEqual(again, { status: 'not-modified', url: peer.url('/feeds/rss.xml'), redirects: [], etag: '"rss-1"', lastModified: 'Mon, 02 Mar 2026 13:00:00 GMT' });
  const sent = peer.hits('/feeds/rss.xml').at(-1)!.headers;
  assert.equal(sent['if-none-match'], '"rss-1"');
  assert.equal(sent['user-agent'], 'summit-test');
});

test('redirects are followed, each hop vetted; a page reached by name connects to the vetted address', async () => {
  const page = await fetcher().fetch({ url: peer.url('/hostile/chain/3'), accept: ['html'] });
  assert.ok(page.status === 'ok');
  assert.equal(page.url, peer.url('/news/steel-makers'));
  assert.equal(page.redirects.length, 4);
  const port = new URL(peer.origin).port;
  const byName = await fetcher().fetch({ url: `http://news.test:${port}/news/steel-tariffs`, accept: ['html'] });
  assert.ok(byName.status === 'ok' && byName.text.includes('Freedonia'));
  assert.equal(peer.hits('/news/steel-tariffs').at(-1)?.headers.host, `news.test:${port}`, 'Host names the site, the socket went to the vetted IP');
});

test('private, loopback and metadata addresses are refused before connecting — also after redirects and through DNS', async () => {
  const open = fetcher({}, []);
  const cases: [string, RegExp][] = [
    [peer.url('/feeds/rss.xml'), /127\.0\.0\.1 is a loopback .* address/],
    ['http://169.254.169.254/latest/meta-data/', /link-local \(cloud metadata service\)/],
    ['http://[::1]:9/', /loopback/],
    ['http://[::ffff:169.254.169.254]/', /link-local/],
    ['http://0x7f.1/', /127\.0\.0\.1 is a loopback/],
    ['http://metadata.test/latest/meta-data/', /metadata\.test resolves to 169\.254\.169\.254, a link-local/],
    ['http://intranet.test/', /resolves to 10\.20\.30\.40, a private/],
  ];
  for (const [url, reason] of cases) {
    const error = await refusal(open.fetch({ url, accept: ['html'] }));
    assert.equal(error.code, 'fetch:blocked-address', url);
    assert.match(error.message, reason, url);
    assert.equal(error.transient, false);
  }
  // Loopback allowed (the peer), but a redirect from it to anywhere private is still refused.
  for (const [path, reason] of [
    ['/hostile/to-private', /10\.0\.0\.1 is a private/],
    ['/hostile/to-metadata', /169\.254\.169\.254 is a link-local/],
    ['/hostile/to-mapped', /link-local/],
    ['/hostile/to-named-metadata', /metadata\.test resolves to 169\.254\.169\.254/],
  ] as const) {
    const error = await refusal(fetcher().fetch({ url: peer.url(path), accept: ['html'] }));
    assert.equal(error.code, 'fetch:blocked-address', path);
    assert.match(error.message, reason, path);
  }
  const mixed = await refusal(fetcher().fetch({ url: `http://mixed.test:${new URL(peer.origin).port}/news/steel-tariffs`, accept: ['html'] }));
  assert.match(mixed.message, /mixed\.test resolves to 192\.168\.0\.10, a private/);
  const unknown = await refusal(fetcher().fetch({ url: 'http://nowhere.test/', accept: ['html'] }));
  assert.equal(unknown.code, 'fetch:dns');
  assert.match(unknown.message, /nowhere\.test could not be resolved \(ENOTFOUND\)/);
  assert.equal(unknown.transient, true);
});

test('schemes, loops, redirect limits and HTTP errors fail with their own codes', async () => {
  const cases: [string, string, RegExp, number?][] = [
    ['file:///etc/passwd', 'fetch:scheme', /only http and https .* not file:/],
    [peer.url('/hostile/to-ftp'), 'fetch:scheme', /not ftp:/],
    [peer.url('/hostile/loop-a'), 'fetch:redirect-loop', /redirect loop: .*loop-b leads back to .*loop-a/],
    [peer.url('/hostile/chain/9'), 'fetch:too-many-redirects', /more than 5 redirects/],
    [peer.url('/hostile/status/404'), 'fetch:http-status', /answered HTTP 404 Not Found/],
    [peer.url('/hostile/status/503'), 'fetch:http-status', /HTTP 503/],
    ['not a url', 'fetch:invalid-url', /is not a URL/],
    ['http://user:secret@news.test/', 'fetch:invalid-url', /user name or password/],
  ];
  for (const [url, code, reason] of cases) {
    const error = await refusal(fetcher().fetch({ url, accept: ['html', 'feed'] }));
    assert.equal(error.code, code, url);
    assert.match(error.message, reason, url);
  }
  assert.equal((await refusal(fetcher().fetch({ url: peer.url('/hostile/status/503'), accept: ['html'] }))).transient, true);
  assert.equal((await refusal(fetcher().fetch({ url: peer.url('/hostile/status/404'), accept: ['html'] }))).transient, false);
});

test('wrong content types are refused before the body is read; text/xml and text/html are sniffed', async () => {
  for (const [path, reason] of [
    ['/hostile/wrong-type', /sent "image\/png"; expected a web page or an RSS\/Atom feed/],
    ['/hostile/pdf', /sent "application\/pdf"/],
    ['/hostile/not-a-feed.xml', /a document that is neither \(content type "application\/xml"\)/],
  ] as const) {
    const error = await refusal(fetcher().fetch({ url: peer.url(path), accept: ['html', 'feed'] }));
    assert.equal(error.code, 'fetch:content-type', path);
    assert.match(error.message, reason);
  }
  const feedAsPage = await refusal(fetcher().fetch({ url: peer.url('/feeds/rss.xml'), accept: ['html'] }));
  assert.equal(feedAsPage.code, 'fetch:content-type');
  const plain = await fetcher().fetch({ url: peer.url('/feeds/plain.xml'), accept: ['html', 'feed'] });
  assert.ok(plain.status === 'ok' && plain.kind === 'feed');
  const binary = await refusal(fetcher().fetch({ url: peer.url('/hostile/binary'), accept: ['html'] }));
  assert.equal(binary.code, 'fetch:decode');
});

test('size caps hold while streaming, against a missing length, a lying length and a compression bomb', async () => {
  const small = fetcher({ maxBytes: 256 * 1024 });
  for (const path of ['/hostile/huge.html', '/hostile/huge-declared', '/hostile/gzip-bomb.html']) {
    const started = Date.now();
    const error = await refusal(small.fetch({ url: peer.url(path), accept: ['html'] }));
    assert.equal(error.code, 'fetch:too-large', path);
    assert.match(error.message, /larger than the 256 KB limit/);
    assert.ok(Date.now() - started < 2500, `${path} stopped early`);
  }
  assert.equal((await refusal(small.fetch({ url: peer.url('/hostile/corrupt-gzip.html'), accept: ['html'] }))).code, 'fetch:decode');
});

test('one deadline covers a silent server and a body that trickles in forever', async () => {
  for (const path of ['/hostile/silent', '/hostile/slow.html']) {
    const started = Date.now();
    const error = await refusal(fetcher({ timeoutMs: 800 }).fetch({ url: peer.url(path), accept: ['html'] }));
    const took = Date.now() - started;
    assert.equal(error.code, 'fetch:timeout', path);
    assert.match(error.message, /sent no complete response within 0\.8 s/);
    assert.ok(took >= 750 && took < 2000, `${path}: ${took} ms`);
  }
});

test('a page that lies about its charset is decoded by detection, with a note', async () => {
  const page = await fetcher().fetch({ url: peer.url('/hostile/mislabelled.html'), accept: ['html'] });
  assert.ok(page.status === 'ok');
  assert.match(page.text, /Café owners “welcome” the tariff cut/);
  assert.match(page.note ?? '', /declared UTF-8 but is not valid UTF-8; decoded as windows-1252/);
});

test('no refused address was ever contacted: every connection attempt went to the local peer', () => {
  assert.ok(attempts.length > 10, `connections were observed (${attempts.length})`);
  assert.deepEqual([...new Set(attempts)], ['127.0.0.1']);
  assert.ok(lookups.includes('metadata.test') && lookups.includes('intranet.test'), 'names were resolved (by the test resolver) and then refused');
});
