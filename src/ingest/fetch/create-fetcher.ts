import type { FetchConfig } from '../../config/fetch.ts';
import { AddressPolicy } from './address-policy.ts';
import { SafeFetcher } from './safe-fetch.ts';
import type { Resolver } from './vetted-lookup.ts';

/** The fetcher every process builds from FETCH_* settings; `resolve` replaces DNS in tests. */
export function createFetcher(config: FetchConfig, resolve?: Resolver): SafeFetcher {
  return new SafeFetcher({
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    maxRedirects: config.maxRedirects,
    userAgent: config.userAgent,
    policy: new AddressPolicy(config.allowNetworks),
    ...(resolve ? { resolve } : {}),
  });
}
