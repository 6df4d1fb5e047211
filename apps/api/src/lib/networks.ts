/**
 * Network allow-lists (addresses and CIDRs, IPv4 and IPv6) checked with node:net: `isIP` decides
 * what an address is, `BlockList` whether an address is on the list — IPv4-mapped IPv6
 * addresses (`::ffff:198.51.100.7`, a dual-stack listener's view of an IPv4 client) included.
 * An empty list allows every address.
 */
import { BlockList, isIP } from 'node:net'

interface Network {
  address: string
  prefix: number
  family: 'ipv4' | 'ipv6'
}

/** One entry, or null when it is no address or CIDR (a zone id, a host name, a prefix out of range). */
export function parseNetwork(entry: string): Network | null {
  const match = /^([0-9A-Fa-f.:]+)(?:\/(0|[1-9]\d{0,2}))?$/.exec(entry)
  if (!match) return null
  const version = isIP(match[1]!)
  if (version === 0) return null
  const bits = version === 4 ? 32 : 128
  const prefix = match[2] === undefined ? bits : Number(match[2])
  if (prefix > bits) return null
  return { address: match[1]!, prefix, family: version === 4 ? 'ipv4' : 'ipv6' }
}

/** The entries no address or CIDR could be made of (empty when all are good). */
export const invalidNetworks = (entries: readonly string[]) => entries.filter((entry) => parseNetwork(entry) === null)

/** Whether `address` (request.ip) is on the list; an empty list allows everyone. */
export function networkAllows(entries: readonly string[], address: string): boolean {
  if (entries.length === 0) return true
  const family = isIP(address)
  if (family === 0) return false
  const list = new BlockList()
  for (const entry of entries) {
    const network = parseNetwork(entry)
    if (network) list.addSubnet(network.address, network.prefix, network.family)
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6')
}
