/**
 * The audit log as CSV, the way Japanese HR opens it in Excel: UTF-8 with a BOM, CRLF, times in
 * Japan time; streamed a line at a time through the shared writer (formula cells marked, ADR 032).
 * The raw columns first, as they always were; then the same event in words (ADR 047).
 */
import { AUDIT_ACTOR_TYPE_LABELS, type AuditActorType, type AuditEventRow, auditActionLabel } from '@bango/shared/admin-audit'
import { auditActorText, auditDetailText, auditTargetText } from '@bango/shared/audit-detail'
import { AUDIT_CSV } from '@bango/shared/csv-formats'

export const japanTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

export const AUDIT_CSV_HEAD = AUDIT_CSV.head()

export function auditCsvLine(event: AuditEventRow): string {
  const actorType = (AUDIT_ACTOR_TYPE_LABELS as Record<string, string>)[event.actorType as AuditActorType] ?? event.actorType
  const actor = event.actorName ? `${event.actorName}${event.actorEmail ? ` <${event.actorEmail}>` : ''}` : (event.actorId ?? '')
  const target = event.targetName ? `${event.targetName} (${event.targetId})` : (event.targetId ?? '')
  return AUDIT_CSV.line({
    日時: japanTime.format(new Date(event.at)),
    会社: event.companyName ?? event.companyId ?? '',
    操作者種別: actorType,
    操作者: actor,
    操作: `${auditActionLabel(event.action)} (${event.action})`,
    対象: target,
    詳細: event.detail === null || event.detail === undefined ? '' : JSON.stringify(event.detail),
    '操作者（氏名・社員番号）': auditActorText(event),
    '対象（説明）': auditTargetText(event),
    '詳細（説明）': auditDetailText(event.detail, event.names),
  })
}
