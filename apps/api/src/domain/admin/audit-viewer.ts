/**
 * The audit-log viewer: administrators page through the events they may see and export the
 * filtered view as CSV. Who sees what:
 * - a system administrator: every event, installation-wide ones (company NULL) included;
 * - a company administrator: the events of the companies they administer, plus the
 *   installation-wide events (sign-ins, password and 2FA changes, exports) whose actor is an
 *   operator assigned to one of those companies — so they can follow their own staff's
 *   sign-ins, never another company's staff's, and never a system administrator's even when
 *   one also serves their company (their installation-wide events are the installation's);
 * - an operator (no administrator role anywhere): FORBIDDEN. A `companyId` they do not
 *   administer: NOT_FOUND (no assignment) or FORBIDDEN (operator there), as everywhere.
 */
import type {
  AuditEventFilter,
  AuditEventListResponse,
  AuditEventQuery,
  AuditEventRow,
  AuditSubjectQuery,
  AuditSubjectsResponse,
} from '@bango/shared/admin-audit'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { Access, OperatorIdentity } from './access.ts'
import { type AuditKey, type AuditScope, auditPageSql, decodeCursor, distinctActionsSql, encodeCursor, personDocumentsSql } from './audit-sql.ts'
import { type EventRow, nameEvents } from './audit-event-names.ts'
import { findAuditSubjects } from './name-search.ts'

export function createAuditViewer(db: Db, access: Access, audit: AuditLog) {
  async function scopeOf(operator: OperatorIdentity, companyId: string | undefined): Promise<AuditScope> {
    if (companyId) {
      await access.forCompany(operator, companyId, 'administrator')
      return { kind: 'companies', companyIds: [companyId], operatorIds: [] }
    }
    if (operator.isSystemAdmin) return { kind: 'all' }
    // Through access: a company whose allow-list leaves out the caller's address is not among them.
    const administered = (await access.companies(operator)).filter((company) => company.role === 'administrator')
    if (administered.length === 0) throw new AppError('FORBIDDEN')
    const companyIds = administered.map((company) => company.id)
    // Page and CSV export share this scope: a system administrator is never counted as staff.
    const staff = await db.companyAssignment.findMany({
      where: { companyId: { in: companyIds }, operator: { isSystemAdmin: false } },
      select: { operatorId: true },
      distinct: ['operatorId'],
    })
    return { kind: 'companies', companyIds, operatorIds: staff.map((s) => s.operatorId) }
  }

  /** The actions a filter names: null for none, the matching existing actions for a prefix. */
  async function actionsOf(action: string | undefined): Promise<string[] | null> {
    if (!action) return null
    if (!action.endsWith('*')) return [action]
    const prefix = action.slice(0, -1)
    const all = await db.$queryRaw<{ action: string }[]>(distinctActionsSql)
    return all.map((a) => a.action).filter((a) => a.startsWith(prefix))
  }

  /** A person filter's document ids (their events target the document); null without one. */
  async function targetsOf(filter: AuditEventFilter): Promise<string[] | null> {
    if (!filter.personId) return null
    return (await db.$queryRaw<{ id: string }[]>(personDocumentsSql(filter.personId))).map((d) => d.id)
  }

  async function rowsOf(
    scope: AuditScope,
    filter: AuditEventFilter,
    actions: string[] | null,
    after: AuditKey | null,
    limit: number,
    targets: string[] | null,
  ): Promise<EventRow[]> {
    if (actions?.length === 0) return []
    return db.$queryRaw<EventRow[]>(auditPageSql(scope, filter, actions, after, limit, targets))
  }

  const withNames = (rows: EventRow[]) => nameEvents(db, rows)

  const filterOf = ({ cursor: _cursor, limit: _limit, ...filter }: AuditEventQuery): AuditEventFilter => filter

  return {
    async page(operator: OperatorIdentity, query: AuditEventQuery): Promise<AuditEventListResponse> {
      const after = query.cursor ? decodeCursor(query.cursor) : null
      const filter = filterOf(query)
      const scope = await scopeOf(operator, filter.companyId)
      // One row more than the page tells whether there is a next one.
      const rows = await rowsOf(scope, filter, await actionsOf(filter.action), after, query.limit + 1, await targetsOf(filter))
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      return { events: await withNames(page), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null }
    },

    /** Persons and operators a filter may name, found by name or 社員番号, within the caller's scope. */
    async subjects(operator: OperatorIdentity, query: AuditSubjectQuery): Promise<AuditSubjectsResponse> {
      const scope = await scopeOf(operator, query.companyId)
      return findAuditSubjects(db, scope.kind === 'all' ? null : scope.companyIds, query)
    },

    /**
     * Checks the caller's right, records the export (the filter: ids and times only), then
     * yields the filtered events page by page — memory holds one page, whatever the count.
     */
    async export(operator: OperatorIdentity, filter: AuditEventFilter, pageSize = 5000) {
      const scope = await scopeOf(operator, filter.companyId)
      const actions = await actionsOf(filter.action)
      const targets = await targetsOf(filter)
      await audit.record({ ...byOperator(operator, filter.companyId ?? null), action: 'audit.exported', detail: { filter } })
      return async function* pages(): AsyncGenerator<AuditEventRow[]> {
        let after: AuditKey | null = null
        for (;;) {
          const rows = await rowsOf(scope, filter, actions, after, pageSize, targets)
          if (rows.length > 0) yield await withNames(rows)
          if (rows.length < pageSize) return
          after = rows.at(-1)!
        }
      }
    },
  }
}
export type AuditViewer = ReturnType<typeof createAuditViewer>
