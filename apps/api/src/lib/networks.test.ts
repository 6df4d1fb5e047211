import { describe, expect, it } from 'vitest'
import { invalidNetworks, networkAllows, parseNetwork } from './networks.ts'

describe('network allow-lists', () => {
  it('take IPv4 and IPv6 addresses and CIDRs, and nothing else', () => {
    expect(parseNetwork('198.51.100.0/24')).toEqual({ address: '198.51.100.0', prefix: 24, family: 'ipv4' })
    expect(parseNetwork('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' })
    expect(parseNetwork('198.51.100.7')).toMatchObject({ prefix: 32 })
    expect(parseNetwork('::1')).toMatchObject({ prefix: 128 })
    expect(invalidNetworks(['10.0.0.0/33', '::/129', '1.2.3', '01.2.3.4', 'fe80::1%eth0', '10.0.0.0/08', 'localhost', '10.0.0.0/', ''])).toHaveLength(9)
  })

  it('match an address on the list, IPv4-mapped IPv6 included; an empty list allows every address', () => {
    const list = ['198.51.100.0/24', '2001:db8:1::/48', '192.0.2.1']
    expect(networkAllows(list, '198.51.100.255')).toBe(true)
    expect(networkAllows(list, '::ffff:198.51.100.7')).toBe(true)
    expect(networkAllows(list, '2001:DB8:1:ffff::1')).toBe(true)
    expect(networkAllows(list, '192.0.2.1')).toBe(true)
    expect(networkAllows(list, '192.0.2.2')).toBe(false)
    expect(networkAllows(list, '198.51.101.1')).toBe(false)
    expect(networkAllows(list, '2001:db8:2::1')).toBe(false)
    expect(networkAllows(list, 'not an address')).toBe(false)
    expect(networkAllows([], '203.0.113.9')).toBe(true)
  })
})
