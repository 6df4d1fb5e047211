/**
 * Bulk data for bench/dashboard.ts: 70,000 employees and 30,000 dependents in one campaign,
 * inserted set-wise (generate_series) in a few seconds. Deterministic: the same rows each run.
 */
import type pg from 'pg'

const FAMILY: [string, string][] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
]
const GIVEN: [string, string][] = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['陽子', 'ヨウコ'],
  ['健太', 'ケンタ'],
  ['美咲', 'ミサキ'],
  ['翔', 'ショウ'],
  ['愛', 'アイ'],
  ['大輔', 'ダイスケ'],
  ['由美', 'ユミ'],
  ['誠', 'マコト'],
  ['恵', 'メグミ'],
  ['浩', 'ヒロシ'],
  ['直子', 'ナオコ'],
  ['隆', 'タカシ'],
  ['裕子', 'ユウコ'],
  ['拓也', 'タクヤ'],
  ['真由美', 'マユミ'],
  ['修', 'オサム'],
  ['春香', 'ハルカ'],
]
export const EMPLOYEES = 70_000
export const DEPENDENTS = 30_000

export async function seedPersons(sql: pg.Client, campaignId: string): Promise<string> {
  const names = [FAMILY.map((f) => f[0]), FAMILY.map((f) => f[1]), GIVEN.map((g) => g[0]), GIVEN.map((g) => g[1])]
  // Employee numbers E000001… in scrambled insertion order (48271 is prime to 70,000), progress
  // 5 % 未発行, 25 % 未ログイン, 10 % ログイン済, 10 % 同意済, 20 % 登録中, 30 % 完了.
  await sql.query(
    `INSERT INTO persons (id, campaign_id, kind, employee_number, name, kana, relationship, birth_date, email, progress)
     SELECT gen_random_uuid(), $1::uuid, 'EMPLOYEE', 'E' || lpad(((i::bigint * 48271) % $6 + 1)::text, 6, '0'),
       ($2::text[])[1 + (i * 7) % 20] || ' ' || ($4::text[])[1 + (i * 13 / 20) % 20],
       ($3::text[])[1 + (i * 7) % 20] || ' ' || ($5::text[])[1 + (i * 13 / 20) % 20],
       '本人', date '1960-01-01' + (i % 15000), 'e' || i || '@example.test',
       (CASE WHEN h < 5 THEN 'UNISSUED' WHEN h < 30 THEN 'ISSUED' WHEN h < 40 THEN 'LOGGED_IN'
             WHEN h < 50 THEN 'CONSENTED' WHEN h < 70 THEN 'IN_PROGRESS' ELSE 'SUBMITTED' END)::"EmployeeProgress"
     FROM generate_series(0, $6 - 1) i, LATERAL (SELECT (i::bigint * 2654435761) % 100 AS h) hashed`,
    [campaignId, ...names, EMPLOYEES],
  )
  await sql.query(
    `INSERT INTO credentials (id, campaign_id, employee_id, token_hash, password_hash, issued_at, last_login_at, locked_until)
     SELECT gen_random_uuid(), campaign_id, id, md5(id::text), 'bench', now() - interval '30 days',
       CASE WHEN progress >= 'LOGGED_IN' THEN now() - (hashtext(id::text) % 43200 + 43200) * interval '1 minute' END,
       CASE WHEN hashtext(id::text) % 100 = 0 THEN now() + interval '10 minutes' END
     FROM persons WHERE campaign_id = $1::uuid AND kind = 'EMPLOYEE' AND progress >= 'ISSUED'`,
    [campaignId],
  )
  await sql.query(`UPDATE persons p SET last_login_at = c.last_login_at FROM credentials c WHERE c.employee_id = p.id AND c.last_login_at IS NOT NULL`)
  await sql.query(
    `WITH employees AS (SELECT id, name, row_number() OVER (ORDER BY employee_number) AS n FROM persons WHERE campaign_id = $1::uuid)
     INSERT INTO persons (id, campaign_id, employee_id, kind, name, kana, relationship, birth_date)
     SELECT gen_random_uuid(), $1::uuid, e.id, 'DEPENDENT', split_part(e.name, ' ', 1) || ' ' || '子', 'コ', '子', date '2005-01-01' + (i % 6000)
     FROM generate_series(0, $2 - 1) i JOIN employees e ON e.n = 1 + (i::bigint * 7919) % $3`,
    [campaignId, DEPENDENTS, EMPLOYEES],
  )
  // Autovacuum would do this within a minute of a real import: statistics and the visibility map.
  await sql.query('VACUUM ANALYZE persons')
  await sql.query('VACUUM ANALYZE credentials')
  const { rows } = await sql.query(`SELECT kind, count(*)::int AS n FROM persons GROUP BY kind ORDER BY kind`)
  return rows.map((row) => `${row.n} ${String(row.kind).toLowerCase()}s`).join(', ')
}
