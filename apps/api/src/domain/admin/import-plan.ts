/**
 * What an import would do to a campaign: rows of the file against the persons already in it.
 * Employees are matched by 社員番号, dependents by (their employee's 社員番号, 氏名). Nobody is
 * ever deleted: a person missing from the file stays as they are.
 */
import { randomUUID } from 'node:crypto'
import type { ImportResponse } from '@bango/shared/admin-import'
import { type ImportRow, dependentKey } from '@bango/shared/import-rows'

/** A person of the campaign as the import compares it (birth date as YYYY-MM-DD). */
export interface StoredPerson {
  id: string
  kind: 'EMPLOYEE' | 'DEPENDENT'
  employeeNumber: string | null
  /** For a dependent: their employee's 社員番号. */
  employerNumber: string | null
  name: string
  kana: string
  relationship: string
  birthDate: string
  email: string | null
  postalCode: string | null
  postalAddress: string | null
  /** Disposed of (廃棄): only the tombstone is left, which no import may write to. */
  disposed: boolean
}

/** One row to insert or update; `employeeId` is the dependent's employee (null for employees). */
export interface PersonWrite {
  id: string
  employeeId: string | null
  employeeNumber: string | null
  name: string
  kana: string
  relationship: string
  birthDate: string
  email: string | null
  postalCode: string | null
  postalAddress: string | null
}

interface KindPlan {
  insert: PersonWrite[]
  update: PersonWrite[]
  unchanged: number
}
export interface ImportPlan {
  employees: KindPlan
  dependents: KindPlan
}

const same = (stored: StoredPerson, next: PersonWrite) =>
  stored.name === next.name &&
  stored.kana === next.kana &&
  stored.relationship === next.relationship &&
  stored.birthDate === next.birthDate &&
  stored.email === next.email &&
  stored.postalCode === next.postalCode &&
  stored.postalAddress === next.postalAddress

function place(plan: KindPlan, stored: StoredPerson | undefined, next: Omit<PersonWrite, 'id'>) {
  if (!stored) plan.insert.push({ id: randomUUID(), ...next })
  else if (same(stored, { id: stored.id, ...next })) plan.unchanged++
  else plan.update.push({ id: stored.id, ...next })
}

/** `rows` must be valid and reference-checked (shared `readRows`, `checkEmployeeReferences`). */
export function planImport(rows: readonly ImportRow[], stored: readonly StoredPerson[]): ImportPlan {
  const employees = new Map<string, StoredPerson>()
  const dependents = new Map<string, StoredPerson>()
  for (const person of stored) {
    if (person.kind === 'EMPLOYEE' && person.employeeNumber) employees.set(person.employeeNumber, person)
    // A dependent whose employee has no 社員番号 cannot be named by a file: it is left alone.
    if (person.kind === 'DEPENDENT' && person.employerNumber) {
      const key = dependentKey(person.employerNumber, person.name)
      if (!dependents.has(key)) dependents.set(key, person)
    }
  }
  const plan: ImportPlan = { employees: { insert: [], update: [], unchanged: 0 }, dependents: { insert: [], update: [], unchanged: 0 } }
  const employeeIds = new Map<string, string>()
  for (const row of rows) {
    if (row.kind !== 'employee') continue
    const current = employees.get(row.employeeNumber)
    // No メールアドレス column: the stored address stays; no 郵便番号/住所 columns: the postal address stays.
    const email = row.email === undefined ? (current?.email ?? null) : row.email
    const postal =
      row.postal === undefined
        ? { postalCode: current?.postalCode ?? null, postalAddress: current?.postalAddress ?? null }
        : { postalCode: row.postal?.postalCode ?? null, postalAddress: row.postal?.address ?? null }
    place(plan.employees, current, {
      employeeId: null,
      employeeNumber: row.employeeNumber,
      name: row.name,
      kana: row.kana,
      relationship: row.relationship,
      birthDate: row.birthDate,
      email,
      ...postal,
    })
    employeeIds.set(row.employeeNumber, current?.id ?? plan.employees.insert.at(-1)!.id)
  }
  for (const row of rows) {
    if (row.kind !== 'dependent') continue
    const employeeId = employeeIds.get(row.employeeNumber) ?? employees.get(row.employeeNumber)?.id
    if (!employeeId) throw new Error(`dependent on line ${row.line} has no employee: check references first`)
    const current = dependents.get(dependentKey(row.employeeNumber, row.name))
    place(plan.dependents, current, {
      employeeId,
      employeeNumber: null,
      name: row.name,
      kana: row.kana,
      relationship: row.relationship,
      birthDate: row.birthDate,
      email: null,
      postalCode: null,
      postalAddress: null,
    })
  }
  return plan
}

const counts = (plan: KindPlan) => ({ new: plan.insert.length, changed: plan.update.length, unchanged: plan.unchanged })

export function summarise(plan: ImportPlan, encoding: 'utf-8' | 'shift_jis', rows: number): NonNullable<ImportResponse['summary']> {
  return { encoding, rows, employees: counts(plan.employees), dependents: counts(plan.dependents) }
}
