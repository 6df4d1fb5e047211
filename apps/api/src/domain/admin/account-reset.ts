/**
 * The way back into an operator account, as one action: a new one-time password (changed at the
 * next sign-in, expiring like every one-time password), TOTP and the recovery codes gone, the
 * lock lifted, every session of the account ended. Who may do it, and the audit event, belong
 * to the callers: a company's administrator (operator-accounts.ts) or the command line
 * (cli/admin-reset-password.ts). @see docs/decisions/031-operator-account-recovery.md
 */
import type { Tx } from '../../db/types.ts'
import { hashPassword, newPassword } from '../../lib/secrets.ts'
import type { AdminSessions } from './admin-sessions.ts'
import { ONE_TIME_PASSWORD_MS } from './operator-authentication.ts'
import { createRecoveryCodes } from './recovery-codes.ts'

export interface OneTimePassword {
  password: string
  passwordHash: string
}

/** Hashed before any transaction: the row is then locked for milliseconds, not for the hash. */
export async function newOneTimePassword(): Promise<OneTimePassword> {
  const password = newPassword(16)
  return { password, passwordHash: await hashPassword(password) }
}

export function createAccountReset(adminSessions: AdminSessions, now: () => Date) {
  const recoveryCodes = createRecoveryCodes(now)
  return {
    /** Applies the reset; answers when the one-time password stops working. */
    async reset(operatorId: string, secret: OneTimePassword, tx: Tx): Promise<Date> {
      const at = now()
      await tx.operator.update({
        where: { id: operatorId },
        data: {
          passwordHash: secret.passwordHash,
          mustChangePassword: true,
          passwordChangedAt: at,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          failedAttempts: 0,
          lockedUntil: null,
        },
      })
      await recoveryCodes.clear(operatorId, tx)
      await adminSessions.revokeAll(operatorId, {}, tx)
      return new Date(at.getTime() + ONE_TIME_PASSWORD_MS)
    },
  }
}
export type AccountReset = ReturnType<typeof createAccountReset>
