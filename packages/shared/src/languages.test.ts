import { describe, expect, it } from 'vitest'
import { LANGUAGE_CODES, formatDay, formatDayTime, isLanguage, languageNameInJapanese } from './languages.ts'

// 2026-12-25 00:30 in Japan, still the 24th in UTC.
const AT = new Date('2026-12-24T15:30:00Z')

describe('the employee’s languages', () => {
  it('keeps the Japanese formats HR’s screens and mails already write, in Japan time', () => {
    expect(formatDay(AT, 'ja')).toBe('2026年12月25日')
    expect(formatDayTime(AT, 'ja')).toBe('2026/12/25 00:30')
  })

  it('names the month in every other language, still on Japan’s calendar day', () => {
    expect(formatDay(AT, 'en')).toBe('December 25, 2026')
    expect(formatDay(AT, 'pt')).toBe('25 de dezembro de 2026')
    expect(formatDay(AT, 'zh')).toBe('2026年12月25日')
    expect(formatDay(AT, 'vi')).toMatch(/25.*12.*2026/)
    for (const code of LANGUAGE_CODES.filter((c) => c !== 'ja')) expect(formatDayTime(AT, code)).toMatch(/00:30|12:30/)
  })

  it('knows only its five codes, and names them for HR', () => {
    expect(LANGUAGE_CODES).toEqual(['ja', 'en', 'vi', 'zh', 'pt'])
    expect([isLanguage('en'), isLanguage('EN'), isLanguage('fr'), isLanguage(null)]).toEqual([true, false, false, false])
    expect(languageNameInJapanese('vi')).toBe('ベトナム語')
  })
})
