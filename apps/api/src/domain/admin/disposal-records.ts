/**
 * The company's disposal records as the console reads them (administrators only): a keyset page
 * newest first, searchable by 氏名, フリガナ or 社員番号, and the same search as CSV lines (the
 * shared writer, ADR 032: UTF-8 with a BOM, Japan time, kinds in words). The records themselves
 * are written by dispose-persons.ts.
 */
import { DISPOSALS_PAGE_SIZE, type DisposalRecord, type DisposalsCsvQuery, type DisposalsQuery, type DisposalsResponse } from '@bango/shared/admin-disposal'
import { DISPOSAL_TRIGGER_LABELS, documentKindText } from '@bango/shared/admin-records'
import { DISPOSAL_RECORDS_CSV } from '@bango/shared/csv-formats'
import { CAMPAIGN_ACTION_ROLES } from '@bango/shared/settings-policy'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { DisposalRecord as DisposalRecordRow, RetentionShortening } from '../../generated/prisma/client.ts'
import { isUuid } from '../../lib/uuid.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type CompanyScope, requireLevel } from './access.ts'
import { japanTime } from './audit-csv.ts'
import { matchingPersons } from './name-search.ts'
import { operatorNames, toShortening } from './retention-shortenings.ts'

const TRIGGER = { PERSON: 'person', CAMPAIGN: 'campaign', RETENTION: 'retention' } as const

type Row = DisposalRecordRow & {
  person: { name: string; employeeNumber: string | null; relationship: string; employee: { employeeNumber: string | null } | null }
  campaign: { name: string }
  retentionShortening: RetentionShortening | null
}

export function toDisposalRecord(row: Row, operators: Map<string, { id: string; name: string }>): DisposalRecord {
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaign.name,
    personId: row.personId,
    personName: row.person.name,
    // A dependent's record carries their household's 社員番号: searchable, and who it was.
    employeeNumber: row.person.employeeNumber ?? row.person.employee?.employeeNumber ?? null,
    relationship: row.person.relationship,
    disposedAt: row.disposedAt.toISOString(),
    disposedBy: row.disposedById ? (operators.get(row.disposedById) ?? { id: row.disposedById, name: '' }) : null,
    trigger: TRIGGER[row.trigger],
    reason: row.reason,
    documentKinds: row.documentKinds,
    imageCount: row.imageCount,
    cause: row.retentionShortening ? causeOf(row.retentionShortening, operators) : null,
  }
}

function causeOf(shortening: RetentionShortening, operators: Map<string, { id: string; name: string }>): DisposalRecord['cause'] {
  const { id, fromMonths, toMonths, changedAt, changedBy } = toShortening(shortening, operators)
  return { kind: 'retention-shortened', id, fromMonths, toMonths, changedAt, changedBy }
}

/** The last row of a page: (disposedAt, id), base64url JSON. */
export const encodeCursor = (row: { disposedAt: Date; id: string }) => Buffer.from(JSON.stringify([row.disposedAt.toISOString(), row.id])).toString('base64url')

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && isUuid(value[1])) {
      const at = new Date(value[0])
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] }
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError('VALIDATION', { message: 'Invalid cursor.' })
}

export function createDisposalRecords(db: Db, audit: AuditLog) {
  /** A keyset page of the company's records (list and export ask for the right first). */
  async function page(companyId: string, query: DisposalsQuery, size: number): Promise<DisposalsResponse> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor)
    const found = query.q ? await matchingPersons(db, companyId, query.q) : null
    const rows = await db.disposalRecord.findMany({
      where: {
        companyId,
        ...(query.campaignId ? { campaignId: query.campaignId } : {}),
        ...(found ? { personId: { in: found } } : {}),
        ...(after ? { OR: [{ disposedAt: { lt: after.at } }, { disposedAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ disposedAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
      include: {
        person: { select: { name: true, employeeNumber: true, relationship: true, employee: { select: { employeeNumber: true } } } },
        campaign: { select: { name: true } },
        retentionShortening: true,
      },
    })
    const shown = rows.slice(0, size)
    const operators = await operatorNames(
      db,
      shown.flatMap((r) => [...(r.disposedById ? [r.disposedById] : []), ...(r.retentionShortening ? [r.retentionShortening.changedById] : [])]),
    )
    const last = shown.at(-1)
    return {
      records: shown.map((row) => toDisposalRecord(row, operators)),
      nextCursor: rows.length > size && last ? encodeCursor(last) : null,
    }
  }

  return {
    /** The company's disposal records, newest first, one keyset page at a time; `q` searches 氏名, フリガナ, 社員番号. */
    async list(scope: CompanyScope, query: DisposalsQuery): Promise<DisposalsResponse> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.reviewDisposal)
      return page(scope.companyId, query, DISPOSALS_PAGE_SIZE)
    },

    /**
     * The same search as CSV, every page: checks the caller's right and records the export
     * (the search, ids only) before the first row is read.
     */
    async export(scope: CompanyScope, query: DisposalsCsvQuery) {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.reviewDisposal)
      const { operator, companyId } = scope
      await audit.record({ ...byOperator(operator, companyId), action: 'disposal.records_exported', targetId: companyId, detail: { filter: query } })
      return async function* pages(): AsyncGenerator<DisposalRecord[]> {
        let cursor: string | undefined
        for (;;) {
          const next = await page(companyId, { ...query, cursor }, 1000)
          yield next.records
          if (!next.nextCursor) return
          cursor = next.nextCursor
        }
      }
    },
  }
}
export type DisposalRecords = ReturnType<typeof createDisposalRecords>

export const disposalCsvLine = (record: DisposalRecord) =>
  DISPOSAL_RECORDS_CSV.line({
    廃棄日時: japanTime.format(new Date(record.disposedAt)),
    収集依頼: record.campaignName,
    氏名: record.personName,
    社員番号: record.employeeNumber ?? '',
    続柄: record.relationship,
    契機: DISPOSAL_TRIGGER_LABELS[record.trigger],
    廃棄した担当者: record.disposedBy?.name ?? '（自動）',
    理由: record.reason,
    書類: record.documentKinds.map(documentKindText).join('、'),
    画像の枚数: String(record.imageCount),
    '対象者 ID': record.personId,
  })
