/**
 * A campaign's records for an auditor, printed from the console (ADR 047); administrators only,
 * as the audit log and the disposal records are.
 * - 取扱記録: the handling events (HANDLING_ACTIONS) about the campaign, its persons and their
 *   documents, oldest first — found by target (the campaign, a person, a document that still
 *   exists) or by the person named in the detail (a document disposed of since). Read through the
 *   (company_id, action, at, id) index, so a campaign's record costs its company's handling events.
 * - 廃棄証明: the disposal records, counted per disposal (trigger, operator, reason, day); the
 *   persons listed are those whose documents existed, the never-submitted ones only counted.
 */
import { type DisposalCertificateResponse, HANDLING_ACTIONS, HANDLING_RECORD_LIMIT, type HandlingRecordResponse } from '@bango/shared/admin-records'
import type { Db } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'
import { type CampaignScope, requireLevel } from './access.ts'
import { COLUMNS } from './audit-sql.ts'
import { type EventRow, nameEvents } from './audit-event-names.ts'
import { operatorNames } from './retention-shortenings.ts'

const TRIGGER = { PERSON: 'person', CAMPAIGN: 'campaign', RETENTION: 'retention' } as const
const japanDay = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)

export function handlingEventsSql(companyId: string, campaignId: string, limit: number) {
  const persons = Prisma.sql`SELECT id::text FROM persons WHERE campaign_id = ${campaignId}::uuid`
  return Prisma.sql`
    SELECT ${COLUMNS} FROM audit_events
    WHERE company_id = ${companyId}::uuid AND action = ANY(${[...HANDLING_ACTIONS]}::text[])
      AND (target_id = ${campaignId} OR target_id IN (${persons}) OR detail->>'personId' IN (${persons})
        OR target_id IN (SELECT d.id::text FROM documents d JOIN persons p ON p.id = d.person_id WHERE p.campaign_id = ${campaignId}::uuid))
    ORDER BY at, id LIMIT ${limit}`
}

export function createCampaignRecords(db: Db, now: () => Date) {
  async function head(scope: CampaignScope) {
    requireLevel(scope, 'administrator')
    const { campaign, campaignId, companyId } = scope
    const company = await db.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true } })
    return {
      companyId,
      head: {
        companyName: company.name,
        campaignId,
        campaignName: campaign.name,
        campaignCreatedAt: campaign.createdAt.toISOString(),
        campaignClosedAt: campaign.closedAt?.toISOString() ?? null,
        producedAt: now().toISOString(),
      },
    }
  }

  return {
    async handlingRecord(scope: CampaignScope): Promise<HandlingRecordResponse> {
      const { companyId, head: top } = await head(scope)
      const { campaignId } = scope
      const rows = await db.$queryRaw<EventRow[]>(handlingEventsSql(companyId, campaignId, HANDLING_RECORD_LIMIT + 1))
      const events = await nameEvents(db, rows.slice(0, HANDLING_RECORD_LIMIT))
      return { ...top, from: events[0]?.at ?? null, to: events.at(-1)?.at ?? null, events, truncated: rows.length > HANDLING_RECORD_LIMIT }
    },

    async disposalCertificate(scope: CampaignScope): Promise<DisposalCertificateResponse> {
      const { head: top } = await head(scope)
      const { campaignId } = scope
      const records = await db.disposalRecord.findMany({
        where: { campaignId },
        orderBy: [{ disposedAt: 'asc' }, { id: 'asc' }],
        include: { person: { select: { name: true, employeeNumber: true, relationship: true, employee: { select: { employeeNumber: true } } } } },
      })
      const operators = await operatorNames(
        db,
        records.flatMap((r) => (r.disposedById ? [r.disposedById] : [])),
      )
      const entries = new Map<string, DisposalCertificateResponse['entries'][number]>()
      const totals = { persons: 0, images: 0, withoutDocuments: 0 }
      const persons: DisposalCertificateResponse['persons'] = []
      for (const record of records) {
        const held = record.imageCount > 0 || record.documentKinds.length > 0
        const key = [record.trigger, record.disposedById ?? '', record.reason, japanDay(record.disposedAt)].join('\u0000')
        const entry = entries.get(key) ?? {
          disposedFrom: record.disposedAt.toISOString(),
          disposedTo: record.disposedAt.toISOString(),
          trigger: TRIGGER[record.trigger],
          disposedBy: record.disposedById ? (operators.get(record.disposedById)?.name ?? '') : null,
          reason: record.reason,
          persons: 0,
          images: 0,
          withoutDocuments: 0,
        }
        entry.disposedTo = record.disposedAt.toISOString()
        if (held) {
          entry.persons++
          entry.images += record.imageCount
          totals.persons++
          totals.images += record.imageCount
          persons.push({
            name: record.person.name,
            employeeNumber: record.person.employeeNumber ?? record.person.employee?.employeeNumber ?? null,
            relationship: record.person.relationship,
            disposedAt: record.disposedAt.toISOString(),
            documentKinds: record.documentKinds,
            imageCount: record.imageCount,
          })
        } else {
          entry.withoutDocuments++
          totals.withoutDocuments++
        }
        entries.set(key, entry)
      }
      return { ...top, entries: [...entries.values()], persons, totals }
    },
  }
}
export type CampaignRecords = ReturnType<typeof createCampaignRecords>
