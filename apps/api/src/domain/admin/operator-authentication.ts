/**
 * How an operator proves who they are: the account's creation with a one-time password (expiring
 * after 72 hours), sign-in with lockout (5 failures of either factor → 15 minutes), TOTP enrolment
 * (with recovery codes) and verification, password change. Every step is audited. A company's
 * administrators manage the accounts of their company in operator-accounts.ts.
 */
import { ADMIN_LIMITS, type CompanyRole } from '@bango/shared/admin-api'
import { Secret, TOTP } from 'otpauth'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { AdminSessionStage, Operator } from '../../generated/prisma/client.ts'
import { decryptBlob, encryptBlob } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keys.ts'
import { hashPassword, newPassword, verifyPassword } from '../../lib/secrets.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type UnknownAddressLocks, createUnknownAddressLocks } from './unknown-address-locks.ts'
import { createRecoveryCodes } from './recovery-codes.ts'

const LOCKOUT_MS = ADMIN_LIMITS.lockoutMinutes * 60_000
export const ONE_TIME_PASSWORD_MS = ADMIN_LIMITS.oneTimePasswordHours * 3_600_000
const TOTP_ISSUER = 'Bango'
const totpAad = (operatorId: string) => `totp:${operatorId}`

export const normaliseEmail = (email: string) => email.trim().toLowerCase()
export const toRole = (role: CompanyRole): 'ADMINISTRATOR' | 'OPERATOR' => (role === 'administrator' ? 'ADMINISTRATOR' : 'OPERATOR')

