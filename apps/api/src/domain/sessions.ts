/**
 * Employee sessions: a row per sign-in (`employee_sessions`) and short-lived JWTs (HS256) that
 * name it (`sid`), refreshed while the employee is active. The row makes a session end for good:
 * at logout, at a re-issue or lock of the credential, and 8 hours after sign-in whatever the
 * refreshes (a stolen token cannot be kept alive by chaining refreshes). When 「完了」 commits,
 * every live session of the credential becomes receipt-only (`receipt_only_at`): the gate then
 * lets it reach only the routes marked `afterSubmission` (ADR 012).
 * Verification pins the algorithm and requires exp, iat, jti, sid, iss, aud and typ.
 * @see https://www.rfc-editor.org/rfc/rfc8725 (JWT Best Current Practices)
 */
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Db, Tx } from '../db/types.ts'
import { AppError } from '../errors.ts'

const ALGORITHM = 'HS256'
const ISSUER = 'bango'
const AUDIENCE = 'bango:employee'
const TYPE = 'bango-employee+jwt'
export const SESSION_TTL_SECONDS = 15 * 60
/** However often it is refreshed, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000

export interface SessionClaims {
  credentialId: string
  version: string
  sessionId: string
}

/**
 * Nothing left to change: 完了 was pressed and HR sent nobody back (差し戻し reopens the
 * returned persons, and a session opened then must be able to redo them).
 */
async function submittedAndClosed(db: Db, employeeId: string): Promise<boolean> {
  const [submission, returned] = await Promise.all([
    db.submission.findUnique({ where: { employeeId }, select: { id: true } }),
    db.person.count({ where: { reviewStatus: 'RETURNED', OR: [{ id: employeeId }, { employeeId }] } }),
  ])
  return submission !== null && returned === 0
}

/**
 * Tokens whose signature and claims were verified, by their exact text: the gate runs on every
 * request, and an HMAC check through WebCrypto cost more than the session query (ADR 026). Whether
 * the session is still open is asked of the database every time; the oldest entry goes first.
 */
const VERIFIED_TOKENS_KEPT = 10_000

export function createSessions(db: Db, secret: Uint8Array, now: () => Date) {
  const verified = new Map<string, { claims: SessionClaims; exp: number; iat: number }>()
  return {
    /**
     * A new session for a credential that just signed in (password or handoff code): its first
     * token. Signing in after 完了 with nothing sent back opens a receipt-only session.
     */
    async open(identity: { credentialId: string; employeeId: string; sessionVersion: string }) {
      const at = now()
      const receiptOnly = await submittedAndClosed(db, identity.employeeId)
      const session = await db.employeeSession.create({
        data: {
          credentialId: identity.credentialId,
          createdAt: at,
          expiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MS),
          receiptOnlyAt: receiptOnly ? at : null,
        },
      })
      return this.sign({ credentialId: identity.credentialId, version: identity.sessionVersion, sessionId: session.id })
    },

    /** 「完了」 committed (in its transaction): every open session of the credential may only read the receipt from now on. */
    restrictToReceipt: (credentialId: string, tx: Tx) =>
      tx.employeeSession.updateMany({ where: { credentialId, revokedAt: null, receiptOnlyAt: null }, data: { receiptOnlyAt: now() } }),

    /** Logout. */
    end: (sessionId: string) => db.employeeSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } }),

    /** Every session of a credential (re-issue, lock). */
    endAll: (credentialId: string, tx: Tx = db) => tx.employeeSession.updateMany({ where: { credentialId, revokedAt: null }, data: { revokedAt: now() } }),

    async sign(claims: SessionClaims): Promise<{ accessToken: string; expiresAt: string }> {
      const issuedAt = Math.floor(now().getTime() / 1000)
      const expiresAt = issuedAt + SESSION_TTL_SECONDS
      const accessToken = await new SignJWT({ ver: claims.version, sid: claims.sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: TYPE })
        .setSubject(claims.credentialId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(secret)
      return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() }
    },

    async verify(token: string): Promise<SessionClaims> {
      const at = Math.floor(now().getTime() / 1000)
      const known = verified.get(token)
      if (known) {
        // The signature and claims were checked when first seen; only time can have changed since.
        if (known.exp <= at || at - known.iat > SESSION_TTL_SECONDS) throw new AppError('UNAUTHENTICATED', { cause: new Error('token expired') })
        return known.claims
      }
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          typ: TYPE,
          requiredClaims: ['exp', 'iat', 'jti', 'sub', 'sid'],
          maxTokenAge: SESSION_TTL_SECONDS,
          currentDate: now(),
        })
        if (typeof payload.sub !== 'string' || typeof payload.ver !== 'string' || typeof payload.sid !== 'string') throw new Error('malformed claims')
        const claims = { credentialId: payload.sub, version: payload.ver, sessionId: payload.sid }
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!)
        verified.set(token, { claims, exp: payload.exp!, iat: payload.iat! })
        return claims
      } catch (error) {
        throw new AppError('UNAUTHENTICATED', { cause: error })
      }
    },
  }
}
export type Sessions = ReturnType<typeof createSessions>
