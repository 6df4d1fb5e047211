/**
 * What every save of a network allow-list goes through: strict entries (node:net, lib/networks.ts),
 * duplicates dropped, and never a list that leaves out the address saving it — an administrator
 * cannot lock themselves out of the console from the console (ADR 035).
 */
import { AppError } from '../../errors.ts'
import { invalidNetworks, networkAllows } from '../../lib/networks.ts'

export function checkedAllowList(entries: readonly string[], callerAddress: string, options: { mayExcludeCaller?: boolean } = {}): string[] {
  const invalid = invalidNetworks(entries)
  if (invalid.length > 0) {
    throw new AppError('VALIDATION', {
      details: invalid.map((entry) => ({ path: `allowedNetworks.${entries.indexOf(entry)}`, message: 'not an IPv4/IPv6 address or CIDR' })),
    })
  }
  const list = [...new Set(entries)]
  if (!options.mayExcludeCaller && !networkAllows(list, callerAddress)) throw new AppError('NETWORK_EXCLUDES_CALLER')
  return list
}
