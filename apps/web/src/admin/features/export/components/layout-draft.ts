import { PAYROLL_COLUMNS, PAYROLL_COLUMN_KEYS, PAYROLL_HEADER_MAX, type PayrollColumnKey, type PayrollLayout } from '@bango/shared/admin-export'
import type { DateFormat } from '@bango/shared/japanese-date'
import { columnLabels, exportText } from '../messages.ts'

/** Every column, in the order shown: the layout's columns first, then the others unticked. */
export interface LayoutDraft {
  columns: { key: PayrollColumnKey; header: string; included: boolean }[]
  dateFormat: DateFormat
  datesAsText: boolean
}

export function toDraft(layout: PayrollLayout): LayoutDraft {
  const chosen = layout.columns.map((c) => ({ ...c, included: true }))
  const rest = PAYROLL_COLUMN_KEYS.filter((key) => !layout.columns.some((c) => c.key === key)).map((key) => ({
    key,
    header: PAYROLL_COLUMNS[key].header as string,
    included: false,
  }))
  return { columns: [...chosen, ...rest], dateFormat: layout.dateFormat, datesAsText: layout.datesAsText }
}

export const toLayout = (draft: LayoutDraft): PayrollLayout => ({
  columns: draft.columns.filter((c) => c.included).map(({ key, header }) => ({ key, header: header.trim() })),
  dateFormat: draft.dateFormat,
  datesAsText: draft.datesAsText,
})

/** The row at `index` moved by `by` (−1 up, +1 down); unchanged at either end. */
export function moved<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by
  if (target < 0 || target >= rows.length) return [...rows]
  const next = [...rows]
  ;[next[index], next[target]] = [next[target]!, next[index]!]
  return next
}

/** What keeps the draft from being saved, in Japanese; none when it can be. */
export function draftProblems(draft: LayoutDraft): string[] {
  const t = exportText.layout
  const chosen = draft.columns.filter((c) => c.included)
  if (chosen.length === 0) return [t.noColumn]
  const problems: string[] = []
  const seen = new Set<string>()
  for (const column of chosen) {
    const header = column.header.trim()
    const item = columnLabels[column.key]
    if (header === '') problems.push(t.emptyHeader(item))
    else if ([...header].length > PAYROLL_HEADER_MAX) problems.push(t.longHeader(item, PAYROLL_HEADER_MAX))
    else if (seen.has(header)) problems.push(t.duplicateHeader(header))
    seen.add(header)
  }
  return problems
}
