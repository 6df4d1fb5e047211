import { describe, expect, it } from 'vitest'
import { DEFAULT_PURPOSES, DEFAULT_PURPOSE_WORDINGS, languagesBeyondPurposes, purposeTexts, purposeTranslationsSchema, purposesIn } from './purposes.ts'
import { LANGUAGES } from './languages.ts'

const HR_PURPOSE = '財形貯蓄事務'

describe('purposes of use in the employee’s language', () => {
  it('shows the Japanese as it is to a Japanese reader', () => {
    expect(purposesIn([DEFAULT_PURPOSES[0], HR_PURPOSE], { en: ['Salary', 'Savings'] }, 'ja')).toEqual([
      { text: DEFAULT_PURPOSES[0], translated: true },
      { text: HR_PURPOSE, translated: true },
    ])
  })

  it('words a default purpose in every language, and falls back to the Japanese of a purpose HR gave no wording for', () => {
    for (const { code } of LANGUAGES.filter((l) => l.code !== 'ja')) {
      const shown = purposesIn([...DEFAULT_PURPOSES, HR_PURPOSE], {}, code)
      expect(shown.slice(0, DEFAULT_PURPOSES.length)).toEqual(
        DEFAULT_PURPOSES.map((purpose) => ({ text: DEFAULT_PURPOSE_WORDINGS[purpose][code], translated: true })),
      )
      expect(shown.at(-1)).toEqual({ text: HR_PURPOSE, translated: false })
    }
  })

  it('prefers HR’s wording, purpose by purpose; an empty wording is none', () => {
    const translations = { en: ['Our own wording of the first', '', 'Employee savings'], vi: ['Tiết kiệm'] }
    expect(purposesIn([DEFAULT_PURPOSES[0], DEFAULT_PURPOSES[1], HR_PURPOSE], translations, 'en')).toEqual([
      { text: 'Our own wording of the first', translated: true },
      { text: DEFAULT_PURPOSE_WORDINGS[DEFAULT_PURPOSES[1]].en, translated: true },
      { text: 'Employee savings', translated: true },
    ])
    expect(purposeTexts([HR_PURPOSE, '住民税事務'], translations, 'vi')).toEqual(['Tiết kiệm', '住民税事務'])
  })

  it('accepts wordings per translated language only, each a line of at most 200 characters, blanks at the end dropped', () => {
    expect(purposeTranslationsSchema.parse({ en: [' Salary ', '', 'Savings', ' '], vi: ['', ''] })).toEqual({ en: ['Salary', '', 'Savings'] })
    expect(purposeTranslationsSchema.safeParse({ ja: ['給与'] }).success).toBe(false)
    expect(purposeTranslationsSchema.safeParse({ en: ['a'.repeat(201)] }).success).toBe(false)
    expect(purposeTranslationsSchema.safeParse({ en: ['line\nbreak'] }).success).toBe(false)
    expect(languagesBeyondPurposes(['給与'], { en: ['Salary'], pt: ['Salário', 'Poupança'] })).toEqual(['pt'])
  })
})
