/**
 * Every message an employee reads in another language is translated — the shared schemas'
 * refusals (`fieldErrors`) and the API's error texts included. Script detection cannot tell
 * Chinese from Japanese kanji, so a message is taken for untranslated when it is the Japanese
 * value itself, or has kana outside the brackets in which a translation gives the Japanese
 * official term beside its own words (「Notification Card (通知カード)」). Messages that are
 * rightly the same in a language are listed below, each with its reason.
 */
import { describe, expect, test } from 'vitest'
import { en } from './en.ts'
import { ja } from './ja.ts'
import { pt } from './pt.ts'
import { vi } from './vi.ts'
import { zh } from './zh.ts'

const files = { en, pt, vi, zh }
type Language = keyof typeof files

/** Keys whose value may equal the Japanese one, by language, with the reason. */
const SAME_AS_JAPANESE: Record<Language, Record<string, string>> = {
  en: { 'documents.uploadPercent': 'a number and a percent sign' },
  pt: { 'documents.uploadPercent': 'a number and a percent sign' },
  vi: { 'documents.uploadPercent': 'a number and a percent sign' },
  zh: {
    'documents.uploadPercent': 'a number and a percent sign',
    'auth.supportedBrowsers.1': 'a platform and a browser by name, after the full-width colon Chinese writes too',
    'targets.employee': '本人 is how Chinese forms name the person themself too',
    'completion.receiptSeparator': '、 is the Chinese enumeration comma too',
  },
}

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value }
  return Object.entries(value as object).reduce<Record<string, string>>(
    (all, [key, inner]) => ({ ...all, ...flatten(inner, prefix ? `${prefix}.${key}` : key) }),
    {},
  )
}

// Hiragana and katakana, without the middle dot (・), which Chinese and lists use too.
const KANA = /[\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF]/
const BRACKETED = /\([^()]*\)|（[^（）]*）/g

/** The text outside brackets, where a translation writes its own words; all of it when it is all in brackets (「 (if needed)」). */
const ownWords = (text: string) => {
  let outside = text
  for (let previous = ''; previous !== outside;) [previous, outside] = [outside, outside.replace(BRACKETED, '')]
  return outside.trim() === '' ? text : outside
}

const source = flatten(ja)

describe.each(Object.entries(files) as [Language, (typeof files)[Language]][])('%s', (language, messages) => {
  const target = flatten(messages)
  const allowed = SAME_AS_JAPANESE[language]

  test('reads the shared schemas’ codes and the API’s errors among its messages', () => {
    expect(Object.keys(target).filter((key) => key.startsWith('fieldErrors.')).length).toBeGreaterThan(0)
    expect(Object.keys(target).filter((key) => key.startsWith('errors.')).length).toBeGreaterThan(0)
  })

  test('has no message left as the Japanese one', () => {
    const same = Object.entries(source).filter(([key, text]) => target[key] === text && !(key in allowed))
    expect(same.map(([key, text]) => `${key}: ${text}`)).toEqual([])
  })

  test('writes kana only in brackets beside its own words', () => {
    const kana = Object.entries(target).filter(([key, text]) => !(key in allowed) && KANA.test(ownWords(text)))
    expect(kana.map(([key, text]) => `${key}: ${text}`)).toEqual([])
  })

  test('allows only keys that exist and are still the same as Japanese', () => {
    const stale = Object.keys(allowed).filter((key) => target[key] === undefined || target[key] !== source[key])
    expect(stale).toEqual([])
  })
})
