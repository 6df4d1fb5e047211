/**
 * Employee session tokens: short-lived JWTs (HS256), refreshed while the employee is active.
 * Verification pins the algorithm and requires exp, iat, jti, iss, aud and typ.
 * @see https://www.rfc-editor.org/rfc/rfc8725 (JWT Best Current Practices)
 */
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { AppError } from '../errors.ts'

const ALGORITHM = 'HS256'
const ISSUER = 'bango'
const AUDIENCE = 'bango:employee'
const TYPE = 'bango-employee+jwt'
export const SESSION_TTL_SECONDS = 15 * 60

export interface SessionClaims {
  credentialId: string
  version: string
}

export function createSessions(secret: Uint8Array, now: () => Date) {
  return {
    async sign(claims: SessionClaims): Promise<{ accessToken: string; expiresAt: string }> {
      const issuedAt = Math.floor(now().getTime() / 1000)
      const expiresAt = issuedAt + SESSION_TTL_SECONDS
      const accessToken = await new SignJWT({ ver: claims.version })
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
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          typ: TYPE,
          requiredClaims: ['exp', 'iat', 'jti', 'sub'],
          maxTokenAge: SESSION_TTL_SECONDS,
          currentDate: now(),
        })
        if (typeof payload.sub !== 'string' || typeof payload.ver !== 'string') throw new Error('malformed claims')
        return { credentialId: payload.sub, version: payload.ver }
      } catch (error) {
        throw new AppError('UNAUTHENTICATED', { cause: error })
      }
    },
  }
}
export type Sessions = ReturnType<typeof createSessions>
