/**
 * CSV import of a campaign's employees and dependents: decode, parse, validate every row,
 * compare with the campaign, then write all of it in one transaction — or nothing.
 *
 * Answers (see routes/admin/employee-import.ts): a preview always answers with the
 * `importResponseSchema` body, errors included (`applied: false`); an import of a file with
 * any error throws IMPORT_INVALID (422) whose `details` is that same body. `summary` is null
 * whenever there are errors: counts of a file that will not be imported would mislead.
 */
import { IMPORT_ERROR_LIMIT, IMPORT_MAX_ROWS, type ImportError, type ImportResponse } from '@bango/shared/admin-import'
import { type ImportRow, checkEmployeeReferences, listErrors, readRows } from '@bango/shared/import-rows'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type CsvEncoding, CsvFileError, decodeCsv, parseCsv } from '../../lib/csv-text.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type StoredPerson, planImport, summarise } from './import-plan.ts'
import { insertPersons, updatePersons } from './person-writes.ts'

/** Today in Japan (UTC+9, no daylight saving), the latest birth date a row may carry. */
const todayInJapan = (now: Date) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)

interface ReadFile {
  encoding: CsvEncoding | null
  rows: ImportRow[]
  errors: ImportError[]
}

function readFile(bytes: Uint8Array, today: string): ReadFile {
  try {
    const { text, encoding } = decodeCsv(bytes)
    // Header + IMPORT_MAX_ROWS rows (blank rows count here: a file full of them is refused too).
    return { encoding, ...readRows(parseCsv(text, IMPORT_MAX_ROWS + 1), today) }
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error
    return { encoding: null, rows: [], errors: [{ line: error.line, column: null, message: error.message }] }
  }
}

const refused = (errors: ImportError[]): ImportResponse => ({ applied: false, summary: null, ...listErrors(errors, IMPORT_ERROR_LIMIT) })

interface CampaignRef {
  id: string
  companyId: string
}

export function createEmployeeImport(db: Db, audit: AuditLog, now: () => Date) {
  /** One read of every person of the campaign, with their employee's 社員番号 for dependents. */
  async function storedPersons(campaignId: string, tx: Tx): Promise<StoredPerson[]> {
    const rows = await tx.$queryRaw<
      {
        id: string
        kind: 'EMPLOYEE' | 'DEPENDENT'
        employee_number: string | null
        employer_number: string | null
        name: string
        kana: string
        relationship: string
        birth_date: string
        email: string | null
      }[]
    >`
      SELECT p.id, p.kind::text AS kind, p.employee_number, e.employee_number AS employer_number, p.name, p.kana, p.relationship,
             to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.email
      FROM persons p LEFT JOIN persons e ON e.id = p.employee_id
      WHERE p.campaign_id = ${campaignId}::uuid`
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      employeeNumber: r.employee_number,
      employerNumber: r.employer_number,
      name: r.name,
      kana: r.kana,
      relationship: r.relationship,
      birthDate: r.birth_date,
      email: r.email,
    }))
  }

  /** The file against the campaign as `tx` sees it: the plan, or every error. */
  async function evaluate(campaignId: string, file: ReadFile, tx: Tx) {
    if (file.errors.length > 0 || !file.encoding) return { errors: file.errors }
    const stored = await storedPersons(campaignId, tx)
    const known = new Set(stored.flatMap((p) => (p.kind === 'EMPLOYEE' && p.employeeNumber ? [p.employeeNumber] : [])))
    const errors = checkEmployeeReferences(file.rows, known)
    if (errors.length > 0) return { errors }
    const plan = planImport(file.rows, stored)
    return { errors, plan, summary: summarise(plan, file.encoding, file.rows.length) }
  }

  /** Refuses a closed campaign; `lock` (the import's transaction) also holds it still until commit. */
  async function openCampaign(campaignId: string, tx: Tx, lock: boolean) {
    const [campaign] = lock
      ? await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM campaigns WHERE id = ${campaignId}::uuid`
    if (!campaign) throw new AppError('NOT_FOUND')
    if (campaign.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
  }

  return {
    /** What the file would do (dry run): never writes; errors are part of the answer. */
    async preview(campaign: CampaignRef, bytes: Uint8Array): Promise<ImportResponse> {
      await openCampaign(campaign.id, db, false)
      const file = readFile(bytes, todayInJapan(now()))
      const result = await evaluate(campaign.id, file, db)
      if (!result.plan) return refused(result.errors)
      return { applied: false, summary: result.summary, errors: [], errorCount: 0 }
    },

    /** All rows or none. The campaign row is locked first, so two imports never interleave. */
    async apply(operator: { operatorId: string }, campaign: CampaignRef, bytes: Uint8Array): Promise<ImportResponse> {
      await openCampaign(campaign.id, db, false)
      const file = readFile(bytes, todayInJapan(now()))
      if (file.errors.length > 0) throw new AppError('IMPORT_INVALID', { details: refused(file.errors) })
      const answer = await db.$transaction(
        async (tx) => {
          await openCampaign(campaign.id, tx, true)
          const result = await evaluate(campaign.id, file, tx)
          if (!result.plan) return refused(result.errors)
          const { employees, dependents } = result.plan
          // Employees first: new dependents point at new employees.
          await insertPersons(tx, campaign.id, 'EMPLOYEE', employees.insert)
          await updatePersons(tx, campaign.id, employees.update)
          await insertPersons(tx, campaign.id, 'DEPENDENT', dependents.insert)
          await updatePersons(tx, campaign.id, dependents.update)
          const { rows, encoding, employees: e, dependents: d } = result.summary
          await audit.record(
            {
              ...byOperator(operator, campaign.companyId),
              action: 'employees.imported',
              targetId: campaign.id,
              detail: { rows, encoding, employees: e, dependents: d },
            },
            tx,
          )
          return { applied: true, summary: result.summary, errors: [], errorCount: 0 }
        },
        // 100,000 rows take seconds, well past the 5 s default.
        { timeout: 120_000, maxWait: 30_000 },
      )
      if (!answer.applied) throw new AppError('IMPORT_INVALID', { details: answer })
      return answer
    },
  }
}
export type EmployeeImport = ReturnType<typeof createEmployeeImport>
