/**
 * 廃棄 from the console (administrators only): one person (an employee takes their dependents
 * along), a whole closed campaign, and the dry run of the retention job for a campaign. The
 * destruction itself is dispose-persons.ts; the records it leaves are read in disposal-records.ts.
 */
import type { DisposalPreviewResponse, DisposeResponse } from '@bango/shared/admin-disposal'
import { CAMPAIGN_ACTION_ROLES } from '@bango/shared/settings-policy'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { Drafts } from '../drafts.ts'
import { type CampaignScope, requireLevel } from './access.ts'
import { disposePersons, householdOf } from './dispose-persons.ts'
import { expiredEmployees } from './retention.ts'
import { operatorNames, pendingShortenings, toShortening } from './retention-shortenings.ts'

/** Households per transaction when a whole campaign is disposed of. */
const CAMPAIGN_BATCH = 200

/** The persons of every household whose retention period has ended by `at`, as the dry run lists them. */
async function expiredPersons(tx: Tx, campaignId: string, at: Date) {
  const expired = await expiredEmployees(tx, at, { campaignId, limit: 100_000 })
  const byEmployee = new Map(expired.map((e) => [e.employee_id, e]))
  const persons = await tx.person.findMany({
    where: { disposedAt: null, OR: [{ id: { in: [...byEmployee.keys()] } }, { employeeId: { in: [...byEmployee.keys()] } }] },
    select: { id: true, employeeId: true, name: true, employeeNumber: true, relationship: true, _count: { select: { documents: true } } },
    orderBy: [{ employeeId: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
  })
  return persons.map((p) => {
    const employee = byEmployee.get(p.employeeId ?? p.id)!
    return {
      personId: p.id,
      employeeId: employee.employee_id,
      name: p.name,
      employeeNumber: p.employeeNumber,
      relationship: p.relationship,
      submittedAt: employee.submitted_at.toISOString(),
      retentionStartsOn: employee.starts_on.toISOString().slice(0, 10),
      expiredAt: employee.expired_at.toISOString(),
      imageCount: p._count.documents,
    }
  })
}

export function createDisposalActions(db: Db, drafts: Drafts, audit: AuditLog, now: () => Date) {
  return {
    /**
     * Disposes of one person of an employee's household; the employee themself takes the whole
     * household. Only what was handed in (完了) or a closed campaign's persons: an open draft is
     * the employee's, and goes with the draft lifetime.
     */
    async disposePerson(scope: CampaignScope, employeeId: string, personId: string, reason: string): Promise<DisposeResponse> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.dispose)
      const { operator, campaign, campaignId, companyId } = scope
      const result = await db.$transaction(async (tx) => {
        const person = await tx.person.findFirst({ where: { id: personId, campaignId, OR: [{ id: employeeId, kind: 'EMPLOYEE' }, { employeeId }] } })
        if (!person) throw new AppError('NOT_FOUND')
        if (person.disposedAt) throw new AppError('CONFLICT', { message: 'Already disposed of.' })
        const submitted = await tx.submission.findUnique({ where: { employeeId }, select: { id: true } })
        if (!submitted && campaign.status === 'OPEN') throw new AppError('CONFLICT', { message: 'Nothing handed in yet: the draft is the employee’s.' })
        const targets = person.kind === 'EMPLOYEE' ? await householdOf(tx, [person.id]) : [person.id]
        const result = await disposePersons(tx, targets, { trigger: 'person', reason, disposedById: operator.operatorId, at: now() })
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'person.disposed',
            targetId: person.id,
            detail: { persons: result.disposed.length, images: result.blobKeys.length },
          },
          tx,
        )
        return result
      })
      await drafts.deleteBlobs(result.blobKeys)
      return { persons: result.disposed.length, images: result.blobKeys.length }
    },

    /** Disposes of every person of a closed campaign, household batch by household batch. */
    async disposeCampaign(scope: CampaignScope, reason: string): Promise<DisposeResponse> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.dispose)
      const { operator, campaign, campaignId, companyId } = scope
      if (campaign.status === 'OPEN') throw new AppError('CAMPAIGN_OPEN')
      const at = now()
      const total = { persons: 0, images: 0 }
      for (;;) {
        const batch = await db.$transaction(async (tx) => {
          const employees = await tx.person.findMany({
            where: { campaignId, kind: 'EMPLOYEE', disposedAt: null },
            select: { id: true },
            orderBy: { id: 'asc' },
            take: CAMPAIGN_BATCH,
          })
          // Dependents left behind by an employee disposed of earlier (none by the rules, but cheap to be sure).
          const strays = employees.length === 0 ? await tx.person.findMany({ where: { campaignId, disposedAt: null }, select: { id: true } }) : []
          const targets = [
            ...(await householdOf(
              tx,
              employees.map((e) => e.id),
            )),
            ...strays.map((s) => s.id),
          ]
          return disposePersons(tx, targets, { trigger: 'campaign', reason, disposedById: operator.operatorId, at })
        })
        await drafts.deleteBlobs(batch.blobKeys)
        total.persons += batch.disposed.length
        total.images += batch.blobKeys.length
        if (batch.disposed.length === 0) break
      }
      await db.$transaction((tx) =>
        audit.record({ ...byOperator(operator, companyId), action: 'campaign.disposed', targetId: campaignId, detail: { trigger: 'campaign', ...total } }, tx),
      )
      return total
    },

    /**
     * What the retention job would dispose of in this campaign if it ran now, and for each
     * shortened retention period still in its grace period, who it adds when that ends.
     */
    async preview(scope: CampaignScope): Promise<DisposalPreviewResponse> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.reviewDisposal)
      const { campaign, campaignId } = scope
      const at = now()
      const persons = await expiredPersons(db, campaignId, at)
      const pending = await pendingShortenings(db, campaignId, at)
      const operators = await operatorNames(
        db,
        pending.map((p) => p.changedById),
      )
      const seen = new Set(persons.map((p) => p.personId))
      const shortenings = []
      for (const shortening of pending) {
        const added = (await expiredPersons(db, campaignId, shortening.effectiveAt)).filter((p) => !seen.has(p.personId))
        for (const person of added) seen.add(person.personId)
        shortenings.push({ ...toShortening(shortening, operators), persons: added })
      }
      return { retentionMonths: campaign.retentionMonths, persons, totalImages: persons.reduce((sum, r) => sum + r.imageCount, 0), shortenings }
    },
  }
}
export type DisposalActions = ReturnType<typeof createDisposalActions>
