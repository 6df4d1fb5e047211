/** Disposal records as the console reads them, and the keyset cursor of their list. */
import type { DisposalRecord } from '@bango/shared/admin-disposal'
import { AppError } from '../../errors.ts'
import type { DisposalRecord as DisposalRecordRow, RetentionShortening } from '../../generated/prisma/client.ts'
import { isUuid } from '../../lib/uuid.ts'
import { toShortening } from './retention-shortenings.ts'

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
