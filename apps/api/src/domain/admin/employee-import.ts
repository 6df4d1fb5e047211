/**
 * CSV import of a campaign's employees and dependents: decode, parse, validate every row,
 * compare with the campaign, then write all of it in one transaction — or nothing. Everything
 * but the database runs on the import's own thread (import-thread.ts); this side moves pages
 * of persons there and chunks of writes back, so the event loop stays free (ADR 034).
 *
 * Answers (see routes/admin/employee-import.ts): a preview always answers with the
 * `importResponseSchema` body, errors included (`applied: false`); an import of a file with
 * any error throws IMPORT_INVALID (422) whose `details` is that same body. `summary` is null
 * whenever there are errors: counts of a file that will not be imported would mislead.
 */
import type { ImportResponse } from '@bango/shared/admin-import'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { createWorkQueue } from '../../lib/work-queue.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { CampaignScope } from './access.ts'
import { todayInJapan } from './campaign-rows.ts'
import type { ListedErrors } from './import-job.ts'
import { type ImportThread, startImportThread } from './import-thread.ts'
import { insertPersons, updatePersons } from './person-writes.ts'

/** Today in Japan (UTC+9, no daylight saving), the latest birth date a row may carry. */

const refused = (errors: ListedErrors): ImportResponse => ({ applied: false, summary: null, errors: errors.errors, errorCount: errors.errorCount })

/** Persons per page from the database to the import's thread (about 1 MB of JSON). */
const STORED_PAGE = 5_000
/** Imports whose threads run at once in this process; more wait (SERVER_BUSY past the queue). */
const IMPORT_THREADS = 2
/** 200,000 rows take tens of seconds on the embedded database of a busy machine, far past Prisma's 5 s default. */
const TRANSACTION = { timeout: 300_000, maxWait: 30_000 }

export function createEmployeeImport(db: Db, audit: AuditLog, now: () => Date) {
  /**
   * Every person of the campaign, with their employee's 社員番号 for dependents, into the import's
   * thread through a cursor (`tx` must be a transaction), a page at a time as one JSON text built
   * by the database: the server's thread copies a string per page and never makes an object per
   * person (at 200,000 persons those, and their garbage, held the event loop).
   */
  async function sendStored(campaignId: string, tx: Tx, thread: ImportThread) {
    await tx.$executeRaw`
      DECLARE import_persons NO SCROLL CURSOR FOR
      SELECT json_agg(json_build_object('id', id, 'kind', kind, 'employeeNumber', employee_number, 'employerNumber', employer_number, 'name', name,
                                        'kana', kana, 'relationship', relationship, 'birthDate', birth_date, 'email', email, 'postalCode', postal_code,
                                        'postalAddress', postal_address, 'disposed', disposed))::text AS page
      FROM (SELECT p.id, p.kind::text AS kind, p.employee_number, e.employee_number AS employer_number, p.name, p.kana, p.relationship,
                   to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.email, p.postal_code, p.postal_address, p.disposed_at IS NOT NULL AS disposed, (row_number() OVER (ORDER BY p.id) - 1) / ${STORED_PAGE} AS page_number
            FROM persons p LEFT JOIN persons e ON e.id = p.employee_id
            WHERE p.campaign_id = ${campaignId}::uuid) AS stored
      GROUP BY page_number`
    for (;;) {
      const [row] = await tx.$queryRaw<{ page: string }[]>`FETCH NEXT FROM import_persons`
      if (!row) break
      thread.addStored(row.page)
    }
    await tx.$executeRaw`CLOSE import_persons`
  }

  /** Refuses a closed campaign; `lock` (the import's transaction) also holds it still until commit. */
  async function openCampaign(campaignId: string, tx: Tx, lock: boolean) {
    const [campaign] = lock
      ? await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM campaigns WHERE id = ${campaignId}::uuid`
    if (!campaign) throw new AppError('NOT_FOUND')
    if (campaign.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
  }

  const threads = createWorkQueue({ concurrency: IMPORT_THREADS, maxWaiting: 4, maxWaitMs: 60_000 })
  const withThread = <T>(run: (thread: ImportThread) => Promise<T>) =>
    threads.run(async () => {
      const thread = startImportThread(todayInJapan(now()))
      try {
        return await run(thread)
      } finally {
        await thread.close()
      }
    })

  return {
    /** What the file would do (dry run): never writes; errors are part of the answer. */
    async preview({ campaign }: CampaignScope, file: readonly Uint8Array[]): Promise<ImportResponse> {
      await openCampaign(campaign.id, db, false)
      return withThread(async (thread) => {
        const read = await thread.read(file)
        if (!read.ok) return refused(read)
        await db.$transaction((tx) => sendStored(campaign.id, tx, thread), TRANSACTION)
        const plan = await thread.plan()
        if (!plan.ok) return refused(plan)
        return { applied: false, summary: plan.summary, errors: [], errorCount: 0 }
      })
    },

    /**
     * All rows or none. The file is read before the transaction; in it the campaign row is locked
     * first, so two imports never interleave, and the writes go a chunk at a time.
     */
    async apply({ operator, campaign }: CampaignScope, file: readonly Uint8Array[]): Promise<ImportResponse> {
      await openCampaign(campaign.id, db, false)
      const answer = await withThread(async (thread) => {
        const read = await thread.read(file)
        if (!read.ok) return refused(read)
        return db.$transaction(async (tx): Promise<ImportResponse> => {
          await openCampaign(campaign.id, tx, true)
          await sendStored(campaign.id, tx, thread)
          const plan = await thread.plan()
          if (!plan.ok) return refused(plan)
          for (let chunk = await thread.nextWrite(); chunk; chunk = await thread.nextWrite()) {
            if (chunk.op === 'insert') await insertPersons(tx, campaign.id, chunk.kind, chunk.rows)
            else await updatePersons(tx, campaign.id, chunk.rows)
          }
          const { rows, encoding, employees, dependents } = plan.summary
          await audit.record(
            {
              ...byOperator(operator, campaign.companyId),
              action: 'employees.imported',
              targetId: campaign.id,
              detail: { rows, encoding, employees, dependents },
            },
            tx,
          )
          return { applied: true, summary: plan.summary, errors: [], errorCount: 0 }
        }, TRANSACTION)
      })
      if (!answer.applied) throw new AppError('IMPORT_INVALID', { details: answer })
      return answer
    },
  }
}
export type EmployeeImport = ReturnType<typeof createEmployeeImport>
