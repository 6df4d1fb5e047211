/**
 * E-mail batches: HR asks for credentials or reminders to be mailed; a batch is one PENDING
 * message per employee with an address, sent later by the worker (email-worker.ts).
 */
import type { EmailBatch, EmailBatchPreview, EmailBatchRequest } from '@bango/shared/admin-credentials'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Campaign, EmailKind, EmailStatus } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { CampaignScope, EmployeeScope, OperatorIdentity } from './access.ts'
import { employeesOf, withoutAnyCredential } from './credential-issuing.ts'

type Kind = EmailBatch['kind']
const KIND: Record<Kind, EmailKind> = { credentials: 'CREDENTIALS', reminder: 'REMINDER', return_notice: 'RETURN_NOTICE' }
const KIND_OF = Object.fromEntries(Object.entries(KIND).map(([kind, stored]) => [stored, kind])) as Record<EmailKind, Kind>
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
        kind: KIND_OF[batch.kind],
        createdAt: batch.createdAt.toISOString(),
        finishedAt: batch.finishedAt?.toISOString() ?? null,
        counts,
      }
    })
  }

  /**
   * Who a batch would go to, and who it leaves out: new credentials (no login, none waiting on
   * paper), re-issues (a login already handed out: only when HR chose to re-issue), reminders,
   * and those without an address (told on paper instead).
   */
  async function targetsOf(tx: Tx, campaignId: string, request: EmailBatchRequest) {
    const { kind, employeeIds } = request
    const requested = employeeIds ? (await employeesOf(tx, campaignId, employeeIds)).map((e) => e.id) : null
    const where = {
      campaignId,
      kind: 'EMPLOYEE' as const,
      disposedAt: null,
      ...(requested ? { id: { in: requested } } : {}),
      // Credentials without a selection: those who have none yet, nor one waiting to be handed out
      // on paper (ADR 039). Reminders: everyone not done
      // (差し戻し counts as not done: the employee has persons to redo).
      ...(kind === 'credentials'
        ? requested
          ? {}
          : withoutAnyCredential(options.now())
        : { progress: { notIn: ['SUBMITTED' as const, 'APPROVED' as const] } }),
    }
    const employees = await tx.person.findMany({
      where,
      select: {
        id: true,
        email: true,
        name: true,
        employeeNumber: true,
        credential: { select: { id: true } },
        // Not twice in the queue: a second credentials mail would kill the password of the first.
        emailMessages: { where: { status: { in: ['PENDING', 'SENDING'] }, batch: { kind: KIND[kind] } }, select: { id: true } },
      },
      orderBy: [{ employeeNumber: 'asc' }, { name: 'asc' }],
    })
    const queued = employees.filter((e) => e.emailMessages.length > 0)
    const open = employees.filter((e) => e.emailMessages.length === 0)
    const withoutAddress = open.filter((e) => !e.email)
    const mailable = open.filter((e) => e.email)
    const reissue = kind === 'credentials' ? mailable.filter((e) => e.credential) : []
    const recipients = mailable.filter((e) => kind === 'reminder' || !e.credential || request.reissue)
    return {
      recipients: recipients.map((e) => e.id),
      preview: {
        kind,
        newCredentials: kind === 'credentials' ? mailable.filter((e) => !e.credential).length : 0,
        reissues: request.reissue ? reissue.length : 0,
        reissuesLeftOut: request.reissue ? 0 : reissue.length,
        reminders: kind === 'reminder' ? mailable.length : 0,
        alreadyQueued: queued.length,
        withoutAddress: withoutAddress.map((e) => ({ employeeId: e.id, employeeNumber: e.employeeNumber, name: e.name })),
      } satisfies EmailBatchPreview,
    }
  }

  /** One batch of `kind` to `recipients`, recorded in the audit log (inside the caller's transaction). */
  async function enqueue(
    tx: Tx,
    operator: OperatorIdentity,
    campaign: Campaign,
    kind: Kind,
    recipients: string[],
    counts: { reissues: number; withoutAddress: number },
  ) {
    const created = await tx.emailBatch.create({ data: { campaignId: campaign.id, kind: KIND[kind], createdById: operator.operatorId } })
    await tx.emailMessage.createMany({ data: recipients.map((employeeId) => ({ batchId: created.id, employeeId })) })
    await audit.record(
      {
        ...byOperator(operator, campaign.companyId),
        action: 'email.batch_created',
        targetId: created.id,
        detail: { campaignId: campaign.id, kind, count: recipients.length, ...counts, employeeIds: recipients },
      },
      tx,
    )
    return created
  }

  return {
    configured: options.configured,

    /** What `create` would do with this request, before anything is sent: the console's confirmation. */
    async preview({ campaign }: CampaignScope, request: EmailBatchRequest): Promise<EmailBatchPreview> {
      return (await targetsOf(db, campaign.id, request)).preview
    },

    /** Queues the messages; nobody to mail is NOTHING_TO_SEND, not an empty batch. */
    async create({ operator, campaign }: CampaignScope, request: EmailBatchRequest): Promise<EmailBatch> {
      const { kind } = request
      if (!options.configured) throw new AppError('EMAIL_NOT_CONFIGURED')
      if (campaign.status === 'CLOSED') throw new AppError('CAMPAIGN_CLOSED')
      const batch = await db.$transaction(async (tx) => {
        // Batches of one campaign are made one at a time, so the "not twice in the queue" check holds.
        await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaign.id}::uuid FOR NO KEY UPDATE`
        const { recipients, preview } = await targetsOf(tx, campaign.id, request)
        if (recipients.length === 0) throw new AppError('NOTHING_TO_SEND')
        return enqueue(tx, operator, campaign, kind, recipients, { reissues: preview.reissues, withoutAddress: preview.withoutAddress.length })
      })
      options.onEnqueued()
      const [described] = await describe({ campaignId: campaign.id, id: batch.id })
      return described!
    },

    /**
     * After a 差し戻し: tells the employee by e-mail (who, why, until when, whom to ask), or says
     * they must be told on paper. One notice waiting per employee is enough: it lists everyone of
     * the household still sent back when it goes out.
     */
    async noticeReturn({ operator, campaign, employeeId }: EmployeeScope): Promise<'email' | 'paper'> {
      if (!options.configured || campaign.status === 'CLOSED') return 'paper'
      const employee = await db.person.findUniqueOrThrow({ where: { id: employeeId }, select: { email: true } })
      if (!employee.email) return 'paper'
      const queued = await db.emailMessage.count({ where: { employeeId, status: 'PENDING', batch: { kind: 'RETURN_NOTICE' } } })
      if (queued > 0) return 'email'
      await db.$transaction((tx) => enqueue(tx, operator, campaign, 'return_notice', [employeeId], { reissues: 0, withoutAddress: 0 }))
      options.onEnqueued()
      return 'email'
    },

    list: ({ campaignId }: CampaignScope) => describe({ campaignId }),

    async get({ campaignId }: CampaignScope, batchId: string): Promise<EmailBatch> {
      const [batch] = await describe({ campaignId, id: batchId })
      if (!batch) throw new AppError('NOT_FOUND')
      return batch
    },
  }
}
export type EmailBatches = ReturnType<typeof createEmailBatches>
