/**
 * Bulk data for bench/audit-log.ts: 8 companies of uneven size (3,000 … 100 persons, 8,000 in
 * all), 25 operators each (3 administrators), and 1,000,000 audit events over the past year,
 * inserted set-wise (generate_series). Shares: 65 % employee actions (actor and target: a
 * person of the company), 27 % operator actions in their company, 5 % installation-wide
 * sign-ins (company NULL), 3 % system. A document.viewed (~4 %) names its person in the detail,
 * as the application records it. Deterministic (setseed).
 */
import type pg from 'pg'

export const COMPANY_SIZES = [3000, 2000, 1000, 800, 500, 400, 200, 100]
export const OPERATORS_PER_COMPANY = 25

const EMPLOYEE_ACTIONS = [
  'employee.login',
  'employee.login',
  'employee.login',
  'employee.login_failed',
  'employee.consented',
  'draft.image_stored',
  'draft.image_stored',
  'draft.image_stored',
  'person.registered',
  'person.unregistered',
  'person.not_applicable',
  'person.dependent_added',
  'employee.submitted',
  'employee.handoff_issued',
  'employee.handoff_redeemed',
  'employee.locked',
]
const OPERATOR_ACTIONS = [
  'campaign.created',
  'campaign.updated',
  'campaign.closed',
  'employees.imported',
  'credentials.issued',
  'credentials.reissued',
  'credentials.exported',
  'credential.unlocked',
  'email.batch_created',
  'operator.created',
  'operator.role_changed',
  'document.viewed',
  'document.viewed',
  'document.viewed',
  'person.approved',
  'person.returned',
  'number.entered',
  'number.revealed',
  'export.payroll',
  'disposal.person',
]
const INSTALLATION_ACTIONS = ['admin.login', 'admin.login', 'admin.login', 'admin.logout', 'admin.login_failed', 'admin.totp_failed', 'admin.password_changed']

export async function seedAuditEvents(sql: pg.Client, events: number): Promise<{ companyIds: string[] }> {
  const companyIds: string[] = []
  for (const [index, size] of COMPANY_SIZES.entries()) {
    const {
      rows: [company],
    } = await sql.query(`INSERT INTO companies (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`, [`ベンチ会社 ${index + 1}`])
    const {
      rows: [campaign],
    } = await sql.query(
      `INSERT INTO campaigns (id, company_id, name, purposes) VALUES (gen_random_uuid(), $1, '年末調整', ARRAY['源泉徴収票作成事務']) RETURNING id`,
      [company.id],
    )
    companyIds.push(company.id)
    await sql.query(
      `INSERT INTO persons (id, campaign_id, kind, employee_number, name, kana, relationship, birth_date)
       SELECT gen_random_uuid(), $1::uuid, 'EMPLOYEE', 'E' || lpad(i::text, 6, '0'), '社員 ' || i, 'シャイン ' || i, '本人', date '1970-01-01' + i
       FROM generate_series(1, $2) i`,
      [campaign.id, size],
    )
    await sql.query(
      `WITH o AS (INSERT INTO operators (id, email, name, password_hash)
         SELECT gen_random_uuid(), 'op' || i || '.' || $2 || '@bench.test', '担当 ' || $2 || '-' || i, 'bench' FROM generate_series(1, $3) i RETURNING id, name)
       INSERT INTO company_assignments (operator_id, company_id, role)
       SELECT id, $1::uuid, (CASE WHEN split_part(name, '-', 2)::int <= 3 THEN 'ADMINISTRATOR' ELSE 'OPERATOR' END)::"CompanyRole" FROM o`,
      [company.id, index + 1, OPERATORS_PER_COMPANY],
    )
  }
  await sql.query(`SELECT setseed(0.42)`)
  // Persons numbered 0..7,999 across companies; operators numbered within their company.
  await sql.query(`CREATE TEMP TABLE bench_persons AS
    SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS n, p.id::text AS person_id, c.company_id FROM persons p JOIN campaigns c ON c.id = p.campaign_id`)
  await sql.query(`CREATE TEMP TABLE bench_operators AS
    SELECT (row_number() OVER (PARTITION BY company_id ORDER BY operator_id) - 1)::int AS k, operator_id::text, company_id FROM company_assignments`)
  await sql.query(`CREATE INDEX ON bench_persons (n)`)
  await sql.query(`CREATE INDEX ON bench_operators (company_id, k)`)
  const persons = COMPANY_SIZES.reduce((a, b) => a + b, 0)
  await sql.query(
    `INSERT INTO audit_events (at, company_id, actor_type, actor_id, action, target_id, detail)
     SELECT s.at,
       CASE WHEN s.r < 0.92 OR s.r >= 0.97 THEN p.company_id END,
       CASE WHEN s.r < 0.65 THEN 'employee' WHEN s.r < 0.97 THEN 'operator' ELSE 'system' END,
       CASE WHEN s.r < 0.65 THEN p.person_id WHEN s.r < 0.97 THEN o.operator_id END,
       CASE WHEN s.r < 0.65 THEN ($3::text[])[1 + s.a % cardinality($3::text[])]
            WHEN s.r < 0.92 THEN ($4::text[])[1 + s.a % cardinality($4::text[])]
            WHEN s.r < 0.97 THEN ($5::text[])[1 + s.a % cardinality($5::text[])]
            ELSE 'draft.purged' END,
       CASE WHEN s.r < 0.92 THEN p.person_id WHEN s.r < 0.97 THEN o.operator_id END,
       CASE WHEN s.r >= 0.65 AND s.r < 0.92 AND ($4::text[])[1 + s.a % cardinality($4::text[])] = 'document.viewed'
              THEN jsonb_build_object('n', s.g, 'personId', p.person_id)
            WHEN s.r < 0.92 THEN jsonb_build_object('n', s.g) END
     FROM (
       SELECT g, now() - interval '365 days' + g * (interval '365 days' / $1) AS at, random() AS r,
         floor(random() * $2)::int AS pn, floor(random() * ${OPERATORS_PER_COMPANY})::int AS k, floor(random() * 1000)::int AS a
       FROM generate_series(1, $1) g
     ) s
     JOIN bench_persons p ON p.n = s.pn
     JOIN bench_operators o ON o.company_id = p.company_id AND o.k = s.k
     ORDER BY s.g`,
    [events, persons, EMPLOYEE_ACTIONS, OPERATOR_ACTIONS, INSTALLATION_ACTIONS],
  )
  // Autovacuum would do this soon after: statistics and the visibility map.
  await sql.query('VACUUM ANALYZE audit_events')
  await sql.query('ANALYZE')
  return { companyIds }
}
