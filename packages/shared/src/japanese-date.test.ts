import { describe, expect, it } from 'vitest'
import { eraDate, formatDate } from './japanese-date.ts'

describe('formatDate', () => {
  it('writes ISO, slashes and the era', () => {
    expect(formatDate('2026-12-07', 'iso')).toBe('2026-12-07')
    expect(formatDate('2026-12-07', 'slash')).toBe('2026/12/07')
    expect(formatDate('2026-12-07', 'era')).toBe('令和8年12月7日')
    expect(formatDate('', 'era')).toBe('')
  })
})

describe('eraDate at the era boundaries', () => {
  it.each([
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1900-01-01', '明治33年1月1日'],
  ])('%s → %s', (iso, era) => {
    expect(eraDate(iso)).toBe(era)
  })

  it('agrees with ICU’s japanese calendar on every first and last day of a month since 1900 (元年 written as 1年 there)', () => {
    const icu = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    const mismatches: string[] = []
    for (let year = 1900; year <= 2040; year += 1) {
      for (let month = 0; month < 12; month += 1) {
        for (const day of [new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 0))]) {
          const iso = day.toISOString().slice(0, 10)
          const ours = eraDate(iso).replace('元年', '1年')
          const part = (type: string) => icu.formatToParts(day).find((p) => p.type === type)?.value ?? '?'
          const theirs = `${part('era')}${part('year').replace('元', '1')}年${part('month')}月${part('day')}日`
          if (ours !== theirs) mismatches.push(`${iso}: ${ours} ≠ ${theirs}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('refuses what is not a date', () => {
    expect(() => eraDate('2026/12/07')).toThrow()
  })
})
