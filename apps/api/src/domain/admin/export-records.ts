/**
 * Who and what a payroll export holds: the approved, not disposed persons of a campaign
 * (employees and dependents), each with their employee's 社員番号, their choices and their
 * submitted documents, ordered by household (社員番号, then the employee before dependents).
 * A disposed person has no documents and no number left; they are never exported.
 */
import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import { registrationSchema } from '@bango/shared/employee-api'
import type { Db } from '../../db/types.ts'

const japanDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** YYYY-MM-DD in Japan time (an approval at 23:30 UTC is the next day in Tokyo). */
export const approvalDate = (at: Date | null) => (at ? japanDate.format(at) : '')

export const documentTypeLabel = (type: string) => (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ?? type

export async function exportedPersons(db: Db, campaignId: string) {
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
      registration: registration.success ? registration.data : null,
    }
  })
  const collator = new Intl.Collator('ja', { numeric: true })
  return rows.sort(
    (a, b) =>
      collator.compare(a.employeeNumber, b.employeeNumber) ||
      a.household.localeCompare(b.household) ||
      (a.person.kind === b.person.kind ? 0 : a.person.kind === 'EMPLOYEE' ? -1 : 1),
  )
}
export type ExportedPerson = Awaited<ReturnType<typeof exportedPersons>>[number]
