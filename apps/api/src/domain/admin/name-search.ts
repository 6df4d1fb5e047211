/**
 * Persons and operators found by name. Whom an audit filter may name: persons by 氏名・フリガナ
 * (any part) or 社員番号 (its start; a dependent through their household's), operators by name or
 * e-mail — within the companies whose events the caller sees (a system administrator: all); and
 * the persons the disposal records' search finds. The same keys as the dashboard's search (NFKC,
 * no spaces, hiragana read as katakana for フリガナ).
 */
import { AUDIT_SUBJECTS_LIMIT, type AuditSubjectQuery, type AuditSubjectsResponse } from '@bango/shared/admin-audit'
import type { Db } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'
import { searchKey, toKatakana } from './employee-list.ts'

/** A LIKE pattern matching values that contain `part`, its wildcards taken literally. */
export const likeContains = (part: string) => `%${part.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`

/**
 * The persons `p` (household employee `e`, may be NULL) a search text finds: part of 氏名 or
 * フリガナ, or the start of the household's 社員番号. Shared by the audit filter and the disposal records.
 */
export function personMatchSql(q: string): Prisma.Sql {
  const key = searchKey(q)
  return Prisma.sql`(p.name_key LIKE ${likeContains(key)} OR p.kana_key LIKE ${likeContains(toKatakana(key))}
    OR COALESCE(e.employee_number, p.employee_number) COLLATE "C" LIKE ${`${key.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`})`
}

interface PersonRow {
  id: string
  name: string
  employee_number: string | null
  relationship: string
  campaign_name: string
  company_name: string
}

/** `companyIds` null: every company (a system administrator without a company filter). */
export async function findAuditSubjects(db: Db, companyIds: readonly string[] | null, query: AuditSubjectQuery): Promise<AuditSubjectsResponse> {
  const inCompanies = companyIds ? Prisma.sql`c.company_id = ANY(${[...companyIds]}::uuid[])` : Prisma.sql`TRUE`
  const personWhere = query.id ? Prisma.sql`p.id = ${query.id}::uuid` : personMatchSql(query.q ?? '')
  const persons = await db.$queryRaw<PersonRow[]>(Prisma.sql`
    SELECT p.id::text AS id, p.name, COALESCE(e.employee_number, p.employee_number) AS employee_number, p.relationship,
      c.name AS campaign_name, co.name AS company_name
    FROM persons p LEFT JOIN persons e ON e.id = p.employee_id JOIN campaigns c ON c.id = p.campaign_id JOIN companies co ON co.id = c.company_id
    WHERE ${inCompanies} AND ${personWhere}
    ORDER BY p.name_key, p.id LIMIT ${AUDIT_SUBJECTS_LIMIT}`)
  const assigned = companyIds
    ? Prisma.sql`EXISTS (SELECT 1 FROM company_assignments a WHERE a.operator_id = o.id AND a.company_id = ANY(${[...companyIds]}::uuid[]))`
    : Prisma.sql`TRUE`
  const operatorWhere = query.id
    ? Prisma.sql`o.id = ${query.id}::uuid`
    : Prisma.sql`(replace(normalize(o.name, NFKC), ' ', '') LIKE ${likeContains(searchKey(query.q ?? ''))} OR o.email LIKE ${likeContains((query.q ?? '').toLowerCase())})`
  const operators = await db.$queryRaw<{ id: string; name: string; email: string }[]>(Prisma.sql`
    SELECT o.id::text AS id, o.name, o.email FROM operators o WHERE ${assigned} AND ${operatorWhere} ORDER BY o.name, o.id LIMIT ${AUDIT_SUBJECTS_LIMIT}`)
  return {
    persons: persons.map((p) => ({
      id: p.id,
      name: p.name,
      employeeNumber: p.employee_number,
      note: `${p.relationship}・${p.campaign_name}・${p.company_name}`,
    })),
    operators: operators.map((o) => ({ id: o.id, name: o.name, employeeNumber: null, note: o.email })),
  }
}

/** The ids of a company's persons a search text finds (disposal records' search). */
export async function matchingPersons(db: Db, companyId: string, q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p.id::text AS id FROM persons p LEFT JOIN persons e ON e.id = p.employee_id JOIN campaigns c ON c.id = p.campaign_id
    WHERE c.company_id = ${companyId}::uuid AND ${personMatchSql(q)}`)
  return rows.map((r) => r.id)
}
