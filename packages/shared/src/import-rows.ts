/**
 * Validation of a whole import file once it is parsed into records: the header, every row,
 * and what rows say about each other. A row is a dependent when 扶養者の社員番号 is filled,
 * otherwise the employee. Every problem is reported (line, column, reason), none stops the
 * check, so HR can fix the file in one go. Pure: the API adds the campaign's employees.
 */
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type ImportColumn, type ImportError } from './admin-import.ts'
import { readCsvField } from './csv-formats.ts'
import { type FieldResult, readBirthDate, readEmail, readEmployeeNumber, readKana, readPostalCode, readText } from './import-fields.ts'
import { hasControlCharacter } from './text.ts'
import { IMPORT_MESSAGES as M } from './import-messages.ts'

/** メールアドレス, 扶養者の社員番号, 郵便番号 and 住所 may be left out (a file of employees only, no e-mail). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄']
export const LIMITS = { name: 100, kana: 100, relationship: 30, address: 200 } as const

/** A parsed CSV record and the physical line it starts on (header = 1). */
export interface CsvRecord {
  line: number
  fields: string[]
}

interface PersonRow {
  line: number
  name: string
  kana: string
  /** YYYY-MM-DD */
  birthDate: string
}
export interface EmployeeRow extends PersonRow {
  kind: 'employee'
  employeeNumber: string
  relationship: '本人'
  /** null: no address; undefined: the file has no メールアドレス column (keep what is stored). */
  email: string | null | undefined
  /** 郵便番号 (NNN-NNNN) and 住所 for the postal kit: null, none; undefined, no such column (keep what is stored). */
  postal: { postalCode: string; address: string } | null | undefined
}
export interface DependentRow extends PersonRow {
  kind: 'dependent'
  /** The 社員番号 of the employee the dependent belongs to. */
  employeeNumber: string
  relationship: string
}
export type ImportRow = EmployeeRow | DependentRow

export type ColumnIndex = Partial<Record<ImportColumn, number>>

const isColumn = (name: string): name is ImportColumn => (IMPORT_COLUMNS as readonly string[]).includes(name)

export function readHeader(fields: readonly string[]): { columns: ColumnIndex; errors: ImportError[] } {
  const columns: ColumnIndex = {}
  const errors: ImportError[] = []
  fields.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim()
    if (!isColumn(name)) errors.push({ line: 1, column: name, message: M.unknownColumn(IMPORT_COLUMNS) })
    else if (columns[name] !== undefined) errors.push({ line: 1, column: name, message: M.duplicateColumn })
    else columns[name] = index
  })
  for (const name of REQUIRED_COLUMNS) {
    if (columns[name] === undefined) errors.push({ line: 1, column: name, message: M.missingColumn })
  }
  return { columns, errors }
}

/** One data row; `today` is the date in Japan (YYYY-MM-DD), the latest birth date allowed. */
export function readRow(fields: readonly string[], columns: ColumnIndex, width: number, line: number, today: string) {
  const errors: ImportError[] = []
  if (fields.length !== width) return { row: null, errors: [{ line, column: null, message: M.columnCount(width, fields.length) }] }
  // A `'` Bango's writer put before a formula start is not part of the value (ADR 032).
  const cell = (column: ImportColumn) => {
    const index = columns[column]
    return index === undefined ? '' : readCsvField(fields[index] ?? '')
  }
  for (const column of IMPORT_COLUMNS) {
    if (hasControlCharacter(cell(column))) errors.push({ line, column, message: M.controlCharacter })
  }
  if (errors.length > 0) return { row: null, errors }

  const take = <T>(column: ImportColumn, result: FieldResult<T>): T | undefined => {
    if (result.ok) return result.value
    errors.push({ line, column, message: result.message })
    return undefined
  }
  const name = take('氏名', readText(cell('氏名'), LIMITS.name))
  const kana = take('フリガナ', readKana(cell('フリガナ'), LIMITS.kana))
  const birthDate = take('生年月日', readBirthDate(cell('生年月日'), today))
  const employerNumber = cell('扶養者の社員番号').trim()
  const relationship = cell('続柄').trim()

  if (employerNumber === '') {
    const employeeNumber = take('社員番号', readEmployeeNumber(cell('社員番号')))
    if (relationship !== '' && relationship !== '本人') errors.push({ line, column: '続柄', message: M.employeeRelationship })
    const email = columns.メールアドレス === undefined ? undefined : take('メールアドレス', readEmail(cell('メールアドレス')))
    const postal = readPostal(cell, columns, take, errors, line)
    if (errors.length > 0) return { row: null, errors }
    const row: EmployeeRow = {
      kind: 'employee',
      line,
      employeeNumber: employeeNumber!,
      name: name!,
      kana: kana!,
      birthDate: birthDate!,
      relationship: '本人',
      email,
      postal,
    }
    return { row, errors }
  }

  const employeeNumber = take('扶養者の社員番号', readEmployeeNumber(employerNumber))
  const ownNumber = cell('社員番号').normalize('NFKC').trim()
  // Some HR systems repeat the employee's number on the dependent's row: harmless.
  if (ownNumber !== '' && ownNumber !== employeeNumber) errors.push({ line, column: '社員番号', message: M.dependentEmployeeNumber })
  const dependentRelationship = take('続柄', readText(relationship, LIMITS.relationship))
  if (dependentRelationship === '本人') errors.push({ line, column: '続柄', message: M.dependentRelationship })
  if (cell('メールアドレス').trim() !== '') errors.push({ line, column: 'メールアドレス', message: M.dependentEmail })
  for (const column of ['郵便番号', '住所'] as const) if (cell(column).trim() !== '') errors.push({ line, column, message: M.dependentAddress })
  if (errors.length > 0) return { row: null, errors }
  const row: DependentRow = {
    kind: 'dependent',
    line,
    employeeNumber: employeeNumber!,
    name: name!,
    kana: kana!,
    birthDate: birthDate!,
    relationship: dependentRelationship!,
  }
  return { row, errors }
}

