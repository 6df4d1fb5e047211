/**
 * `pnpm admin:networks-clear [--company <id>]`: empties the installation's network allow-list
 * (or one company's) on the configured database, for when nobody can reach the console any more
 * — a new office address, a proxy change. Run on the server, it needs no console session; the
 * change is audited like one made in the console, by the system. With the embedded database,
 * stop the server first: PGlite serves one process at a time.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../db/database.ts'
import type { Db } from '../db/types.ts'
import { createAuditLog } from '../domain/audit.ts'
import { CliError } from './cli-error.ts'
import { runCommand } from './run-command.ts'

export const USAGE = 'Usage: pnpm admin:networks-clear [--company <company id>]'

export { CliError }

export function parseNetworksClearArgs(argv: readonly string[]): { companyId: string | null } {
  let company: string | undefined
  try {
    const args = argv[0] === '--' ? argv.slice(1) : [...argv]
    company = parseArgs({ args, options: { company: { type: 'string' } }, strict: true }).values.company
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`)
  }
  if (company === undefined) return { companyId: null }
  if (!z.uuid().safeParse(company).success) throw new CliError(`Invalid --company: a company id (UUID) is expected.\n${USAGE}`)
  return { companyId: company }
}

/** Empties the list and records the change (old and new values) in one transaction; returns what the list held. */
export async function clearNetworks(db: Db, target: { companyId: string | null }): Promise<{ before: string[] }> {
  const audit = createAuditLog(db)
  const system = { actorType: 'system', actorId: null } as const
  return db.$transaction(async (tx) => {
    const { companyId } = target
    if (companyId === null) {
      const before = (await tx.settings.findUnique({ where: { id: 1 } }))?.allowedNetworks ?? []
      await tx.settings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { allowedNetworks: [] } })
      await audit.record({ ...system, companyId: null, action: 'settings.networks_updated', detail: { before, after: [], via: 'cli' } }, tx)
      return { before }
    }
    if (!(await tx.company.findUnique({ where: { id: companyId }, select: { id: true } }))) throw new CliError(`No company has the id ${companyId}.`)
    const before = (await tx.companySettings.findUnique({ where: { companyId } }))?.allowedNetworks ?? []
    await tx.companySettings.upsert({ where: { companyId }, create: { companyId }, update: { allowedNetworks: [] } })
    await audit.record(
      { ...system, companyId, action: 'company.settings_updated', targetId: companyId, detail: { allowedNetworks: { before, after: [] }, via: 'cli' } },
      tx,
    )
    return { before }
  })
}

async function main(argv: readonly string[]) {
  const target = parseNetworksClearArgs(argv)
  const config = loadConfig(process.env)
  const database = await openConfiguredDatabase(config)
  try {
    const { before } = await clearNetworks(database.prisma, target)
    const which = target.companyId ? `company ${target.companyId}` : 'the installation'
    console.log(`Cleared the network allow-list of ${which} (it held: ${before.length > 0 ? before.join(', ') : 'nothing'}).`)
    console.log('The console is reachable from any address until a new list is saved.')
  } finally {
    await database.close()
  }
}

await runCommand(import.meta.url, main)
