/**
 * Issuing employee credentials from the console (ADR 039). The answer is the only place the
 * plaintext URLs and passwords ever exist: the SPA makes the mail-merge CSV and the postal kit
 * from it. What is issued waits in a batch, not live, until HR says it was handed out
 * (`distribute`): a tab closed during an issue, a file never printed, leave no login whose
 * password nobody holds — the batch is cancelled, or expires after a week, and never went live.
 * Until then each employee keeps the login they had, so a printed kit already handed out keeps
 * working until its replacement is.
 */
import {
  CREDENTIAL_BATCH_DAYS,
  type CredentialBatchesResponse,
  type DistributeCredentialsResponse,
  type IssueCredentialsResponse,
} from '@bango/shared/admin-credentials'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Campaign } from '../../generated/prisma/client.ts'
import { mapConcurrent } from '../../lib/concurrency.ts'
import { type AuditLog, byOperator, bySystem } from '../audit.ts'
import type { Credentials } from '../credentials.ts'
import type { CampaignScope } from './access.ts'

/** argon2id takes ~45 ms of one core: two at a time leave the other core to the requests. */
const HASH_CONCURRENCY = 2
const DAY_MS = 24 * 60 * 60 * 1000

export const loginUrl = (publicUrl: string, token: string) => `${publicUrl}/t/${token}`

/** The employees of a campaign with these ids; NOT_FOUND unless every id is one of them. */
export async function employeesOf(tx: Tx, campaignId: string, employeeIds: readonly string[]) {
  const unique = [...new Set(employeeIds)]
  const employees = await tx.person.findMany({
    where: { id: { in: unique }, campaignId, kind: 'EMPLOYEE' },
    include: { credential: { select: { issuedAt: true } } },
  })
  if (employees.length !== unique.length) throw new AppError('NOT_FOUND')
  return employees
}

/** Not ended and not past its week. */
const openBatch = (at: Date) => ({ outcome: null, expiresAt: { gt: at } })
/** Employees with neither a login nor one waiting in an open batch (`Person` where-clause). */
export const withoutAnyCredential = (at: Date) => ({ credential: null, pendingCredentials: { none: { batch: openBatch(at) } } })

