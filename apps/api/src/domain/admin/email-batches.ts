/**
 * E-mail batches: HR asks for credentials or reminders to be mailed; a batch is one PENDING
 * message per employee with an address, sent later by the worker (email-worker.ts).
 */
import type { EmailBatch } from '@bango/shared/admin-credentials'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Campaign, EmailKind, EmailStatus } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'
import { employeesOf, withoutAnyCredential } from './credential-issuing.ts'

type Kind = EmailBatch['kind']
const KIND: Record<Kind, EmailKind> = { credentials: 'CREDENTIALS', reminder: 'REMINDER' }
const emptyCounts = (): EmailBatch['counts'] => ({ pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0 })
const countKey = (status: EmailStatus) => status.toLowerCase() as keyof EmailBatch['counts']

export function createEmailBatches(db: Db, audit: AuditLog, options: { configured: boolean; onEnqueued: () => void; now: () => Date }) {
  async function describe(where: { campaignId: string; id?: string }): Promise<EmailBatch[]> {
    const batches = await db.emailBatch.findMany({ where, orderBy: { createdAt: 'desc' } })
    const groups = batches.length
      ? await db.emailMessage.groupBy({ by: ['batchId', 'status'], where: { batchId: { in: batches.map((b) => b.id) } }, _count: { _all: true } })
      : []
    return batches.map((batch) => {
      const counts = emptyCounts()
      for (const group of groups) if (group.batchId === batch.id) counts[countKey(group.status)] = group._count._all
      return {
        id: batch.id,
        kind: batch.kind === 'CREDENTIALS' ? 'credentials' : 'reminder',
        createdAt: batch.createdAt.toISOString(),
        finishedAt: batch.finishedAt?.toISOString() ?? null,
        counts,
      }
    })
  }

  /** Who a batch goes to: employees with an address among the requested ones. */
  async function targetsOf(tx: Tx, campaignId: string, kind: Kind, employeeIds?: readonly string[]) {
    const requested = employeeIds ? (await employeesOf(tx, campaignId, employeeIds)).map((e) => e.id) : null
    const where = {
      campaignId,
      kind: 'EMPLOYEE' as const,
      ...(requested ? { id: { in: requested } } : {}),
      // Credentials without a selection: those who have none yet, nor one waiting to be handed out
      // on paper (ADR 039). Reminders: everyone not done
      // (差し戻し counts as not done: the employee has persons to redo).
      ...(kind === 'credentials'
        ? requested
          ? {}
          : withoutAnyCredential(options.now())
        : { progress: { notIn: ['SUBMITTED' as const, 'APPROVED' as const] } }),
      // Not twice in the queue: a second credentials mail would kill the password of the first.
      emailMessages: { none: { status: { in: ['PENDING' as const, 'SENDING' as const] }, batch: { kind: KIND[kind] } } },
    }
    const employees = await tx.person.findMany({ where, select: { id: true, email: true } })
    return { withAddress: employees.filter((e) => e.email).map((e) => e.id), withoutAddress: employees.filter((e) => !e.email).length }
  }

  return {
    configured: options.configured,

    async create(operator: OperatorIdentity, campaign: Campaign, kind: Kind, employeeIds?: readonly string[]): Promise<EmailBatch> {
      if (!options.configured) throw new AppError('EMAIL_NOT_CONFIGURED')
      if (campaign.status === 'CLOSED') throw new AppError('CAMPAIGN_CLOSED')
      const batch = await db.$transaction(async (tx) => {
        // Batches of one campaign are made one at a time, so the "not twice in the queue" check holds.
        await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaign.id}::uuid FOR NO KEY UPDATE`
        const { withAddress, withoutAddress } = await targetsOf(tx, campaign.id, kind, employeeIds)
        const created = await tx.emailBatch.create({
          // An empty batch is finished at once: nothing to wait for.
          data: { campaignId: campaign.id, kind: KIND[kind], createdById: operator.operatorId, finishedAt: withAddress.length === 0 ? options.now() : null },
        })
        await tx.emailMessage.createMany({ data: withAddress.map((employeeId) => ({ batchId: created.id, employeeId })) })
        await audit.record(
          {
            ...byOperator(operator, campaign.companyId),
            action: 'email.batch_created',
            targetId: created.id,
            detail: { campaignId: campaign.id, kind, count: withAddress.length, withoutAddress, employeeIds: withAddress },
          },
          tx,
        )
        return created
      })
      options.onEnqueued()
      const [described] = await describe({ campaignId: campaign.id, id: batch.id })
      return described!
    },

    list: (campaignId: string) => describe({ campaignId }),

    async get(campaignId: string, batchId: string): Promise<EmailBatch> {
      const [batch] = await describe({ campaignId, id: batchId })
      if (!batch) throw new AppError('NOT_FOUND')
      return batch
    },
  }
}
export type EmailBatches = ReturnType<typeof createEmailBatches>
