/**
 * Operator accounts of a company, managed by its administrators (or a system administrator):
 * list, create with a one-time password, change the role, disable/enable, unlock, reset.
 * An account outside the company answers NOT_FOUND, like any other company's record. Creating
 * one with an address that already has an account answers CONFLICT whichever company it serves:
 * the address is the sign-in name, so the refusal itself cannot be avoided, but it names nothing
 * and is the same for an account the caller can see and one they cannot (ADR 036).
 */
import type { OperatorResetResponse } from '@bango/shared/admin-account'
import type { CompanyRole, OperatorAccount, operatorCreateRequestSchema, operatorUpdateRequestSchema } from '@bango/shared/admin-api'
import type { z } from 'zod'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { Prisma } from '../../generated/prisma/client.ts'
import type { Operator } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type Access, type CompanyScope, type OperatorIdentity, requireLevel } from './access.ts'
import { type AccountReset, newOneTimePassword } from './account-reset.ts'
import type { AdminSessions } from './admin-sessions.ts'
import { type Operators, toRole } from './operator-authentication.ts'

type CreateRequest = z.output<typeof operatorCreateRequestSchema>
type UpdateRequest = z.output<typeof operatorUpdateRequestSchema>

const roleName = (role: 'ADMINISTRATOR' | 'OPERATOR'): CompanyRole => (role === 'ADMINISTRATOR' ? 'administrator' : 'operator')

const toAccount = (operator: Operator, { role, canExport }: { role: 'ADMINISTRATOR' | 'OPERATOR'; canExport: boolean }): OperatorAccount => ({
  id: operator.id,
  email: operator.email,
  name: operator.name,
  role: roleName(role),
  canExport: role === 'ADMINISTRATOR' || canExport,
  totpEnabled: operator.totpEnabledAt !== null,
  disabled: operator.disabledAt !== null,
  lockedUntil: operator.lockedUntil?.toISOString() ?? null,
  lastLoginAt: operator.lastLoginAt?.toISOString() ?? null,
})

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

