import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { AddressPolicy } from './address-policy.ts';
import { FetchError } from './errors.ts';
import { type Resolver, vettedLookup } from './vetted-lookup.ts';

export interface Hop {
  url: URL;
  headers: Record<string, string>;
  policy: AddressPolicy;
  resolve: Resolver;
  signal: AbortSignal;
}

/**
 * One GET, without following redirects. The host is vetted before any packet is sent: IP
 * literals here, names in the lookup the socket uses. No agent, so no pooled socket to another
 * address is ever reused.
 */
export function httpGet(hop: Hop): Promise<IncomingMessage> {
  const { url } = hop;
  const href = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new FetchError('fetch:scheme', href, `only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}:`));
  }
  if (url.username || url.password) {
    return Promise.reject(new FetchError('fetch:invalid-url', href, 'links with a user name or password are not fetched'));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const refusal = hop.policy.refusal(host);
    if (refusal) {
      return Promise.reject(new FetchError('fetch:blocked-address', href, `${host} is a ${refusal} address; summit only fetches from the public internet`));
    }
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send({
      method: 'GET',
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: hop.headers,
      lookup: vettedLookup(hop.policy, hop.resolve, href),
      agent: false,
      signal: hop.signal,
    });
    request.once('response', resolve);
    request.once('error', (error: NodeJS.ErrnoException) => reject(connectionError(error, href, hop.signal)));
    request.end();
  });
}

function connectionError(error: NodeJS.ErrnoException, url: string, signal: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  const host = new URL(url).host;
  switch (error.code) {
    case 'ECONNREFUSED':
      return new FetchError('fetch:connection', url, `${host} refused the connection`, { cause: error });
    case 'ECONNRESET':
    case 'EPIPE':
      return new FetchError('fetch:connection', url, `${host} closed the connection`, { cause: error });
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new FetchError('fetch:connection', url, `${host} could not be reached (${error.code})`, { cause: error });
    default:
      if (error.code?.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(error.code ?? '')) {
        return new FetchError('fetch:connection', url, `${host}'s TLS certificate or handshake failed (${error.code})`, { cause: error });
      }
      return new FetchError('fetch:connection', url, `the request to ${host} failed (${error.code ?? error.message})`, { cause: error });
  }
}
