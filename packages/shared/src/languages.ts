/**
 * The employee's languages (ADR 024): the wizard's switcher, the language a consent was given in
 * and the one the employee last used (persons.language), which later e-mails follow (ADR 050).
 * Japanese is the source; the others are translations beside it. No zod here: the wizard's first
 * load reads this file (ADR 014); the schema is employee-api's `languageSchema`.
 * @see docs/decisions/050-languages-of-consent-and-mail.md
 */

/** `japaneseName`: how the console names the language for HR. */
export const LANGUAGES = [
  { code: 'ja', name: '日本語', htmlLang: 'ja', japaneseName: '日本語' },
  { code: 'en', name: 'English', htmlLang: 'en', japaneseName: '英語' },
  { code: 'vi', name: 'Tiếng Việt', htmlLang: 'vi', japaneseName: 'ベトナム語' },
  { code: 'zh', name: '简体中文', htmlLang: 'zh-Hans', japaneseName: '中国語（簡体字）' },
  { code: 'pt', name: 'Português', htmlLang: 'pt-BR', japaneseName: 'ポルトガル語' },
] as const

export type Language = (typeof LANGUAGES)[number]['code']
/** A language that is a translation of the Japanese. */
export type TranslatedLanguage = Exclude<Language, 'ja'>

export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [Language, ...Language[]]
export const TRANSLATED_LANGUAGES = LANGUAGE_CODES.filter((code): code is TranslatedLanguage => code !== 'ja')

export const isLanguage = (code: unknown): code is Language => LANGUAGE_CODES.includes(code as Language)

/** The language HR reads in the console: 英語. */
export const languageNameInJapanese = (code: Language) => LANGUAGES.find((language) => language.code === code)!.japaneseName

/** The header with which the employee SPA names the language it shows, on every request to the API. */
export const LANGUAGE_HEADER = 'x-bango-language'

const dayFormats = new Map<Language, Intl.DateTimeFormat>()
const timeFormats = new Map<Language, Intl.DateTimeFormat>()
/** The locale Intl formats the language's dates and times with. */
export const intlLocale = (code: Language) => (code === 'ja' ? 'ja-JP' : LANGUAGES.find((language) => language.code === code)!.htmlLang)
const cached = (formats: Map<Language, Intl.DateTimeFormat>, code: Language, options: Intl.DateTimeFormatOptions) => {
  let format = formats.get(code)
  if (!format) formats.set(code, (format = new Intl.DateTimeFormat(intlLocale(code), { timeZone: 'Asia/Tokyo', ...options })))
  return format
}

/**
 * A day as the employee reads it, in Japan time: 2026年12月25日, December 25, 2026, 25 de
 * dezembro de 2026 — the deadline, a disposal, the e-mails.
 */
export const formatDay = (at: Date, code: Language) => cached(dayFormats, code, { dateStyle: 'long' }).format(at)

/**
 * A moment as the employee reads it, in Japan time (the words say so): Japanese keeps
 * 2026/12/07 10:00 as HR's screens write it; the other languages name the month, as a numeric
 * day and month read differently from country to country.
 */
export const formatDayTime = (at: Date, code: Language) =>
  cached(
    timeFormats,
    code,
    code === 'ja' ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } : { dateStyle: 'long', timeStyle: 'short' },
  ).format(at)