export function createCredentialIssuing(db: Db, credentials: Credentials, audit: AuditLog, publicUrl: string, now: () => Date) {
  /** The batch of this campaign, locked, still open: else NOT_FOUND or CREDENTIAL_BATCH_ENDED. */
  async function lockOpenBatch(tx: Tx, campaign: Campaign, batchId: string) {
    const [row] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM credential_batches WHERE id = ${batchId}::uuid AND campaign_id = ${campaign.id}::uuid FOR UPDATE`
    if (!row) throw new AppError('NOT_FOUND')
    const batch = await tx.credentialBatch.findUniqueOrThrow({ where: { id: batchId } })
    if (batch.outcome || batch.expiresAt <= now()) throw new AppError('CREDENTIAL_BATCH_ENDED')
    return batch
  }

  return {
    /**
     * Issues to `employeeIds` (re-issue), or to every employee of the campaign with neither a
     * credential nor one waiting in an open batch: a new batch, not live until `distribute`.
     * An employee re-issued here leaves any open batch they were in (that kit can no longer go live).
     */
    async issue({ operator, campaign }: CampaignScope, employeeIds?: readonly string[]): Promise<IssueCredentialsResponse> {
      if (campaign.status === 'CLOSED') throw new AppError('CAMPAIGN_CLOSED')
      const at = now()
      const targets = employeeIds
        ? await employeesOf(db, campaign.id, employeeIds)
        : await db.person.findMany({
            where: { campaignId: campaign.id, kind: 'EMPLOYEE', disposedAt: null, ...withoutAnyCredential(at) },
            include: { credential: { select: { issuedAt: true } } },
          })
      // Before any hashing: a disposed employee's login ended with their data.
      if (targets.some((t) => t.disposedAt)) throw new AppError('PERSON_DISPOSED')
      targets.sort((a, b) => (a.employeeNumber ?? '').localeCompare(b.employeeNumber ?? '') || a.name.localeCompare(b.name))
      const prepared = await mapConcurrent(targets, HASH_CONCURRENCY, () => credentials.prepare())

      const company = await db.company.findUniqueOrThrow({ where: { id: campaign.companyId } })
      const expiresAt = new Date(at.getTime() + CREDENTIAL_BATCH_DAYS * DAY_MS)
      const batch =
        targets.length === 0
          ? null
          : await db.$transaction(
              async (tx) => {
                const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM campaigns WHERE id = ${campaign.id}::uuid FOR NO KEY UPDATE`
                if (locked?.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
                const ids = targets.map((t) => t.id)
                await tx.pendingCredential.deleteMany({ where: { employeeId: { in: ids }, batch: openBatch(at) } })
                const created = await tx.credentialBatch.create({
                  data: { campaignId: campaign.id, issuedById: operator.operatorId, createdAt: at, expiresAt },
                })
                await tx.pendingCredential.createMany({
                  data: targets.map((target, index) => ({
                    batchId: created.id,
                    employeeId: target.id,
                    tokenHash: prepared[index]!.tokenHash,
                    passwordHash: prepared[index]!.passwordHash,
                  })),
                })
                const reissued = targets.filter((t) => t.credential).map((t) => t.id)
                await audit.record(
                  {
                    ...byOperator(operator, campaign.companyId),
                    action: 'credentials.prepared',
                    targetId: campaign.id,
                    detail: { batchId: created.id, count: ids.length, employeeIds: ids, reissuedIds: reissued },
                  },
                  tx,
                )
                return created
              },
              { timeout: 30_000 + targets.length * 20, maxWait: 30_000 },
            )

      return {
        batchId: batch?.id ?? null,
        expiresAt: batch ? expiresAt.toISOString() : null,
        companyName: company.name,
        campaignName: campaign.name,
        deadline: campaign.deadline?.toISOString() ?? null,
        contact: campaign.contact,
        issuedAt: at.toISOString(),
        credentials: targets.map((target, index) => ({
          employeeId: target.id,
          employeeNumber: target.employeeNumber,
          name: target.name,
          kana: target.kana,
          email: target.email,
          postal: target.postalCode && target.postalAddress ? { postalCode: target.postalCode, address: target.postalAddress } : null,
          reissue: target.credential !== null,
          url: loginUrl(publicUrl, prepared[index]!.token),
          password: prepared[index]!.password,
        })),
      }
    },

    /** The campaign's open batches, and how many employees have neither a login nor one waiting. */
    async batches({ campaign }: CampaignScope): Promise<CredentialBatchesResponse> {
      const at = now()
      const batches = await db.credentialBatch.findMany({
        where: { campaignId: campaign.id, ...openBatch(at) },
        orderBy: { createdAt: 'desc' },
        include: { _count: { select: { credentials: true } } },
      })
      const issuers = await db.operator.findMany({ where: { id: { in: batches.map((b) => b.issuedById) } }, select: { id: true, name: true } })
      const unissued = await db.person.count({
        where: { campaignId: campaign.id, kind: 'EMPLOYEE', disposedAt: null, ...withoutAnyCredential(at) },
      })
      return {
        unissued,
        batches: batches.map((batch) => ({
          id: batch.id,
          createdAt: batch.createdAt.toISOString(),
          expiresAt: batch.expiresAt.toISOString(),
          issuedBy: issuers.find((issuer) => issuer.id === batch.issuedById)?.name ?? null,
          count: batch._count.credentials,
        })),
      }
    },

    /**
     * HR handed the batch out: its logins go live, each replacing the employee's earlier one —
     * unless the employee got a newer login since (an e-mail), which this one must not kill.
     */
    async distribute({ operator, campaign }: CampaignScope, batchId: string): Promise<DistributeCredentialsResponse> {
      // One transaction for the whole batch, its length growing with the count, as at the issue.
      const count = await db.pendingCredential.count({ where: { batchId } })
      return db.$transaction(
        async (tx) => {
          const batch = await lockOpenBatch(tx, campaign, batchId)
          // Logins of a closed campaign would lead to nothing but the closed notice: HR reopens it
          // first (campaigns.reopen), or cancels the batch. Locked as at the issue: a close waits.
          const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM campaigns WHERE id = ${campaign.id}::uuid FOR NO KEY UPDATE`
          if (locked?.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
          const pending = await tx.pendingCredential.findMany({
            where: { batchId },
            include: { employee: { select: { id: true, campaignId: true, disposedAt: true, credential: { select: { issuedAt: true } } } } },
          })
          const live: string[] = []
          const superseded: string[] = []
          const reissued = new Set<string>()
          for (const entry of pending) {
            const current = entry.employee.credential
            if (entry.employee.disposedAt || (current && current.issuedAt > batch.createdAt)) {
              superseded.push(entry.employeeId)
              continue
            }
            if (current) reissued.add(entry.employeeId)
            await credentials.store(entry.employee, entry, tx)
            live.push(entry.employeeId)
          }
          await tx.pendingCredential.deleteMany({ where: { batchId } })
          await tx.credentialBatch.update({ where: { id: batchId }, data: { outcome: 'DISTRIBUTED', endedAt: now(), endedById: operator.operatorId } })
          const actor = byOperator(operator, campaign.companyId)
          const fresh = live.filter((id) => !reissued.has(id))
          if (fresh.length > 0)
            await audit.record(
              { ...actor, action: 'credentials.issued', targetId: campaign.id, detail: { batchId, count: fresh.length, employeeIds: fresh } },
              tx,
            )
          if (reissued.size > 0)
            await audit.record(
              { ...actor, action: 'credentials.reissued', targetId: campaign.id, detail: { batchId, count: reissued.size, employeeIds: [...reissued] } },
              tx,
            )
          return { live: live.length, superseded }
        },
        { timeout: 30_000 + count * 20, maxWait: 30_000 },
      )
    },

    /** The batch will never go live (a file lost, a kit not printed): its logins are deleted. */
    async cancel({ operator, campaign }: CampaignScope, batchId: string): Promise<void> {
      await db.$transaction(async (tx) => {
        await lockOpenBatch(tx, campaign, batchId)
        const { count } = await tx.pendingCredential.deleteMany({ where: { batchId } })
        await tx.credentialBatch.update({ where: { id: batchId }, data: { outcome: 'CANCELLED', endedAt: now(), endedById: operator.operatorId } })
        await audit.record(
          { ...byOperator(operator, campaign.companyId), action: 'credentials.batch_cancelled', targetId: campaign.id, detail: { batchId, count } },
          tx,
        )
      })
    },

    /** The sweeper's pass: batches past their week end as EXPIRED, their logins never live. */
    async expire(): Promise<number> {
      const at = now()
      const due = await db.credentialBatch.findMany({
        where: { outcome: null, expiresAt: { lte: at } },
        include: { campaign: { select: { companyId: true } } },
      })
      for (const batch of due) {
        await db.$transaction(async (tx) => {
          const { count } = await tx.credentialBatch.updateMany({ where: { id: batch.id, outcome: null }, data: { outcome: 'EXPIRED', endedAt: at } })
          if (count === 0) return
          const deleted = await tx.pendingCredential.deleteMany({ where: { batchId: batch.id } })
          await audit.record(
            {
              ...bySystem(batch.campaign.companyId),
              action: 'credentials.batch_expired',
              targetId: batch.campaignId,
              detail: { batchId: batch.id, count: deleted.count },
            },
            tx,
          )
        })
      }
      return due.length
    },

    /** Records a file the SPA made from an issue's answer (mail-merge CSV, postal kit). */
    async recordExport({ operator, campaign }: CampaignScope, format: string, employeeIds: readonly string[]) {
      await employeesOf(db, campaign.id, employeeIds)
      const ids = [...new Set(employeeIds)]
      await audit.record({
        ...byOperator(operator, campaign.companyId),
        action: 'credentials.exported',
        targetId: campaign.id,
        detail: { format, count: ids.length, employeeIds: ids },
      })
    },
  }
}
export type CredentialIssuing = ReturnType<typeof createCredentialIssuing>
