/**
 * The dashboard's list of a campaign's employees: search, status filter, stable sort and
 * server-side pages, in two SQL statements (the page, the total) that stay index-only at
 * 100,000 persons (indexes: prisma/migrations/20261126140000_dashboard; bench/dashboard.ts).
 *
 * Search: a prefix of 氏名, フリガナ or 社員番号. Both sides are NFKC-normalised with every space
 * removed, so 「ｿｳｺﾞｳﾀ」, 「ソウゴウ　タ」 and 「そうごう た」 (hiragana is read as katakana for
 * フリガナ) all find ソウゴウ タロウ, and 「１２」 finds 社員番号 12…. `%` and `_` are literal.
 */
import type { EmployeeListQuery, EmployeeListResponse, EmployeeProgress } from '@bango/shared/admin-dashboard'
import type { Db } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'

/**
 * The indexed keys (migration 20261126140000_dashboard). name_key and kana_key are generated
 * columns (NFKC, no spaces, "C" collation): nothing is normalised per row at query time.
 */
const KEY = {
  employeeNumber: Prisma.sql`p.employee_number COLLATE "C"`,
  kana: Prisma.sql`p.kana_key`,
  name: Prisma.sql`p.name_key`,
  progress: Prisma.sql`p.progress`,
  lastLoginAt: Prisma.sql`p.last_login_at`,
} as const

/** The search text as the indexed keys are written: NFKC, no spaces. */
export const searchKey = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '')
/** Hiragana → katakana (same offset for ぁ..ゖ), for フリガナ typed in hiragana. */
export const toKatakana = (text: string) => text.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
/** A LIKE pattern matching values that start with `prefix`, its wildcards taken literally. */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`

interface PageRow {
  id: string
  employee_number: string | null
  name: string
  kana: string
  email: string | null
  progress: string
  last_login_at: Date | null
  locked_until: Date | null
  dependent_count: number
  left_on: Date | null
}

function conditions(campaignId: string, query: EmployeeListQuery): Prisma.Sql {
  const where = [Prisma.sql`p.campaign_id = ${campaignId}::uuid`, Prisma.sql`p.kind = 'EMPLOYEE'`]
  if (query.status) where.push(Prisma.sql`p.progress = ${query.status.toUpperCase()}::"EmployeeProgress"`)
  if (query.email) where.push(query.email === 'with' ? Prisma.sql`p.email IS NOT NULL` : Prisma.sql`p.email IS NULL`)
  const key = searchKey(query.q ?? '')
  if (key) {
    where.push(Prisma.sql`(${KEY.name} LIKE ${likePrefix(key)}
      OR ${KEY.kana} LIKE ${likePrefix(toKatakana(key))}
      OR ${KEY.employeeNumber} LIKE ${likePrefix(key)})`)
  }
  return Prisma.join(where, ' AND ')
}

/**
 * Order: the key, then the id (stable across pages). NULLs follow PostgreSQL's default (last
 * ascending, first descending) so a descending page is the same index read backwards —
 * except 最終ログイン, where "never" sorts as the earliest time.
 */
function ordering(query: EmployeeListQuery, key: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  const direction = Prisma.raw(query.order === 'desc' ? 'DESC' : 'ASC')
  const nulls = query.sort === 'lastLoginAt' ? Prisma.raw(query.order === 'desc' ? 'NULLS LAST' : 'NULLS FIRST') : Prisma.empty
  return Prisma.sql`${key} ${direction} ${nulls}, ${id} ${direction}`
}

/** The two statements of a list request (exported for the bench's EXPLAIN). `at`: now, against which an expired lock shows as none. */
export function employeeListSql(campaignId: string, query: EmployeeListQuery, at: Date) {
  const where = conditions(campaignId, query)
  const key = KEY[query.sort]
  // The page's ids first (an index-only walk, however deep), then only its rows are read and joined.
  const page = Prisma.sql`
    WITH page AS (
      SELECT p.id, ${key} AS key FROM persons p WHERE ${where}
      ORDER BY ${ordering(query, key, Prisma.sql`p.id`)}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    )
    SELECT p.id, p.employee_number, p.name, p.kana, p.email, p.progress::text AS progress,
      p.last_login_at, CASE WHEN c.locked_until > ${at} THEN c.locked_until END AS locked_until,
      (SELECT count(*)::int FROM persons d WHERE d.employee_id = p.id) AS dependent_count, p.left_on
    FROM page JOIN persons p ON p.id = page.id LEFT JOIN credentials c ON c.employee_id = p.id
    ORDER BY ${ordering(query, Prisma.sql`page.key`, Prisma.sql`page.id`)}`
  const total = Prisma.sql`SELECT count(*)::int AS total FROM persons p WHERE ${where}`
  return { page, total }
}

export async function listEmployees(db: Db, campaignId: string, query: EmployeeListQuery, at: Date): Promise<EmployeeListResponse> {
  const sql = employeeListSql(campaignId, query, at)
  const page = db.$queryRaw<PageRow[]>(sql.page)
  const total = db.$queryRaw<{ total: number }[]>(sql.total)
  const [rows, [counted]] = await Promise.all([page, total])
  return {
    rows: rows.map((row) => ({
      id: row.id,
      employeeNumber: row.employee_number,
      name: row.name,
      kana: row.kana,
      email: row.email,
      progress: row.progress.toLowerCase() as EmployeeProgress,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      lockedUntil: row.locked_until?.toISOString() ?? null,
      dependentCount: row.dependent_count,
      leftOn: row.left_on?.toISOString().slice(0, 10) ?? null,
    })),
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}
