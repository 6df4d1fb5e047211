/**
 * Bulk writes of persons for the import: one statement per chunk of rows, the columns passed
 * as arrays and spread by `unnest` — 200,000 rows are a few dozen statements, not 200,000
 * (createMany would bind 10 parameters per row and hit PostgreSQL's 65,535 limit per chunk).
 * The chunks are cut on the import's own thread (import-job.ts) and arrive here as columns.
 */
import type { Tx } from '../../db/types.ts'
import type { PersonWrite } from './import-plan.ts'

/** One chunk of `PersonWrite`s as the arrays `unnest` takes (and a thread message carries cheaply). */
export interface PersonColumns {
  ids: string[]
  employeeIds: (string | null)[]
  employeeNumbers: (string | null)[]
  names: string[]
  kanas: string[]
  relationships: string[]
  birthDates: string[]
  emails: (string | null)[]
}

export const toColumns = (rows: readonly PersonWrite[]): PersonColumns => ({
  ids: rows.map((r) => r.id),
  employeeIds: rows.map((r) => r.employeeId),
  employeeNumbers: rows.map((r) => r.employeeNumber),
  names: rows.map((r) => r.name),
  kanas: rows.map((r) => r.kana),
  relationships: rows.map((r) => r.relationship),
  birthDates: rows.map((r) => r.birthDate),
  emails: rows.map((r) => r.email),
})

/** New persons of one kind; everything else (status, progress UNISSUED, created_at) takes its default. */
export async function insertPersons(tx: Tx, campaignId: string, kind: 'EMPLOYEE' | 'DEPENDENT', c: PersonColumns) {
  await tx.$executeRaw`
    INSERT INTO persons (id, campaign_id, employee_id, kind, employee_number, name, kana, relationship, birth_date, email)
    SELECT u.id, ${campaignId}::uuid, u.employee_id, ${kind}::"PersonKind", u.employee_number, u.name, u.kana, u.relationship, u.birth_date, u.email
    FROM unnest(${c.ids}::uuid[], ${c.employeeIds}::uuid[], ${c.employeeNumbers}::text[], ${c.names}::text[], ${c.kanas}::text[],
                ${c.relationships}::text[], ${c.birthDates}::date[], ${c.emails}::text[])
      AS u(id, employee_id, employee_number, name, kana, relationship, birth_date, email)`
}

/** What HR's file says about existing persons: name, kana, relationship, birth date, e-mail. */
export async function updatePersons(tx: Tx, campaignId: string, c: PersonColumns) {
  await tx.$executeRaw`
    UPDATE persons p
    SET name = u.name, kana = u.kana, relationship = u.relationship, birth_date = u.birth_date, email = u.email
    FROM unnest(${c.ids}::uuid[], ${c.names}::text[], ${c.kanas}::text[], ${c.relationships}::text[], ${c.birthDates}::date[], ${c.emails}::text[])
      AS u(id, name, kana, relationship, birth_date, email)
    WHERE p.id = u.id AND p.campaign_id = ${campaignId}::uuid`
}