/** An employee's 郵便番号 and 住所 for the window envelope: both or neither. */
function readPostal(
  cell: (column: ImportColumn) => string,
  columns: ColumnIndex,
  take: <T>(column: ImportColumn, result: FieldResult<T>) => T | undefined,
  errors: ImportError[],
  line: number,
): EmployeeRow['postal'] {
  if (columns.郵便番号 === undefined && columns.住所 === undefined) return undefined
  const postalCode = take('郵便番号', readPostalCode(cell('郵便番号')))
  const address = cell('住所').trim() === '' ? null : take('住所', readText(cell('住所'), LIMITS.address))
  if (address && postalCode === null) errors.push({ line, column: '郵便番号', message: M.addressWithoutPostalCode })
  if (postalCode && address === null) errors.push({ line, column: '住所', message: M.missingAddress })
  return postalCode && address ? { postalCode, address } : null
}

/** Key of a dependent: their employee's 社員番号 and their name (how HR tells them apart). */
export const dependentKey = (employeeNumber: string, name: string) => `${employeeNumber}\u0000${name}`

/**
 * The header and every row of a file, plus duplicates within it (reported on the later line).
 * Rows whose cells are all blank (spreadsheets leave them at the end) are skipped.
 */
export function readRows(records: readonly CsvRecord[], today: string): { rows: ImportRow[]; errors: ImportError[] } {
  const [header, ...data] = records
  if (!header) return { rows: [], errors: [{ line: 0, column: null, message: M.emptyFile }] }
  const { columns, errors } = readHeader(header.fields)
  if (errors.length > 0) return { rows: [], errors }
  const filled = data.filter((record) => record.fields.some((field) => field.trim() !== ''))
  if (filled.length === 0) return { rows: [], errors: [{ line: 2, column: null, message: M.noRows }] }
  if (filled.length > IMPORT_MAX_ROWS) return { rows: [], errors: [{ line: 0, column: null, message: M.tooManyRows(IMPORT_MAX_ROWS) }] }

  const rows: ImportRow[] = []
  const employees = new Map<string, number>()
  const dependents = new Map<string, number>()
  for (const record of filled) {
    const { row, errors: rowErrors } = readRow(record.fields, columns, header.fields.length, record.line, today)
    errors.push(...rowErrors)
    if (!row) continue
    const [seen, key, column, message] =
      row.kind === 'employee'
        ? ([employees, row.employeeNumber, '社員番号', M.duplicateEmployee] as const)
        : ([dependents, dependentKey(row.employeeNumber, row.name), '氏名', M.duplicateDependent] as const)
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({ line: row.line, column, message: message(first) })
      continue
    }
    seen.set(key, row.line)
    rows.push(row)
  }
  return { rows, errors }
}

/** Each dependent's 扶養者の社員番号 must name an employee of the file or of the campaign. */
export function checkEmployeeReferences(rows: readonly ImportRow[], campaignEmployeeNumbers: ReadonlySet<string>): ImportError[] {
  const inFile = new Set(rows.flatMap((row) => (row.kind === 'employee' ? [row.employeeNumber] : [])))
  return rows
    .filter((row) => row.kind === 'dependent' && !inFile.has(row.employeeNumber) && !campaignEmployeeNumbers.has(row.employeeNumber))
    .map((row) => ({ line: row.line, column: '扶養者の社員番号', message: M.unknownEmployee }))
}

/**
 * Rows naming an employee whose documents were disposed of (廃棄): the row itself, or a
 * dependent's 扶養者. A disposed person keeps only a tombstone; an import may not write to it
 * again or add to the household.
 */
export function checkDisposedEmployees(rows: readonly ImportRow[], disposedEmployeeNumbers: ReadonlySet<string>): ImportError[] {
  return rows
    .filter((row) => disposedEmployeeNumbers.has(row.employeeNumber))
    .map((row) => ({ line: row.line, column: row.kind === 'employee' ? '社員番号' : '扶養者の社員番号', message: M.disposedEmployee }))
}

/** Errors in file order, the first `limit` of them, and how many there were. */
export function listErrors(errors: readonly ImportError[], limit: number) {
  const sorted = [...errors].sort((a, b) => a.line - b.line)
  return { errors: sorted.slice(0, limit), errorCount: errors.length }
}
