/**
 * How many persons of a campaign a payroll file holds, and why the others are not in it: the
 * export page says so before anyone downloads. Each person is counted once, by the first reason
 * that applies: disposed, approved (exported), sent back, 対象外, sent and waiting for review,
 * not sent yet — the order the dashboard's person states follow (dashboard.ts personStatus).
 */
import type { ExportSummary } from '@bango/shared/admin-export'
import type { Db } from '../../db/types.ts'

export async function exportSummary(db: Db, campaignId: string): Promise<ExportSummary> {
  const [persons, submissions] = await Promise.all([
    db.person.findMany({
      where: { campaignId },
      select: { id: true, kind: true, employeeId: true, status: true, reviewStatus: true, disposedAt: true, myNumberRecordedAt: true },
    }),
    db.submission.findMany({ where: { employee: { campaignId } }, select: { employeeId: true } }),
  ])
  const submitted = new Set(submissions.map((s) => s.employeeId))
  const summary: ExportSummary = { exported: 0, withoutNumber: 0, left: { notSubmitted: 0, inReview: 0, returned: 0, notApplicable: 0, disposed: 0 } }
  for (const person of persons) {
    const household = person.kind === 'EMPLOYEE' ? person.id : (person.employeeId ?? person.id)
    if (person.disposedAt) summary.left.disposed += 1
    else if (person.reviewStatus === 'APPROVED') {
      summary.exported += 1
      if (!person.myNumberRecordedAt) summary.withoutNumber += 1
    } else if (person.reviewStatus === 'RETURNED') summary.left.returned += 1
    else if (person.status === 'NOT_APPLICABLE') summary.left.notApplicable += 1
    else if (submitted.has(household)) summary.left.inReview += 1
    else summary.left.notSubmitted += 1
  }
  return summary
}