/** `unknownAddresses`: the lockout of addresses without a usable account, shared through Redis when several instances run. */
export function createOperators(
  db: Db,
  keyring: Keyring,
  audit: AuditLog,
  now: () => Date,
  unknownAddresses: UnknownAddressLocks = createUnknownAddressLocks(),
) {
  const decoy = hashPassword(newPassword(16))
  const recoveryCodes = createRecoveryCodes(now)

  function totpFor(operator: Pick<Operator, 'id' | 'email' | 'totpSecret'>): TOTP | null {
    if (!operator.totpSecret) return null
    const secret = decryptBlob(keyring, Buffer.from(operator.totpSecret), totpAad(operator.id)).toString()
    return new TOTP({ issuer: TOTP_ISSUER, label: operator.email, secret: Secret.fromBase32(secret) })
  }

  /** The stage a sign-in reaches once the password (and, when enrolled, the code) is right. */
  async function stageAfter(operator: Operator, factors: { totpPassed: boolean }, tx: Tx = db): Promise<AdminSessionStage> {
    if (operator.totpEnabledAt && !factors.totpPassed) return 'TOTP_REQUIRED'
    if (operator.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED'
    if (!operator.totpEnabledAt) {
      const settings = await tx.settings.findUnique({ where: { id: 1 } })
      if (settings?.requireTotp) return 'ENROLMENT_REQUIRED'
    }
    return 'ACTIVE'
  }

  /** Counts a failure on the row locked FOR UPDATE; the fifth locks. Returns whether it locked. */
  async function recordFailure(
    operatorId: string,
    action: 'admin.login_failed' | 'admin.totp_failed' | 'admin.recovery_code_failed' | 'admin.password_check_failed',
    tx: Tx,
  ) {
    const [row] = await tx.$queryRaw<{ failed_attempts: number }[]>`
      SELECT failed_attempts FROM operators WHERE id = ${operatorId}::uuid FOR UPDATE`
    const locks = (row?.failed_attempts ?? 0) + 1 >= ADMIN_LIMITS.maxFailedLogins
    await tx.operator.update({
      where: { id: operatorId },
      data: locks ? { failedAttempts: 0, lockedUntil: new Date(now().getTime() + LOCKOUT_MS) } : { failedAttempts: { increment: 1 } },
    })
    await audit.record({ ...byOperator({ operatorId }, null), action: locks ? 'admin.locked' : action, targetId: operatorId }, tx)
    return locks
  }

  /**
   * The current password asked again by a signed-in operator (to change it, to switch TOTP off).
   * A wrong one counts toward the lock as at sign-in, so whoever holds a stolen session cannot
   * guess it freely; while the account is locked, no password is checked.
   */
  async function checkCurrentPassword(operatorId: string, password: string): Promise<void> {
    const operator = await db.operator.findUniqueOrThrow({ where: { id: operatorId } })
    // Hashed before the transaction: the row stays locked for milliseconds, not for the hash.
    const passwordOk = await verifyPassword(operator.passwordHash, password)
    const outcome = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ locked_until: Date | null }[]>`SELECT locked_until FROM operators WHERE id = ${operatorId}::uuid FOR UPDATE`
      if (locked?.locked_until && locked.locked_until > now()) return 'locked' as const
      if (!passwordOk) return (await recordFailure(operatorId, 'admin.password_check_failed', tx)) ? ('locked' as const) : ('invalid' as const)
      await tx.operator.update({ where: { id: operatorId }, data: { failedAttempts: 0 } })
      return 'ok' as const
    })
    if (outcome === 'locked') throw new AppError('ACCOUNT_LOCKED')
    if (outcome === 'invalid') throw new AppError('INVALID_CREDENTIALS')
  }

  /**
   * The second factor at sign-in, by `check` (a TOTP code or a recovery code) on the row locked
   * FOR UPDATE. Failures count toward the same lock as passwords, and only a right second factor
   * clears them (a right password does not: it is what an attacker with the password has).
   */
  async function secondFactor(
    operatorId: string,
    check: (operator: Operator, tx: Tx) => Promise<boolean>,
    failure: 'admin.totp_failed' | 'admin.recovery_code_failed',
  ) {
    const outcome = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM operators WHERE id = ${operatorId}::uuid FOR UPDATE`
      if (!locked) return 'invalid' as const
      const operator = await tx.operator.findUniqueOrThrow({ where: { id: operatorId } })
      if (operator.lockedUntil && operator.lockedUntil > now()) return 'locked' as const
      if (!(await check(operator, tx))) return (await recordFailure(operatorId, failure, tx)) ? ('locked' as const) : ('invalid' as const)
      await tx.operator.update({ where: { id: operatorId }, data: { failedAttempts: 0 } })
      return 'ok' as const
    })
    if (outcome === 'locked') throw new AppError('ACCOUNT_LOCKED')
    if (outcome === 'invalid') throw new AppError('TOTP_INVALID')
  }

  return {
    stageAfter,
    checkCurrentPassword,

    get: (operatorId: string, tx: Tx = db) => tx.operator.findUniqueOrThrow({ where: { id: operatorId } }),

    /** Creates an account with a random one-time password (changed at first sign-in unless `password` is given). */
    async create(
      input: { email: string; name: string; isSystemAdmin?: boolean; password?: string; assignments?: { companyId: string; role: CompanyRole }[] },
      tx: Tx = db,
    ) {
      const password = input.password ?? newPassword(16)
      const email = normaliseEmail(input.email)
      if (await tx.operator.findUnique({ where: { email }, select: { id: true } })) throw new AppError('CONFLICT')
      const operator = await tx.operator.create({
        data: {
          email,
          name: input.name,
          isSystemAdmin: input.isSystemAdmin ?? false,
          passwordHash: await hashPassword(password),
          mustChangePassword: input.password === undefined,
          assignments: { create: (input.assignments ?? []).map((a) => ({ companyId: a.companyId, role: toRole(a.role) })) },
        },
      })
      return { operator, password }
    },

    /**
     * Checks email + password. An unknown (or disabled) address costs the same hash and gets the
     * same answers, the lock after five failures included: a known address cannot be told apart.
     */
    async signIn(emailInput: string, password: string): Promise<Operator> {
      const email = normaliseEmail(emailInput)
      const operator = await db.operator.findUnique({ where: { email } })
      const usable = operator && !operator.disabledAt
      const passwordOk = await verifyPassword(usable ? operator.passwordHash : await decoy, password)
      if (!usable) {
        await audit.record({ companyId: null, actorType: 'operator', actorId: operator?.id ?? null, action: 'admin.login_unknown' })
        const at = now()
        const locked = (await unknownAddresses.locked(email, at)) || (await unknownAddresses.fail(email, at))
        throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS')
      }
      const outcome = await db.$transaction(async (tx) => {
        const current = await tx.operator.findUniqueOrThrow({ where: { id: operator.id } })
        if (current.lockedUntil && current.lockedUntil > now()) {
          await audit.record({ ...byOperator({ operatorId: operator.id }, null), action: 'admin.login_refused_locked', targetId: operator.id }, tx)
          return 'locked' as const
        }
        if (!passwordOk) return (await recordFailure(operator.id, 'admin.login_failed', tx)) ? ('locked' as const) : ('invalid' as const)
        if (current.mustChangePassword && now().getTime() - current.passwordChangedAt.getTime() >= ONE_TIME_PASSWORD_MS) {
          await audit.record({ ...byOperator({ operatorId: operator.id }, null), action: 'admin.login_refused_expired', targetId: operator.id }, tx)
          return 'expired' as const
        }
        // With TOTP on, the count stands until the second factor is right too (secondFactor clears it).
        await tx.operator.update({ where: { id: operator.id }, data: current.totpEnabledAt ? { lockedUntil: null } : { failedAttempts: 0, lockedUntil: null } })
        return 'ok' as const
      })
      if (outcome === 'locked') throw new AppError('ACCOUNT_LOCKED')
      if (outcome === 'invalid') throw new AppError('INVALID_CREDENTIALS')
      if (outcome === 'expired') throw new AppError('ONE_TIME_PASSWORD_EXPIRED')
      return operator
    },

    /** Records a completed sign-in (all factors passed). */
    async signedIn(operatorId: string, tx: Tx = db) {
      await tx.operator.update({ where: { id: operatorId }, data: { lastLoginAt: now() } })
      await audit.record({ ...byOperator({ operatorId }, null), action: 'admin.login', targetId: operatorId }, tx)
    },

    /** Verifies a TOTP code once (a replayed code of the same time step is refused); failures count toward the lock. */
    verifyTotp(operatorId: string, code: string): Promise<void> {
      return secondFactor(
        operatorId,
        async (operator, tx) => {
          const totp = totpFor(operator)
          const step = totp ? totpStep(totp, code, now()) : null
          if (step === null || (operator.totpLastStep !== null && step <= operator.totpLastStep)) return false
          await tx.operator.update({ where: { id: operatorId }, data: { totpLastStep: step } })
          return true
        },
        'admin.totp_failed',
      )
    },

    /** A recovery code instead of the TOTP code: spent once, audited with how many are left. */
    verifyRecoveryCode(operatorId: string, code: string): Promise<void> {
      return secondFactor(
        operatorId,
        async (operator, tx) => {
          const remaining = operator.totpEnabledAt ? await recoveryCodes.use(operatorId, code, tx) : null
          if (remaining === null) return false
          await audit.record({ ...byOperator({ operatorId }, null), action: 'admin.recovery_code_used', targetId: operatorId, detail: { remaining } }, tx)
          return true
        },
        'admin.recovery_code_failed',
      )
    },

    /**
     * Starts (or restarts) TOTP enrolment after the current password is checked again (a stolen
     * session alone must not bind the account to someone else's authenticator): a fresh secret,
     * stored encrypted, not yet required.
     */
    async beginTotpEnrolment(operatorId: string, currentPassword: string) {
      const operator = await db.operator.findUniqueOrThrow({ where: { id: operatorId } })
      if (operator.totpEnabledAt) throw new AppError('CONFLICT')
      await checkCurrentPassword(operatorId, currentPassword)
      const secret = new Secret({ size: 20 })
      await db.operator.update({
        where: { id: operatorId },
        data: { totpSecret: new Uint8Array(encryptBlob(keyring, Buffer.from(secret.base32), totpAad(operatorId))), totpLastStep: null },
      })
      const totp = new TOTP({ issuer: TOTP_ISSUER, label: operator.email, secret })
      return { secret: secret.base32, uri: totp.toString() }
    },

    /**
     * Switches TOTP on once a code from the app proves the enrolment worked; every other session
     * of the account ends, as at a password change. Answers the recovery codes (once).
     */
    async confirmTotpEnrolment(operatorId: string, code: string, revokeOthers: (tx: Tx) => Promise<unknown>): Promise<string[]> {
      const operator = await db.operator.findUniqueOrThrow({ where: { id: operatorId } })
      if (operator.totpEnabledAt || !operator.totpSecret) throw new AppError('CONFLICT')
      await this.verifyTotp(operatorId, code)
      return db.$transaction(async (tx) => {
        await tx.operator.update({ where: { id: operatorId }, data: { totpEnabledAt: now() } })
        const codes = await recoveryCodes.issue(operatorId, tx)
        await revokeOthers(tx)
        await audit.record({ ...byOperator({ operatorId }, null), action: 'admin.totp_enabled', targetId: operatorId }, tx)
        return codes
      })
    },

    /**
     * Switches TOTP off (not allowed while the installation requires it) after checking the
     * password and a current code; every other session of the account ends, as at a password change.
     */
    async disableTotp(operatorId: string, proof: { currentPassword: string; code: string }, revokeOthers: (tx: Tx) => Promise<unknown>) {
      const settings = await db.settings.findUnique({ where: { id: 1 } })
      if (settings?.requireTotp) throw new AppError('FORBIDDEN')
      const operator = await db.operator.findUniqueOrThrow({ where: { id: operatorId } })
      if (!operator.totpEnabledAt) throw new AppError('CONFLICT')
      await checkCurrentPassword(operatorId, proof.currentPassword)
      await this.verifyTotp(operatorId, proof.code)
      await db.$transaction(async (tx) => {
        await tx.operator.update({ where: { id: operatorId }, data: { totpEnabledAt: null, totpSecret: null, totpLastStep: null } })
        await recoveryCodes.clear(operatorId, tx)
        await revokeOthers(tx)
        await audit.record({ ...byOperator({ operatorId }, null), action: 'admin.totp_disabled', targetId: operatorId }, tx)
      })
    },

    /** A new password after checking the current one; every other session of the account ends. */
    async changePassword(operatorId: string, current: string, next: string, revokeOthers: (tx: Tx) => Promise<unknown>) {
      await checkCurrentPassword(operatorId, current)
      if (current === next) throw new AppError('VALIDATION', { details: [{ path: 'newPassword', message: 'same as the current password' }] })
      const passwordHash = await hashPassword(next)
      await db.$transaction(async (tx) => {
        await tx.operator.update({ where: { id: operatorId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now() } })
        await revokeOthers(tx)
        await audit.record({ ...byOperator({ operatorId }, null), action: 'admin.password_changed', targetId: operatorId }, tx)
      })
    },
  }
}
export type Operators = ReturnType<typeof createOperators>

/** The time step a code belongs to (±1 step for clock drift), or null when it is wrong. */
function totpStep(totp: TOTP, code: string, at: Date): number | null {
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 })
  return delta === null ? null : Math.floor(at.getTime() / 1000 / totp.period) + delta
}
