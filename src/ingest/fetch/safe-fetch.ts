import type { IncomingMessage } from 'node:http';
import type { AddressPolicy } from './address-policy.ts';
import { type ContentKind, describeKinds, kindFromHeader, parseContentType, sniffKind } from './content-type.ts';
import { decodeBody } from './decode-body.ts';
import { FetchError } from './errors.ts';
import { httpGet } from './http-get.ts';
import { readBody } from './read-body.ts';
import { type Resolver, systemResolver } from './vetted-lookup.ts';

export interface FetchLimits {
  /** For the whole fetch: every redirect hop and the body. */
  timeoutMs: number;
  /** Of the decoded body. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface FetchRequest {
  url: string;
  /** What the caller can use; anything else is refused (`fetch:content-type`). */
  accept: readonly ContentKind[];
  /** Validators from the last fetch: a conditional GET that may answer 304. */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface Fetched extends Validators {
  status: 'ok';
  /** The final URL, after redirects. */
  url: string;
  redirects: string[];
  kind: ContentKind;
  text: string;
  encoding: string;
  /** How the text was decoded when the server's charset was missing or wrong. */
  note?: string;
}

export interface NotModified extends Validators {
  status: 'not-modified';
  url: string;
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT: Record<ContentKind, string> = {
  html: 'text/html, application/xhtml+xml;q=0.9',
  feed: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9',
};

/**
 * Fetches web pages and feeds from the public internet only: http(s), every hop's address
 * vetted (see vettedLookup), a redirect limit and loop check, one deadline for everything, a
 * size cap enforced while streaming, and a content-type check before the body is read.
 */
export class SafeFetcher {
  readonly limits: FetchLimits;
  readonly #policy: AddressPolicy;
  readonly #resolve: Resolver;

  constructor(options: FetchLimits & { policy: AddressPolicy; resolve?: Resolver }) {
    this.limits = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, maxRedirects: options.maxRedirects, userAgent: options.userAgent };
    this.#policy = options.policy;
    this.#resolve = options.resolve ?? systemResolver;
  }

  async fetch(request: FetchRequest): Promise<Fetched | NotModified> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new FetchError('fetch:invalid-url', request.url, `"${request.url.slice(0, 200)}" is not a URL`);
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => {
      deadline.abort(new FetchError('fetch:timeout', url.href, `${url.host} sent no complete response within ${this.limits.timeoutMs / 1000} s`));
    }, this.limits.timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline.signal, request.signal]) : deadline.signal;
    try {
      return await this.#follow(url, request, signal);
    } catch (error) {
      // A deadline shows up as an AbortError or a broken connection; report it as what it is.
      const causedByAbort = !(error instanceof FetchError) || error.code === 'fetch:connection';
      if (signal.aborted && causedByAbort) {
        throw signal.reason instanceof FetchError ? signal.reason : new FetchError('fetch:timeout', url.href, 'the fetch was cancelled');
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #follow(start: URL, request: FetchRequest, signal: AbortSignal): Promise<Fetched | NotModified> {
    const conditional = Boolean(request.etag || request.lastModified);
    const headers: Record<string, string> = {
      'user-agent': this.limits.userAgent,
      accept: `${request.accept.map((k) => ACCEPT[k]).join(', ')}, */*;q=0.1`,
      'accept-encoding': 'gzip, deflate, br',
      ...(request.etag ? { 'if-none-match': request.etag } : {}),
      ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
    };
    const redirects: string[] = [];
    const seen = new Set([start.href]);
    let url = start;
    for (;;) {
      const response = await httpGet({ url, headers, policy: this.#policy, resolve: this.#resolve, signal });
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        const next = redirectTarget(response, url);
        if (seen.has(next.href)) {
          throw new FetchError('fetch:redirect-loop', start.href, `redirect loop: ${url.href} leads back to ${next.href}`);
        }
        if (redirects.length >= this.limits.maxRedirects) {
          throw new FetchError('fetch:too-many-redirects', start.href, `more than ${this.limits.maxRedirects} redirects (last to ${next.href})`);
        }
        redirects.push(next.href);
        seen.add(next.href);
        url = next;
        continue;
      }
      try {
        return await this.#finish(response, url, redirects, request, conditional, signal);
      } finally {
        response.destroy();
      }
    }
  }

  async #finish(response: IncomingMessage, url: URL, redirects: string[], request: FetchRequest, conditional: boolean, signal: AbortSignal): Promise<Fetched | NotModified> {
    const status = response.statusCode ?? 0;
    const validators = validatorsOf(response);
    if (status === 304 && conditional) return { status: 'not-modified', url: url.href, redirects, ...validators };
    if (status !== 200 && status !== 203) {
      throw new FetchError('fetch:http-status', url.href, `${url.host} answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, { status });
    }
    const type = parseContentType(header(response, 'content-type'));
    const fromHeader = kindFromHeader(type);
    if (fromHeader === undefined || (fromHeader !== 'sniff' && fromHeader !== 'html' && !request.accept.includes(fromHeader))) {
      throw wrongType(url, type.essence, request.accept);
    }
    const body = await readBody(response, { maxBytes: this.limits.maxBytes, url: url.href, signal });
    const decoded = decodeBody(body, type.charset);
    if (!decoded.ok) throw new FetchError('fetch:decode', url.href, `${url.host} sent something that is not text: ${decoded.reason}`);
    // Some servers label feeds text/html; the root element settles it.
    const sniffed = sniffKind(decoded.text);
    const kind = fromHeader === 'sniff' ? sniffed : fromHeader === 'html' && sniffed === 'feed' ? 'feed' : fromHeader;
    if (!kind || !request.accept.includes(kind)) throw wrongType(url, type.essence, request.accept, kind === undefined);
    return {
      status: 'ok',
      url: url.href,
      redirects,
      kind,
      text: decoded.text,
      encoding: decoded.encoding,
      ...(decoded.note ? { note: decoded.note } : {}),
      ...validators,
    };
  }
}

function redirectTarget(response: IncomingMessage, from: URL): URL {
  const location = header(response, 'location');
  if (!location) throw new FetchError('fetch:http-status', from.href, `${from.host} answered HTTP ${response.statusCode} without saying where to`, { status: response.statusCode });
  try {
    return new URL(location, from);
  } catch {
    throw new FetchError('fetch:invalid-url', from.href, `${from.host} redirected to an invalid URL ("${location.slice(0, 200)}")`);
  }
}

function wrongType(url: URL, essence: string, accept: readonly ContentKind[], unrecognised = false): FetchError {
  const what = unrecognised ? `a document that is neither (content type "${essence || 'none'}")` : `"${essence || 'no content type'}"`;
  return new FetchError('fetch:content-type', url.href, `${url.host} sent ${what}; expected ${describeKinds(accept)}`);
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validatorsOf(response: IncomingMessage): Validators {
  const etag = header(response, 'etag');
  const lastModified = header(response, 'last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
