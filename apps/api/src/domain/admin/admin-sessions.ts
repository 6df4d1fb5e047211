/**
 * Server-side admin sessions: the cookie holds a random token, the row holds its hash, the
 * CSRF token, the sign-in stage and the two deadlines (30 minutes idle, 12 hours absolute).
 * Revoking the row (logout, disabled account, password change) ends the session at once.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html
 */
import { ADMIN_LIMITS } from '@bango/shared/admin-api'
import { randomBytes } from 'node:crypto'
import type { Db, Tx } from '../../db/types.ts'
import type { AdminSessionStage } from '../../generated/prisma/client.ts'
import { hashUrlToken } from '../../lib/secrets.ts'

const IDLE_MS = ADMIN_LIMITS.idleMinutes * 60_000
const ABSOLUTE_MS = ADMIN_LIMITS.absoluteHours * 3_600_000
/** lastSeenAt is written at most this often: one row update per request would be wasted I/O. */
const TOUCH_EVERY_MS = 30_000

export function createAdminSessions(db: Db, now: () => Date) {
  return {
    /** A new session; the token is returned once, for the cookie. */
    async open(operatorId: string, stage: AdminSessionStage, tx: Tx = db) {
      const token = randomBytes(32).toString('base64url')
      const at = now()
      const session = await tx.adminSession.create({
        data: {
          operatorId,
          stage,
          tokenHash: hashUrlToken(token),
          csrfToken: randomBytes(32).toString('base64url'),
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date(at.getTime() + ABSOLUTE_MS),
        },
      })
      return { token, session }
    },

    /** The live session behind a cookie token (and its operator), or null. Touches lastSeenAt. */
    async resolve(token: string) {
      const session = await db.adminSession.findUnique({ where: { tokenHash: hashUrlToken(token) }, include: { operator: true } })
      if (!session) return null
      const at = now()
      const live = !session.revokedAt && session.expiresAt > at && at.getTime() - session.lastSeenAt.getTime() < IDLE_MS && !session.operator.disabledAt
      if (!live) return null
      if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.adminSession.update({ where: { id: session.id }, data: { lastSeenAt: at } })
      }
      return session
    },

    /**
     * Moves a sign-in to its next stage under a new token (the old one dies), so that a token
     * seen before the second factor never becomes a full session.
     */
    async advance(sessionId: string, stage: AdminSessionStage, tx: Tx = db) {
      const old = await tx.adminSession.update({ where: { id: sessionId }, data: { revokedAt: now() } })
      const token = randomBytes(32).toString('base64url')
      const session = await tx.adminSession.create({
        data: {
          operatorId: old.operatorId,
          stage,
          tokenHash: hashUrlToken(token),
          csrfToken: randomBytes(32).toString('base64url'),
          createdAt: old.createdAt,
          lastSeenAt: now(),
          expiresAt: old.expiresAt,
        },
      })
      return { token, session }
    },

    revoke(sessionId: string, tx: Tx = db) {
      return tx.adminSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } })
    },

    /** Ends every session of an operator (but `keep`): disabled account, password change. */
    revokeAll(operatorId: string, options: { keep?: string } = {}, tx: Tx = db) {
      return tx.adminSession.updateMany({
        where: { operatorId, revokedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
        data: { revokedAt: now() },
      })
    },
  }
}
export type AdminSessions = ReturnType<typeof createAdminSessions>
