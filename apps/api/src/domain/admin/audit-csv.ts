/**
 * The audit log as CSV, the way Japanese HR opens it in Excel: UTF-8 with a BOM, CRLF, times in
 * Japan time. Cells that a spreadsheet would run as a formula are prefixed with `'`.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
import { AUDIT_ACTOR_TYPE_LABELS, AUDIT_CSV_HEADER, type AuditActorType, type AuditEventRow, auditActionLabel } from '@bango/shared/admin-audit'

const japanTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

export const csvCell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`

export const AUDIT_CSV_HEAD = `\uFEFF${line(AUDIT_CSV_HEADER)}`

export function auditCsvLine(event: AuditEventRow): string {
  const actorType = (AUDIT_ACTOR_TYPE_LABELS as Record<string, string>)[event.actorType as AuditActorType] ?? event.actorType
  const actor = event.actorName ? `${event.actorName}${event.actorEmail ? ` <${event.actorEmail}>` : ''}` : (event.actorId ?? '')
  const target = event.targetName ? `${event.targetName} (${event.targetId})` : (event.targetId ?? '')
  return line([
    japanTime.format(new Date(event.at)),
    event.companyName ?? event.companyId ?? '',
    actorType,
    actor,
    `${auditActionLabel(event.action)} (${event.action})`,
    target,
    event.detail === null || event.detail === undefined ? '' : JSON.stringify(event.detail),
  ])
}
