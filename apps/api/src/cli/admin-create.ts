/**
 * `pnpm admin:create --email … --name …`: creates a system administrator on the configured
 * database (same configuration as the server) with a one-time password, printed once and
 * changed at the first sign-in. The first account of an installation is made this way.
 * With the embedded database, stop the server first: PGlite serves one process at a time.
 */
import { emailSchema } from '@bango/shared/admin-api'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../db/database.ts'
import type { Db } from '../db/types.ts'
import { createOperators } from '../domain/admin/operator-authentication.ts'
import { startInstallation } from '../domain/admin/settings.ts'
import { createAuditLog } from '../domain/audit.ts'
import { AppError } from '../errors.ts'
import { loadSecrets } from '../lib/keys.ts'
import type { Keyring } from '../lib/keys.ts'
import { CliError } from './cli-error.ts'
import { runCommand } from './run-command.ts'

export const USAGE = 'Usage: pnpm admin:create --email <e-mail> --name <display name>'

export { CliError }

const argsSchema = z.object({ email: emailSchema, name: z.string().trim().min(1).max(100) })

export function parseAdminCreateArgs(argv: readonly string[]): z.infer<typeof argsSchema> {
  let values: Record<string, unknown>
  try {
    // `pnpm admin:create -- --email …` passes the separator through.
    const args = argv[0] === '--' ? argv.slice(1) : [...argv]
    values = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }).values
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`)
  }
  const missing = ['email', 'name'].filter((key) => values[key] === undefined)
  if (missing.length > 0) throw new CliError(`Missing ${missing.map((key) => `--${key}`).join(' and ')}.\n${USAGE}`)
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) throw new CliError(`Invalid ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}`).join(', ')}.\n${USAGE}`)
  return parsed.data
}

/** Creates the account and its audit event together; an existing e-mail is a CliError. */
export async function createSystemAdmin(db: Db, keyring: Keyring, input: { email: string; name: string }) {
  const audit = createAuditLog(db)
  const operators = createOperators(db, keyring, audit, () => new Date())
  try {
    return await db.$transaction(async (tx) => {
      const newInstallation = await startInstallation(tx)
      const created = await operators.create({ ...input, isSystemAdmin: true }, tx)
      await audit.record(
        {
          companyId: null,
          actorType: 'system',
          actorId: null,
          action: 'operator.created',
          targetId: created.operator.id,
          detail: { systemAdmin: true, via: 'cli', ...(newInstallation ? { installationRequiresTotp: true } : {}) },
        },
        tx,
      )
      return created
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new CliError(`An account with the e-mail ${input.email} already exists.`)
    throw error
  }
}

async function main(argv: readonly string[]) {
  const input = parseAdminCreateArgs(argv)
  const config = loadConfig(process.env)
  const { secrets } = await loadSecrets(config)
  const database = await openConfiguredDatabase(config)
  try {
    const { operator, password } = await createSystemAdmin(database.prisma, secrets.keyring, input)
    console.log(`Created system administrator ${operator.email}.`)
    console.log(`One-time password (shown once; to be changed at the first sign-in): ${password}`)
    console.log(`Sign in at ${config.publicUrl}/admin`)
  } finally {
    await database.close()
  }
}

await runCommand(import.meta.url, main)
