import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy.ts';
import { FetchError } from './errors.ts';

/** Name → addresses. The system resolver by default; tests pass their own (no real DNS). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * A `lookup` for http(s).request that resolves the name once, refuses it when any address is
 * outside the policy, and hands exactly the vetted addresses to the socket. The connection
 * therefore goes to an address that was checked — a second, different DNS answer (rebinding)
 * is never asked for. (IP literals skip `lookup`; the fetcher checks those itself.)
 */
export function vettedLookup(policy: AddressPolicy, resolve: Resolver, url: string): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    resolve(hostname).then(
      (all) => {
        const addresses = wanted ? all.filter((a) => a.family === wanted) : all;
        if (addresses.length === 0) {
          throw new FetchError('fetch:dns', url, `${hostname} has no address${wanted ? ` (IPv${wanted})` : ''}`);
        }
        for (const { address } of addresses) {
          const refusal = policy.refusal(address);
          if (refusal) {
            throw new FetchError('fetch:blocked-address', url, `${hostname} resolves to ${address}, a ${refusal} address; summit only fetches from the public internet`);
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, (addresses[0] as LookupAddress).address, (addresses[0] as LookupAddress).family);
      },
    ).catch((error: unknown) => {
      const failure =
        error instanceof FetchError
          ? error
          : new FetchError('fetch:dns', url, `${hostname} could not be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
      callback(failure, '', 0);
    });
  };
}
