import ipaddr from 'ipaddr.js';

/** ::/96 holds the deprecated IPv4-compatible forms (`::127.0.0.1`), which ipaddr.js calls unicast. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** How a refusal names each ipaddr.js range, article included. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback',
  private: 'a private',
  linkLocal: 'a link-local',
  uniqueLocal: 'a unique-local',
  multicast: 'a multicast',
  unspecified: 'an unspecified',
  carrierGradeNat: 'a carrier-grade NAT',
  broadcast: 'a broadcast',
  reserved: 'a reserved',
};

/**
 * Why the HTTP node must not connect to `address`, or null when it is an ordinary public address.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry; every special-purpose range
 * (loopback, private, link-local, NAT64, 6to4, ...) is refused, since several of them reach private hosts.
 */
export function blockedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== 'unicast')
    return `${address} is ${RANGE_NAMES[range] ?? `a special-purpose (${range})`} address`;
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE))
    return `${address} is an IPv4-compatible address`;
  return null;
}

/** Host names as URLs write them: lower case, no IPv6 brackets, no trailing dot. */
export function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** True when the flow's settings trust `hostname` (or `host` with its port) with private addresses. */
export function isAllowedPrivateHost(url: URL, allowedPrivateHosts: readonly string[]): boolean {
  const candidates = new Set([normaliseHost(url.hostname), url.host.toLowerCase()]);
  return allowedPrivateHosts.some(
    (allowed) => candidates.has(normaliseHost(allowed)) || candidates.has(allowed.toLowerCase()),
  );
}
