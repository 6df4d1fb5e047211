/**
 * 「スマートフォンで続ける」: a signed-in PC shows a QR code; the phone that scans it gets a
 * session of the same credential without typing the password again. The code is random
 * (256 bits), stored only as a hash, valid for 5 minutes and usable once.
 */
import { EMPLOYEE_LIMITS } from '@bango/shared/employee-api'
import type { Db, Tx } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { hashUrlToken, newUrlToken } from '../lib/secrets.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { Credentials, EmployeeIdentity } from './credentials.ts'

export const HANDOFF_TTL_MS = 5 * 60 * 1000

export function createHandoffs(db: Db, credentials: Credentials, audit: AuditLog, now: () => Date) {
  return {
    async issue(identity: EmployeeIdentity): Promise<{ code: string; issuedAt: string; expiresAt: string }> {
      const code = newUrlToken()
      const issuedAt = now()
      const expiresAt = new Date(issuedAt.getTime() + HANDOFF_TTL_MS)
      await db.$transaction(async (tx) => {
        // At most EMPLOYEE_LIMITS.liveHandoffCodes live codes per login: the new one retires the oldest.
        const live = await tx.sessionHandoff.findMany({
          where: { credentialId: identity.credentialId, usedAt: null, expiresAt: { gt: now() } },
          orderBy: { createdAt: 'desc' },
          select: { id: true },
        })
        const retired = live.slice(EMPLOYEE_LIMITS.liveHandoffCodes - 1).map((handoff) => handoff.id)
        if (retired.length > 0) await tx.sessionHandoff.deleteMany({ where: { id: { in: retired } } })
        const handoff = await tx.sessionHandoff.create({ data: { credentialId: identity.credentialId, codeHash: hashUrlToken(code), expiresAt } })
        await audit.record({ ...byEmployee(identity), action: 'employee.handoff_issued', targetId: handoff.id }, tx)
      })
      return { code, issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() }
    },

    /** The PC's QR panel polls this to say 「スマートフォンで続けています」 once a phone has taken over. */
    async lastRedeemedAt(identity: EmployeeIdentity): Promise<{ redeemedAt: string | null }> {
      const last = await db.sessionHandoff.findFirst({
        where: { credentialId: identity.credentialId, usedAt: { not: null } },
        orderBy: { usedAt: 'desc' },
        select: { usedAt: true },
      })
      return { redeemedAt: last?.usedAt?.toISOString() ?? null }
    },

    /** 「完了」 (in its transaction): codes shown before it can no longer open a session. */
    retireAll: (credentialId: string, tx: Tx) => tx.sessionHandoff.deleteMany({ where: { credentialId, usedAt: null } }),

    /** Spends the code (once, before it expires) and returns the identity to open a session for. */
    async redeem(code: string): Promise<EmployeeIdentity> {
      const at = now()
      const identity = await db.$transaction(async (tx) => {
        // One conditional UPDATE: of two phones scanning the same code, exactly one wins.
        const [spent] = await tx.$queryRaw<{ id: string; credential_id: string }[]>`
          UPDATE session_handoffs SET used_at = ${at}
          WHERE code_hash = ${hashUrlToken(code)} AND used_at IS NULL AND expires_at > ${at}
          RETURNING id, credential_id`
        if (!spent) return null
        const identity = await credentials.current(spent.credential_id, tx)
        if (!identity) return null
        await audit.record({ ...byEmployee(identity), action: 'employee.handoff_redeemed', targetId: spent.id }, tx)
        return identity
      })
      if (!identity) throw new AppError('HANDOFF_INVALID')
      return identity
    },
  }
}
export type Handoffs = ReturnType<typeof createHandoffs>
