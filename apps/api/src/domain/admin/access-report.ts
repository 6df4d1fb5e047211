/**
 * The access report for a 漏えい等 report to the PPC (ADR 047): in a time window (optionally one
 * operator), who viewed which persons' images, had numbers shown or read, and exported whom.
 * Administrators of the company only, as the audit log; the report itself is audited
 * (`audit.access_report`). One ordered read of (company_id, action, at, id), bounded.
 */
import type { AuditEventRow } from '@bango/shared/admin-audit'
import { ACCESS_ACTIONS, ACCESS_REPORT_LIMIT, type AccessReportQuery, type AccessReportResponse } from '@bango/shared/admin-records'
import { auditActionLabel } from '@bango/shared/admin-audit'
import { auditDetailText, auditTargetText } from '@bango/shared/audit-detail'
import { ACCESS_REPORT_CSV } from '@bango/shared/csv-formats'
import type { Db } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type CompanyScope, requireLevel } from './access.ts'
import { japanTime } from './audit-csv.ts'
import { type EventRow, nameEvents } from './audit-event-names.ts'
import { COLUMNS } from './audit-sql.ts'

const personIdsOf = (detail: unknown): string[] => {
  const ids = (detail as { personIds?: unknown } | null)?.personIds
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

export function createAccessReport(db: Db, audit: AuditLog, now: () => Date) {
  return {
    async report(scope: CompanyScope, query: AccessReportQuery, format: 'page' | 'csv'): Promise<AccessReportResponse> {
      requireLevel(scope, 'administrator')
      const { operator, companyId } = scope
      await audit.record({
        ...byOperator(operator, companyId),
        action: 'audit.access_report',
        targetId: companyId,
        detail: { filter: { from: query.from, to: query.to, ...(query.operatorId ? { operatorId: query.operatorId } : {}) }, format },
      })
      const byActor = query.operatorId ? Prisma.sql`AND actor_id = ${query.operatorId}` : Prisma.empty
      const rows = await db.$queryRaw<EventRow[]>(Prisma.sql`
        SELECT ${COLUMNS} FROM audit_events
        WHERE company_id = ${companyId}::uuid AND action = ANY(${[...ACCESS_ACTIONS]}::text[])
          AND at >= ${new Date(query.from)} AND at < ${new Date(query.to)} ${byActor}
        ORDER BY at, id LIMIT ${ACCESS_REPORT_LIMIT + 1}`)
      const events = await nameEvents(db, rows.slice(0, ACCESS_REPORT_LIMIT))
      const ids = [...new Set(events.flatMap((e) => personIdsOf(e.detail)))]
      const exported: AccessReportResponse['exported'] = {}
      if (ids.length > 0) {
        const persons = await db.$queryRaw<{ id: string; name: string; employee_number: string | null }[]>(Prisma.sql`
          SELECT p.id::text AS id, p.name, COALESCE(e.employee_number, p.employee_number) AS employee_number
          FROM persons p LEFT JOIN persons e ON e.id = p.employee_id WHERE p.id = ANY(${ids}::uuid[])`)
        for (const p of persons) exported[p.id] = { name: p.name, employeeNumber: p.employee_number }
      }
      return {
        companyName: (await db.company.findUniqueOrThrow({ where: { id: companyId }, select: { name: true } })).name,
        from: query.from,
        to: query.to,
        operatorId: query.operatorId ?? null,
        producedAt: now().toISOString(),
        events,
        exported,
        truncated: rows.length > ACCESS_REPORT_LIMIT,
      }
    },
  }
}
export type AccessReport = ReturnType<typeof createAccessReport>

/** The report as CSV lines: an export becomes one line per person it held. */
export function accessReportCsv(report: AccessReportResponse): string[] {
  const lines = [ACCESS_REPORT_CSV.head()]
  const line = (event: AuditEventRow, person: { name: string; employeeNumber: string | null } | null, count: number) =>
    ACCESS_REPORT_CSV.line({
      日時: japanTime.format(new Date(event.at)),
      操作者: event.actorName ?? event.actorId ?? '',
      操作者のメールアドレス: event.actorEmail ?? '',
      操作: auditActionLabel(event.action),
      対象者: person?.name ?? auditTargetText(event),
      社員番号: person?.employeeNumber ?? event.targetDocument?.employeeNumber ?? event.targetEmployeeNumber ?? '',
      内容: auditDetailText(event.detail, event.names),
      件数: String(count),
    })
  for (const event of report.events) {
    const ids = personIdsOf(event.detail)
    if (ids.length === 0) lines.push(line(event, null, 1))
    for (const id of ids) lines.push(line(event, report.exported[id] ?? { name: id, employeeNumber: null }, ids.length))
  }
  return lines
}
