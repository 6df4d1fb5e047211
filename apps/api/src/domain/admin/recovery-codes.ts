/**
 * Recovery codes: issued with TOTP enrolment (shown once), each usable once instead of a code
 * from the authenticator. A code carries 16 characters of 56 symbols (~93 bits), so a plain
 * SHA-256 is its storage form, as for URL tokens; the account's lockout bounds online guessing.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Multifactor_Authentication_Cheat_Sheet.html
 */
import { ADMIN_LIMITS } from '@bango/shared/admin-api'
import { RECOVERY_CODE_LENGTH } from '@bango/shared/admin-account'
import type { Tx } from '../../db/types.ts'
import { hashUrlToken, newPassword } from '../../lib/secrets.ts'

/** Typed with or without the hyphens and spaces it is shown with. */
const hashRecoveryCode = (code: string) => hashUrlToken(code.replace(/[\s-]/g, ''))

/** Groups of four, as printed for the operator. */
const shown = (code: string) => code.match(/.{4}/g)!.join('-')

export function createRecoveryCodes(now: () => Date) {
  return {
    /** A new set replacing any earlier one; the codes are returned once, for the answer. */
    async issue(operatorId: string, tx: Tx): Promise<string[]> {
      const codes = Array.from({ length: ADMIN_LIMITS.recoveryCodes }, () => newPassword(RECOVERY_CODE_LENGTH))
      await tx.operatorRecoveryCode.deleteMany({ where: { operatorId } })
      await tx.operatorRecoveryCode.createMany({ data: codes.map((code) => ({ operatorId, codeHash: hashRecoveryCode(code), createdAt: now() })) })
      return codes.map(shown)
    },

    /** Spends an unused code: the number still unused after it, or null when it is not one. */
    async use(operatorId: string, code: string, tx: Tx): Promise<number | null> {
      const spent = await tx.operatorRecoveryCode.updateMany({ where: { operatorId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now() } })
      if (spent.count === 0) return null
      return tx.operatorRecoveryCode.count({ where: { operatorId, usedAt: null } })
    },

    clear: (operatorId: string, tx: Tx) => tx.operatorRecoveryCode.deleteMany({ where: { operatorId } }),
  }
}
export type RecoveryCodes = ReturnType<typeof createRecoveryCodes>
