import { BlockList, isIP } from 'node:net';

type Range = [address: string, prefix: number, label: string];

/**
 * Everything that is not the public internet. Listed specific-first, so a refusal names the
 * narrowest range. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is matched by the IPv4 rules (BlockList
 * does that); NAT64, 6to4 and Teredo embed IPv4 addresses that could be private, so they are
 * refused whole.
 */
const IPV4: Range[] = [
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata service)'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['0.0.0.0', 8, '"this network"'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6: Range[] = [
  ['::1', 128, 'loopback'],
  ['::', 128, 'unspecified'],
  ['fe80::', 10, 'link-local'],
  ['fc00::', 7, 'unique local (private)'],
  ['fec0::', 10, 'site-local (private)'],
  ['::', 96, 'IPv4-compatible'],
  ['64:ff9b::', 96, 'NAT64'],
  ['64:ff9b:1::', 48, 'NAT64 (local)'],
  ['2002::', 16, '6to4'],
  ['2001::', 32, 'Teredo'],
  ['2001:db8::', 32, 'documentation'],
  ['100::', 64, 'discard'],
  ['ff00::', 8, 'multicast'],
];

const RULES = [...IPV4.map((r) => rule(r, 'ipv4')), ...IPV6.map((r) => rule(r, 'ipv6'))];

function rule([address, prefix, label]: Range, family: 'ipv4' | 'ipv6') {
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { list, label, range: `${address}/${prefix}` };
}

/** An address or CIDR range the operator allows despite its range (`127.0.0.0/8`, `::1`, `10.1.2.3`). */
export function parseNetwork(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, extra] = entry.trim().split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * Which IP addresses fetches may connect to: public ones, plus the networks the operator
 * listed (FETCH_ALLOW_NETWORKS; tests allow loopback). Everything else is refused with the
 * name of its range.
 */
export class AddressPolicy {
  readonly #allowed = new BlockList();
  readonly allowedNetworks: readonly string[];

  constructor(allowedNetworks: readonly string[] = []) {
    this.allowedNetworks = allowedNetworks;
    for (const entry of allowedNetworks) {
      const network = parseNetwork(entry);
      if (!network) throw new Error(`"${entry}" is not an IP address or CIDR range`);
      this.#allowed.addSubnet(network.address, network.prefix, network.family);
    }
  }

  /** Undefined when the address may be connected to; otherwise why not ("loopback (127.0.0.0/8)"). */
  refusal(address: string): string | undefined {
    const version = isIP(address);
    if (version === 0) return 'not an IP address';
    const family = version === 4 ? 'ipv4' : 'ipv6';
    if (this.#allowed.check(address, family)) return undefined;
    const hit = RULES.find((r) => r.list.check(address, family));
    return hit ? `${hit.label} (${hit.range})` : undefined;
  }
}
