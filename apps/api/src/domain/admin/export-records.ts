/**
 * Who and what a payroll export holds: the approved, not disposed persons of a campaign
 * (employees and dependents), each with their employee's 社員番号, their choices and their
 * submitted documents, ordered by household (社員番号, then the employee before dependents).
 * A disposed person has no documents and no number left; they are never exported.
 * Each has a household sequence (世帯連番): the employee 0, the dependents 1, 2, … in the order
 * they were added, counted over all of the household's dependents, so a dependent left out of
 * this file (not approved, disposed) leaves a gap rather than moving the others' numbers.
 */
import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import { registrationSchema } from '@bango/shared/employee-api'
import type { Db } from '../../db/types.ts'

const japanDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** YYYY-MM-DD in Japan time (an approval at 23:30 UTC is the next day in Tokyo). */
export const approvalDate = (at: Date | null) => (at ? japanDate.format(at) : '')

export const documentTypeLabel = (type: string) => (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ?? type

/** 世帯連番 of every dependent of the campaign: 1, 2, … per employee, by when they were added. */
async function householdSequences(db: Db, campaignId: string): Promise<Map<string, number>> {
  const dependents = await db.person.findMany({
    where: { campaignId, kind: 'DEPENDENT' },
    select: { id: true, employeeId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const counts = new Map<string | null, number>()
  const sequences = new Map<string, number>()
  for (const dependent of dependents) {
    const next = (counts.get(dependent.employeeId) ?? 0) + 1
    counts.set(dependent.employeeId, next)
    sequences.set(dependent.id, next)
  }
  return sequences
}

export async function exportedPersons(db: Db, campaignId: string) {
  const sequences = await householdSequences(db, campaignId)
  const persons = await db.person.findMany({
    where: { campaignId, reviewStatus: 'APPROVED', disposedAt: null },
    include: {
      employee: { select: { employeeNumber: true } },
      documents: { where: { state: 'SUBMITTED' }, orderBy: [{ role: 'asc' }, { slot: 'asc' }, { side: 'asc' }] },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const rows = persons.map((person) => {
    const registration = registrationSchema.safeParse(person.registration)
    return {
      person,
      employeeNumber: person.employeeNumber ?? person.employee?.employeeNumber ?? '',
      household: person.employeeId ?? person.id,
      householdSequence: person.kind === 'EMPLOYEE' ? 0 : (sequences.get(person.id) ?? 0),
      registration: registration.success ? registration.data : null,
    }
  })
  const collator = new Intl.Collator('ja', { numeric: true })
  return rows.sort(
    (a, b) => collator.compare(a.employeeNumber, b.employeeNumber) || a.household.localeCompare(b.household) || a.householdSequence - b.householdSequence,
  )
}
export type ExportedPerson = Awaited<ReturnType<typeof exportedPersons>>[number]
