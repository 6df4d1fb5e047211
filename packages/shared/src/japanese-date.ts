/**
 * A calendar date (`YYYY-MM-DD`) as a payroll file writes it: ISO (2026-12-07), with slashes
 * (2026/12/07) or in the Japanese era (令和8年12月7日; the first year of an era is 元年, as
 * official forms print it). An own table rather than Intl's japanese calendar: its output differs
 * between ICU versions (元年 or 1年) and a payroll file must not change with the server's Node.
 * @see https://www.cao.go.jp/others/soumu/gengou/ the era changes (平成 on 1989-01-08, 令和 on 2019-05-01)
 */

export const DATE_FORMATS = ['iso', 'slash', 'era'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: '2026-12-07（ISO）',
  slash: '2026/12/07',
  era: '令和8年12月7日（和暦）',
}

/** Each era's first day, newest first. Dates before 明治 6 (1873, the Gregorian calendar) are written as 明治 too. */
const ERAS = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-01-25' },
] as const

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** 令和8年12月7日 for 2026-12-07; 令和元年5月1日 for 2019-05-01. */
export function eraDate(isoDate: string): string {
  const [, y, m, d] = ISO_DATE.exec(isoDate) ?? []
  if (!y || !m || !d) throw new Error(`not a date: ${isoDate}`)
  const era = ERAS.find((e) => isoDate >= e.start) ?? ERAS[ERAS.length - 1]!
  const year = Number(y) - Number(era.start.slice(0, 4)) + 1
  return `${era.name}${year === 1 ? '元' : year}年${Number(m)}月${Number(d)}日`
}

/** `isoDate` in the chosen format; an empty value stays empty. */
export function formatDate(isoDate: string, format: DateFormat): string {
  if (isoDate === '') return ''
  if (format === 'slash') return isoDate.replaceAll('-', '/')
  if (format === 'era') return eraDate(isoDate)
  return isoDate
}
