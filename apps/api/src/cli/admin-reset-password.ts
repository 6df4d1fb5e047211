/**
 * `pnpm admin:reset-password --email …`: the way back for an account nobody in the console can
 * reset — above all a system administrator who forgot the password or lost the authenticator.
 * The same action as the console's reset (domain/admin/account-reset.ts): a new one-time
 * password printed once (expiring after 72 hours), TOTP and recovery codes gone, the lock
 * lifted, every session ended; audited as done by the system from the command line.
 * With the embedded database, stop the server first: PGlite serves one process at a time.
 */
import { ADMIN_LIMITS, emailSchema } from '@bango/shared/admin-api'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../db/database.ts'
import type { Db } from '../db/types.ts'
import { createAccountReset, newOneTimePassword } from '../domain/admin/account-reset.ts'
import { createAdminSessions } from '../domain/admin/admin-sessions.ts'
import { createAuditLog } from '../domain/audit.ts'
import { CliError } from './cli-error.ts'
import { runCommand } from './run-command.ts'

export { CliError }

export const USAGE = 'Usage: pnpm admin:reset-password --email <e-mail>'

const argsSchema = z.object({ email: emailSchema })

export function parseResetPasswordArgs(argv: readonly string[]): z.infer<typeof argsSchema> {
  let values: Record<string, unknown>
  try {
    // `pnpm admin:reset-password -- --email …` passes the separator through.
    const args = argv[0] === '--' ? argv.slice(1) : [...argv]
    values = parseArgs({ args, options: { email: { type: 'string' } }, strict: true }).values
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.email === undefined) throw new CliError(`Missing --email.\n${USAGE}`)
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) throw new CliError(`Invalid --email.\n${USAGE}`)
  return parsed.data
}

/** Resets the account and records it, together; an unknown e-mail is a CliError. */
export async function resetPasswordFromCli(db: Db, input: { email: string }) {
  const now = () => new Date()
  const audit = createAuditLog(db)
  const accountReset = createAccountReset(createAdminSessions(db, now), now)
  const operator = await db.operator.findUnique({ where: { email: input.email } })
  if (!operator) throw new CliError(`No account has the e-mail ${input.email}.`)
  const secret = await newOneTimePassword()
  const expiresAt = await db.$transaction(async (tx) => {
    const until = await accountReset.reset(operator.id, secret, tx)
    await audit.record({ companyId: null, actorType: 'system', actorId: null, action: 'operator.reset', targetId: operator.id, detail: { via: 'cli' } }, tx)
    return until
  })
  return { operator, password: secret.password, expiresAt }
}

async function main(argv: readonly string[]) {
  const input = parseResetPasswordArgs(argv)
  const config = loadConfig(process.env)
  const database = await openConfiguredDatabase(config)
  try {
    const { operator, password, expiresAt } = await resetPasswordFromCli(database.prisma, input)
    console.log(`Reset ${operator.email}: every session ended; TOTP and recovery codes removed.`)
    console.log(`One-time password (shown once; valid ${ADMIN_LIMITS.oneTimePasswordHours} hours, until ${expiresAt.toISOString()}): ${password}`)
    console.log(`Sign in at ${config.publicUrl}/admin`)
  } finally {
    await database.close()
  }
}

await runCommand(import.meta.url, main)
