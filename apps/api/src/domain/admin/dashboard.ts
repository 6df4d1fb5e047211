/**
 * HR's view of a campaign's progress: counts by status, the list of employees
 * (employee-list.ts), one employee's detail — never an image, a blob key or a number — and
 * unlocking a credential locked after wrong passwords.
 */
import {
  EMPLOYEE_PROGRESS,
  EMPLOYEE_PROGRESS_LABELS,
  type DashboardResponse,
  type EmployeeDetailResponse,
  type EmployeeListQuery,
  type EmployeeProgress,
} from '@bango/shared/admin-dashboard'
import { EMPLOYEE_STATUS_CSV } from '@bango/shared/csv-formats'
import { languageSchema } from '@bango/shared/employee-api'
import { isLanguage } from '@bango/shared/languages'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { PersonStatus, ReviewStatus } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { CampaignScope, EmployeeScope } from './access.ts'
import { listEmployees } from './employee-list.ts'
import { householdRetentionEnd } from './retention-basis.ts'

const isoDate = (date: Date) => date.toISOString().slice(0, 10)
/** 2026-12-01 10:02, Japan time, as the other CSVs write times. */
const JAPAN_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' })
/** Rows per query of the statuses CSV. */
const CSV_PAGE = 1_000
const progressOf = (progress: string) => progress.toLowerCase() as EmployeeProgress

/** HR's review decision comes first: a returned person is back in the employee's hands (未登録 to them). */
function personStatus(status: PersonStatus, review: ReviewStatus, submitted: boolean) {
  if (review === 'RETURNED') return 'returned' as const
  if (status === 'NOT_APPLICABLE') return 'not_applicable' as const
  if (review === 'APPROVED') return 'approved' as const
  if (submitted) return 'submitted' as const
  return status === 'REGISTERED' ? ('registered' as const) : ('pending' as const)
}

