/**
 * Bulk writes of persons for the import: one statement per chunk of rows, the rows passed as
 * one JSON parameter and spread by `json_to_recordset` — 200,000 rows are a few dozen
 * statements, not 200,000 (createMany would bind 10 parameters per row and hit PostgreSQL's
 * 65,535 limit per chunk). The chunks are cut on the import's own thread (import-job.ts).
 */
import type { Tx } from '../../db/types.ts'
import type { PersonWrite } from './import-plan.ts'

/**
 * A chunk of `PersonWrite`s as one JSON text of `json_to_recordset`'s records: made on the
 * import's thread, it crosses the server's thread as a single string, never as an object per person.
 */
export type PersonChunk = string & { readonly __brand: 'PersonChunk' }

export const toChunk = (rows: readonly PersonWrite[]) =>
  JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      employee_id: r.employeeId,
      employee_number: r.employeeNumber,
      name: r.name,
      kana: r.kana,
      relationship: r.relationship,
      birth_date: r.birthDate,
      email: r.email,
      postal_code: r.postalCode,
      postal_address: r.postalAddress,
    })),
  ) as PersonChunk

/** New persons of one kind; everything else (status, progress UNISSUED, created_at) takes its default. */
export async function insertPersons(tx: Tx, campaignId: string, kind: 'EMPLOYEE' | 'DEPENDENT', chunk: PersonChunk) {
  await tx.$executeRaw`
    INSERT INTO persons (id, campaign_id, employee_id, kind, employee_number, name, kana, relationship, birth_date, email, postal_code, postal_address)
    SELECT u.id, ${campaignId}::uuid, u.employee_id, ${kind}::"PersonKind", u.employee_number, u.name, u.kana, u.relationship, u.birth_date, u.email,
      u.postal_code, u.postal_address
    FROM json_to_recordset(${chunk}::json)
      AS u(id uuid, employee_id uuid, employee_number text, name text, kana text, relationship text, birth_date date, email text,
        postal_code text, postal_address text)`
}

/** What HR's file says about existing persons: name, kana, relationship, birth date, e-mail, postal address. */
export async function updatePersons(tx: Tx, campaignId: string, chunk: PersonChunk) {
  await tx.$executeRaw`
    UPDATE persons p
    SET name = u.name, kana = u.kana, relationship = u.relationship, birth_date = u.birth_date, email = u.email,
      postal_code = u.postal_code, postal_address = u.postal_address
    FROM json_to_recordset(${chunk}::json)
      AS u(id uuid, name text, kana text, relationship text, birth_date date, email text, postal_code text, postal_address text)
    WHERE p.id = u.id AND p.campaign_id = ${campaignId}::uuid`
}
