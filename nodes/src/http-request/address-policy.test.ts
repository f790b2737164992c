import { describe, expect, it } from 'vitest';
import { blockedAddressReason, isAllowedPrivateHost } from './address-policy.ts';

describe('blockedAddressReason', () => {
  it.each([['8.8.8.8'], ['93.184.215.14'], ['2606:4700:4700::1111'], ['::ffff:8.8.8.8']])(
    'lets the public address %s through',
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );

  it.each([
    ['127.0.0.1', '127.0.0.1 is a loopback address'],
    ['127.255.0.9', '127.255.0.9 is a loopback address'],
    ['10.1.2.3', '10.1.2.3 is a private address'],
    ['172.16.0.1', '172.16.0.1 is a private address'],
    ['192.168.0.1', '192.168.0.1 is a private address'],
    ['169.254.169.254', '169.254.169.254 is a link-local address'],
    ['100.100.1.1', '100.100.1.1 is a carrier-grade NAT address'],
    ['0.0.0.0', '0.0.0.0 is an unspecified address'],
    ['239.1.1.1', '239.1.1.1 is a multicast address'],
    ['255.255.255.255', '255.255.255.255 is a broadcast address'],
    ['::1', '::1 is a loopback address'],
    ['::', ':: is an unspecified address'],
    ['fe80::1', 'fe80::1 is a link-local address'],
    ['fc00::1', 'fc00::1 is a unique-local address'],
    ['ff02::1', 'ff02::1 is a multicast address'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1 is a loopback address'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1 is a private address'],
    ['::7f00:1', '::7f00:1 is an IPv4-compatible address'],
    ['64:ff9b::a00:1', '64:ff9b::a00:1 is a special-purpose (rfc6052) address'],
    ['2002:a00:1::', '2002:a00:1:: is a special-purpose (6to4) address'],
  ])('refuses %s', (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });
});

describe('isAllowedPrivateHost', () => {
  const allowed = (url: string, hosts: string[]) => isAllowedPrivateHost(new URL(url), hosts);

  it('matches the host as written, ignoring case, brackets and a trailing dot', () => {
    expect(allowed('http://Orders.Internal./x', ['orders.internal'])).toBe(true);
    expect(allowed('http://[::1]:8080/', ['::1'])).toBe(true);
    expect(allowed('http://127.0.0.1:4801/', ['127.0.0.1:4801'])).toBe(true);
  });

  it('does not stretch to other spellings or other ports of the host', () => {
    expect(allowed('http://localhost/', ['127.0.0.1'])).toBe(false);
    expect(allowed('http://127.0.0.1:9999/', ['127.0.0.1:4801'])).toBe(false);
    expect(allowed('http://orders.internal.evil.example/', ['orders.internal'])).toBe(false);
  });
});
