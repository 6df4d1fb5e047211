/** The append-only audit log: who did what to which record, never the data itself. */
import type { Prisma } from '../generated/prisma/client.ts'
import type { Db, Tx } from '../db/types.ts'

export interface AuditEventInput {
  companyId: string | null
  actorType: 'employee' | 'operator' | 'system'
  actorId: string | null
  action: string
  targetId?: string | null
  detail?: Prisma.InputJsonValue
}

/** The employee as the actor of an event, in their company. */
export const byEmployee = (identity: { companyId: string; employeeId: string }) =>
  ({ companyId: identity.companyId, actorType: 'employee', actorId: identity.employeeId }) as const

/** An operator of the console as the actor of an event, in the company it concerns (null: installation-wide). */
export const byOperator = (operator: { operatorId: string }, companyId: string | null) =>
  ({ companyId, actorType: 'operator', actorId: operator.operatorId }) as const

/** A scheduled job (retention, the sweeper) as the actor of an event in a company. */
export const bySystem = (companyId: string) => ({ companyId, actorType: 'system', actorId: null }) as const

export function createAuditLog(db: Db) {
  return {
    record(event: AuditEventInput, tx: Tx = db) {
      return tx.auditEvent.create({ data: { ...event, targetId: event.targetId ?? null } })
    },
  }
}
export type AuditLog = ReturnType<typeof createAuditLog>
