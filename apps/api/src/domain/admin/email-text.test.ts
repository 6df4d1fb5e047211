/**
 * Every text the server sends an employee is translated (ADR 050): each language's e-mail wording
 * and each default purpose differs from the Japanese wherever the Japanese has a text, and a mail
 * put together in the language (with data in Latin letters) holds no Japanese but the official
 * names kept beside a translation. Simplified Chinese shares the Han characters: there, kana betray
 * Japanese left behind. The wizard's own messages have their test in apps/web.
 */
import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import { TRANSLATED_LANGUAGES, type TranslatedLanguage } from '@bango/shared/languages'
import { DEFAULT_PURPOSES, DEFAULT_PURPOSE_WORDINGS } from '@bango/shared/purposes'
import { describe, expect, it } from 'vitest'
import { MAIL_WORDINGS, type MailContext, credentialsMail, reminderMail, returnNoticeMail } from './email-text.ts'

/** Official Japanese names a translation keeps beside its own words (longest first, so a long one is taken whole). */
const OFFICIAL_NAMES = [
  ...Object.values(DOCUMENT_TYPE_LABELS),
  '個人番号が記載された住民票の写し',
  'マイナンバーカード',
  'マイナンバー',
  '個人番号',
  '運転免許証',
  '差し戻し',
  '源泉徴収票',
  '健康保険・厚生年金保険',
  '雇用保険',
  '国民年金第三号被保険者',
].sort((a, b) => b.length - a.length)

const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/u
const KANA = /[\u3040-\u30ff]/u

/** What is left of Japanese in `text` once the official names are taken out, or null. */
function japaneseLeft(text: string, language: TranslatedLanguage): string | null {
  const rest = OFFICIAL_NAMES.reduce((left, name) => left.replaceAll(name, ''), text)
  const line = rest.split('\n').find((l) => (language === 'zh' ? KANA : JAPANESE).test(l))
  return line ?? null
}

/** Every string of a wording, by its path. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`))
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

const context = (language: TranslatedLanguage): MailContext => ({
  to: 'taro@example.test',
  employeeName: 'Taro Sogo',
  companyName: 'Example Co.',
  campaignName: 'My Number 2026',
  deadline: new Date('2026-12-25T14:59:00Z'),
  contact: 'HR, extension 1234',
  language,
})

describe('the server’s texts for employees, in every language', () => {
  it.each(TRANSLATED_LANGUAGES)('%s: no e-mail wording is the Japanese one', (language) => {
    const japanese = new Map(leaves(MAIL_WORDINGS.ja))
    const translated = leaves(MAIL_WORDINGS[language])
    expect(translated.map(([path]) => path)).toEqual([...japanese.keys()])
    expect(translated.filter(([path, text]) => text === japanese.get(path)).map(([path]) => path)).toEqual([])
    expect(translated.filter(([, text]) => japaneseLeft(text, language) !== null).map(([path, text]) => `${path}: ${text}`)).toEqual([])
  })

  it.each(TRANSLATED_LANGUAGES)('%s: each mail as sent holds no Japanese but official names', (language) => {
    const returned = [{ name: 'Hanako Sogo', returnReason: 'blurry', returnNote: 'Back side missing' }]
    const english = credentialsMail(context(language), { url: 'https://bango.example.test/t/abc', password: 'pw' }).text.split('\nEnglish\n')[1]!
    const mails = [
      ...(language === 'en' ? [english] : []),
      reminderMail(context(language)).subject,
      reminderMail(context(language)).text,
      returnNoticeMail(context(language), returned).subject,
      returnNoticeMail(context(language), returned).text,
    ]
    expect(mails.map((text) => japaneseLeft(text, language)).filter((line) => line !== null)).toEqual([])
  })

  it.each(TRANSLATED_LANGUAGES)('%s: every default purpose has its own wording', (language) => {
    for (const purpose of DEFAULT_PURPOSES) {
      const wording = DEFAULT_PURPOSE_WORDINGS[purpose][language]
      expect(wording).not.toBe(purpose)
      expect(japaneseLeft(wording, language), wording).toBeNull()
    }
  })
})
