/**
 * The CPU-heavy half of one import, run on its own thread (import-worker.ts): decode, parse and
 * validate the file, then — given the campaign's persons — check references, plan, and hand the
 * writes out a chunk at a time. Nothing here touches the database or the network; the file,
 * its rows and the plan live only in this thread's heap, so neither their parsing nor their
 * garbage collection holds the server's event loop (ADR 034).
 */
import { IMPORT_ERROR_LIMIT, IMPORT_MAX_LINE_CHARS, IMPORT_MAX_ROWS, type ImportError, type ImportResponse } from '@bango/shared/admin-import'
import { type ImportRow, checkDisposedEmployees, checkEmployeeReferences, listErrors, readRows } from '@bango/shared/import-rows'
import { type CsvEncoding, CsvFileError, decodeCsv, parseCsv } from '../../lib/csv-text.ts'
import { type PersonWrite, type StoredPerson, planImport, summarise } from './import-plan.ts'
import { type PersonChunk, toChunk } from './person-writes.ts'

/** Rows per write statement and per message back to the server's thread. */
export const WRITE_CHUNK = 5_000

type Summary = NonNullable<ImportResponse['summary']>
/** Errors as the answer lists them: at most IMPORT_ERROR_LIMIT, in file order, and their count. */
export type ListedErrors = Pick<ImportResponse, 'errors' | 'errorCount'>
export type ReadAnswer = { ok: true } | ({ ok: false } & ListedErrors)
export type PlanAnswer = ({ ok: true } & { summary: Summary }) | ({ ok: false } & ListedErrors)
export interface WriteChunk {
  kind: 'EMPLOYEE' | 'DEPENDENT'
  op: 'insert' | 'update'
  rows: PersonChunk
}

const listed = (errors: readonly ImportError[]) => listErrors(errors, IMPORT_ERROR_LIMIT)

function* chunked(kind: WriteChunk['kind'], op: WriteChunk['op'], rows: readonly PersonWrite[]): Generator<WriteChunk> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) yield { kind, op, rows: toChunk(rows.slice(i, i + WRITE_CHUNK)) }
}

/** `today`: the date in Japan (YYYY-MM-DD), the latest birth date a row may carry. */
export function createImportJob(today: string) {
  let received: Uint8Array[] = []
  let encoding: CsvEncoding | null = null
  let rows: ImportRow[] = []
  let stored: StoredPerson[] = []
  let writes: Generator<WriteChunk> | null = null

  return {
    /** The file, in the chunks it arrived in: all of them before `read`. */
    addBytes(chunk: Uint8Array) {
      received.push(chunk)
    },

    read(): ReadAnswer {
      const bytes = Buffer.concat(received)
      received = []
      try {
        const decoded = decodeCsv(bytes)
        // Header + IMPORT_MAX_ROWS rows (blank rows count here: a file full of them is refused too).
        const result = readRows(parseCsv(decoded.text, IMPORT_MAX_ROWS + 1, IMPORT_MAX_LINE_CHARS), today)
        if (result.errors.length > 0) return { ok: false, ...listed(result.errors) }
        encoding = decoded.encoding
        rows = result.rows
        return { ok: true }
      } catch (error) {
        if (!(error instanceof CsvFileError)) throw error
        return { ok: false, ...listed([{ line: error.line, column: null, message: error.message }]) }
      }
    },

    /** Persons of the campaign, in pages (JSON arrays of `StoredPerson`, as the database builds them): all of them before `plan`. */
    addStored(page: string) {
      for (const person of JSON.parse(page) as StoredPerson[]) stored.push(person)
    },

    plan(): PlanAnswer {
      if (!encoding) throw new Error('plan before a successful read')
      const known = new Set(stored.flatMap((p) => (p.kind === 'EMPLOYEE' && p.employeeNumber ? [p.employeeNumber] : [])))
      const disposed = new Set(stored.flatMap((p) => (p.kind === 'EMPLOYEE' && p.employeeNumber && p.disposed ? [p.employeeNumber] : [])))
      const errors = [...checkEmployeeReferences(rows, known), ...checkDisposedEmployees(rows, disposed)]
      if (errors.length > 0) return { ok: false, ...listed(errors) }
      const plan = planImport(rows, stored)
      stored = []
      const { employees, dependents } = plan
      // Employees first: new dependents point at new employees.
      writes = (function* () {
        yield* chunked('EMPLOYEE', 'insert', employees.insert)
        yield* chunked('EMPLOYEE', 'update', employees.update)
        yield* chunked('DEPENDENT', 'insert', dependents.insert)
        yield* chunked('DEPENDENT', 'update', dependents.update)
      })()
      return { ok: true, summary: summarise(plan, encoding, rows.length) }
    },

    /** The next chunk of the plan's writes; null once all are out. */
    nextWrite(): WriteChunk | null {
      if (!writes) throw new Error('writes before a plan')
      const next = writes.next()
      return next.done ? null : next.value
    },
  }
}
export type ImportJob = ReturnType<typeof createImportJob>