export function createOperatorAccounts(
  db: Db,
  access: Access,
  operators: Operators,
  adminSessions: AdminSessions,
  accountReset: AccountReset,
  audit: AuditLog,
  now: () => Date,
) {
  async function assignmentOf(tx: Tx, companyId: string, operatorId: string) {
    const assignment = await tx.companyAssignment.findUnique({ where: { operatorId_companyId: { operatorId, companyId } }, include: { operator: true } })
    if (!assignment) throw new AppError('NOT_FOUND')
    return assignment
  }

  /**
   * Disabling, unlocking and resetting act on the whole account, which may serve other companies too:
   * only someone who administers all of them (or a system administrator) may do it.
   */
  async function assertGovernsAccount(tx: Tx, actor: OperatorIdentity, target: Operator) {
    if (actor.isSystemAdmin) return
    if (target.isSystemAdmin) throw new AppError('FORBIDDEN')
    const elsewhere = await tx.companyAssignment.count({
      where: { operatorId: target.id, company: { assignments: { none: { operatorId: actor.operatorId, role: 'ADMINISTRATOR' } } } },
    })
    if (elsewhere > 0) throw new AppError('FORBIDDEN')
  }

  return {
    async list(scope: CompanyScope): Promise<OperatorAccount[]> {
      requireLevel(scope, 'administrator')
      const { companyId } = scope
      const assignments = await db.companyAssignment.findMany({ where: { companyId }, include: { operator: true }, orderBy: [{ operator: { email: 'asc' } }] })
      return assignments.map((a) => toAccount(a.operator, a))
    },

    async create(scope: CompanyScope, input: CreateRequest): Promise<{ operator: OperatorAccount; oneTimePassword: string }> {
      requireLevel(scope, 'administrator')
      const { operator: actor, companyId } = scope
      try {
        return await db.$transaction(async (tx) => {
          const { operator, password } = await operators.create({ email: input.email, name: input.name, assignments: [{ companyId, role: input.role }] }, tx)
          await audit.record({ ...byOperator(actor, companyId), action: 'operator.created', targetId: operator.id, detail: { role: input.role } }, tx)
          return { operator: toAccount(operator, { role: toRole(input.role), canExport: false }), oneTimePassword: password }
        })
      } catch (error) {
        // Two creations of one e-mail at once: the unique index decides, the loser gets the same answer.
        const taken = isUniqueViolation(error) || (error instanceof AppError && error.code === 'CONFLICT')
        if (!taken) throw error
        // Whoever holds the address, here or in a company the caller cannot see: one answer, recorded
        // in the company without naming the account (docs/decisions/036-account-existence.md).
        await audit.record({ ...byOperator(actor, companyId), action: 'operator.create_refused' })
        throw new AppError('CONFLICT', { cause: error })
      }
    },

    async update(scope: CompanyScope, operatorId: string, change: UpdateRequest): Promise<OperatorAccount> {
      requireLevel(scope, 'administrator')
      const { operator: actor, companyId } = scope
      return db.$transaction(async (tx) => {
        // Nobody locks themself out: another administrator has to do it.
        if (operatorId === actor.operatorId && (change.disabled === true || change.role === 'operator')) {
          throw new AppError('FORBIDDEN', { message: 'An administrator cannot disable or demote themself.' })
        }
        const { operator, role: currentRole, canExport } = await assignmentOf(tx, companyId, operatorId)
        const record = (action: string, detail?: Prisma.InputJsonValue) =>
          audit.record({ ...byOperator(actor, companyId), action, targetId: operatorId, ...(detail ? { detail } : {}) }, tx)

        if (change.role !== undefined && toRole(change.role) !== currentRole) {
          await tx.companyAssignment.update({ where: { operatorId_companyId: { operatorId, companyId } }, data: { role: toRole(change.role) } })
          await record('operator.role_changed', { from: roleName(currentRole), to: change.role })
        }
        // Kept on the assignment even for administrators, so a later demotion keeps what was granted.
        if (change.canExport !== undefined && change.canExport !== canExport) {
          await tx.companyAssignment.update({ where: { operatorId_companyId: { operatorId, companyId } }, data: { canExport: change.canExport } })
          await record(change.canExport ? 'operator.export_allowed' : 'operator.export_revoked')
        }
        if (change.disabled !== undefined || change.unlock) await assertGovernsAccount(tx, actor, operator)
        if (change.disabled === true && !operator.disabledAt) {
          await tx.operator.update({ where: { id: operatorId }, data: { disabledAt: now() } })
          await adminSessions.revokeAll(operatorId, {}, tx)
          await record('operator.disabled')
        } else if (change.disabled === false && operator.disabledAt) {
          await tx.operator.update({ where: { id: operatorId }, data: { disabledAt: null } })
          await record('operator.enabled')
        }
        if (change.unlock) {
          await tx.operator.update({ where: { id: operatorId }, data: { lockedUntil: null, failedAttempts: 0 } })
          await record('operator.unlocked')
        }
        const updated = await assignmentOf(tx, companyId, operatorId)
        return toAccount(updated.operator, updated)
      })
    },

    /**
     * For an operator who forgot the password or lost the authenticator (and the recovery codes):
     * accountReset's one action. The administrator's own password is asked again, counted toward
     * their lock: a stolen console session alone must not be able to take over an account.
     * Not for oneself (the password change is there for that).
     */
    async reset(scope: CompanyScope, operatorId: string, currentPassword: string): Promise<OperatorResetResponse> {
      requireLevel(scope, 'administrator')
      const { operator: actor, companyId } = scope
      const { operator } = await assignmentOf(db, companyId, operatorId)
      if (operatorId === actor.operatorId) throw new AppError('FORBIDDEN', { message: 'Change your own password instead.' })
      await assertGovernsAccount(db, actor, operator)
      await operators.checkCurrentPassword(actor.operatorId, currentPassword)
      const secret = await newOneTimePassword()
      return db.$transaction(async (tx) => {
        // Checked again where the account changes: the right must hold in the transaction that resets it.
        await access.forCompany(actor, companyId, 'administrator', tx)
        const expiresAt = await accountReset.reset(operatorId, secret, tx)
        await audit.record({ ...byOperator(actor, companyId), action: 'operator.reset', targetId: operatorId }, tx)
        const updated = await assignmentOf(tx, companyId, operatorId)
        return { operator: toAccount(updated.operator, updated), oneTimePassword: secret.password, expiresAt: expiresAt.toISOString() }
      })
    },
  }
}
export type OperatorAccounts = ReturnType<typeof createOperatorAccounts>