export function createDashboard(db: Db, audit: AuditLog, now: () => Date) {
  return {
    /** One GROUP BY over the (campaign_id, kind, progress) index. */
    async counts({ campaignId }: CampaignScope, tx: Tx = db): Promise<DashboardResponse> {
      const rows = await tx.$queryRaw<{ progress: string; count: number }[]>`
        SELECT progress::text AS progress, count(*)::int AS count FROM persons
        WHERE campaign_id = ${campaignId}::uuid AND kind = 'EMPLOYEE' GROUP BY progress`
      const counts = Object.fromEntries(EMPLOYEE_PROGRESS.map((status) => [status, 0])) as Record<EmployeeProgress, number>
      for (const row of rows) counts[progressOf(row.progress)] = row.count
      return { counts, total: rows.reduce((sum, row) => sum + row.count, 0) }
    },

    list: ({ campaignId }: CampaignScope, query: EmployeeListQuery) => listEmployees(db, campaignId, query, now()),

    /**
     * The list as the statuses CSV (the same filters and order, every page), a line at a time. The
     * export is audited before the first line leaves — who took names and addresses of how many
     * employees out of the console — so a download cut short is on record too.
     */
    async *statusesCsv(scope: CampaignScope, query: EmployeeListQuery): AsyncGenerator<string> {
      const { operator, companyId, campaignId } = scope
      const page = (number: number) => listEmployees(db, campaignId, { ...query, page: number, pageSize: CSV_PAGE }, now())
      let listed = await page(1)
      const filter = { q: query.q ?? null, status: query.status ?? null, email: query.email ?? null }
      await audit.record({ ...byOperator(operator, companyId), action: 'employees.exported', targetId: campaignId, detail: { rows: listed.total, filter } })
      yield EMPLOYEE_STATUS_CSV.head()
      for (let number = 1; ; listed = await page(++number)) {
        for (const row of listed.rows) {
          yield EMPLOYEE_STATUS_CSV.line({
            社員番号: row.employeeNumber ?? '',
            氏名: row.name,
            フリガナ: row.kana,
            メールアドレス: row.email ?? '',
            状況: EMPLOYEE_PROGRESS_LABELS[row.progress],
            家族の人数: String(row.dependentCount),
            最終ログイン: row.lastLoginAt ? JAPAN_TIME.format(new Date(row.lastLoginAt)) : '',
            退職日: row.leftOn ?? '',
          })
        }
        if (listed.rows.length < CSV_PAGE) break
      }
    },

    async detail({ employee }: EmployeeScope, tx: Tx = db): Promise<EmployeeDetailResponse> {
      const [credential, consent, submission, persons] = await Promise.all([
        tx.credential.findUnique({ where: { employeeId: employee.id } }),
        tx.consent.findFirst({ where: { employeeId: employee.id }, orderBy: { consentedAt: 'desc' }, select: { consentedAt: true, language: true } }),
        tx.submission.findUnique({ where: { employeeId: employee.id }, select: { submittedAt: true } }),
        tx.person.findMany({
          where: { OR: [{ id: employee.id }, { employeeId: employee.id }] },
          orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            kind: true,
            name: true,
            kana: true,
            relationship: true,
            birthDate: true,
            addedByEmployee: true,
            status: true,
            reviewStatus: true,
            disposedAt: true,
            _count: { select: { documents: { where: { state: 'DRAFT' } } } },
          },
        }),
      ])
      const retentionEndsAt = employee.disposedAt ? null : await householdRetentionEnd(tx, employee.id)
      return {
        employee: {
          id: employee.id,
          employeeNumber: employee.employeeNumber,
          name: employee.name,
          kana: employee.kana,
          email: employee.email,
          progress: progressOf(employee.progress),
          lastLoginAt: credential?.lastLoginAt?.toISOString() ?? null,
          // A lock that has run out is no lock: the next login attempt is judged afresh.
          lockedUntil: credential?.lockedUntil && credential.lockedUntil > now() ? credential.lockedUntil.toISOString() : null,
          dependentCount: persons.length - 1,
          leftOn: employee.leftOn ? isoDate(employee.leftOn) : null,
          birthDate: isoDate(employee.birthDate),
          failedAttempts: credential?.failedAttempts ?? 0,
          credentialIssuedAt: credential?.issuedAt.toISOString() ?? null,
          consentedAt: consent?.consentedAt.toISOString() ?? null,
          consentLanguage: consent ? languageSchema.catch('ja').parse(consent.language) : null,
          language: isLanguage(employee.language) ? employee.language : null,
          submittedAt: submission?.submittedAt.toISOString() ?? null,
          retentionEndsAt: retentionEndsAt?.toISOString() ?? null,
        },
        persons: persons.map((person) => ({
          id: person.id,
          kind: person.kind === 'EMPLOYEE' ? ('employee' as const) : ('dependent' as const),
          name: person.name,
          kana: person.kana,
          relationship: person.relationship,
          birthDate: isoDate(person.birthDate),
          addedByEmployee: person.addedByEmployee,
          status: personStatus(person.status, person.reviewStatus, submission !== null),
          draftImages: person._count.documents,
          disposedAt: person.disposedAt?.toISOString() ?? null,
        })),
      }
    },

    /** Clears the lock and the failed-attempt count of the employee's credential (NOT_FOUND without one). */
    async unlock({ operator, companyId, employeeId }: EmployeeScope): Promise<void> {
      await db.$transaction(async (tx) => {
        const credential = await tx.credential.findUnique({ where: { employeeId }, select: { id: true, failedAttempts: true, lockedUntil: true } })
        if (!credential) throw new AppError('NOT_FOUND')
        await tx.credential.update({ where: { id: credential.id }, data: { failedAttempts: 0, lockedUntil: null } })
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'credential.unlocked',
            targetId: credential.id,
            detail: { employeeId, wasLocked: credential.lockedUntil !== null && credential.lockedUntil > now(), failedAttempts: credential.failedAttempts },
          },
          tx,
        )
      })
    },
  }
}
export type Dashboard = ReturnType<typeof createDashboard>
