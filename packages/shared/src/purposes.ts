/**
 * 個人番号の利用目的 as the employee reads them (ADR 050): the campaign's purposes are Japanese;
 * a default purpose has a built-in wording in every language, and HR may give its own, per
 * language and purpose (`purposeTranslations`). A purpose with neither is shown in Japanese, and
 * the consent screen says so. A consent records the texts shown, in the language shown.
 * @see docs/decisions/050-languages-of-consent-and-mail.md
 */
import { z } from 'zod'
import { type Language, TRANSLATED_LANGUAGES, type TranslatedLanguage } from './languages.ts'
import { hasControlCharacter } from './text.ts'

export const DEFAULT_PURPOSES = ['源泉徴収票作成事務', '健康保険・厚生年金保険届出事務', '雇用保険届出事務', '国民年金第三号被保険者届出事務'] as const
export type DefaultPurpose = (typeof DEFAULT_PURPOSES)[number]

/** The default purposes in each language, the official Japanese term beside (as the wizard names documents). */
export const DEFAULT_PURPOSE_WORDINGS: Record<DefaultPurpose, Record<TranslatedLanguage, string>> = {
  源泉徴収票作成事務: {
    en: 'Preparing your withholding tax statement (源泉徴収票)',
    vi: 'Lập phiếu khấu trừ thuế thu nhập tại nguồn (源泉徴収票)',
    zh: '制作预扣所得税凭单（源泉徴収票）',
    pt: 'Emissão do comprovante de rendimentos e de imposto retido na fonte (源泉徴収票)',
  },
  '健康保険・厚生年金保険届出事務': {
    en: 'Notifications to health insurance and employees’ pension insurance (健康保険・厚生年金保険)',
    vi: 'Thủ tục khai báo bảo hiểm y tế và bảo hiểm hưu trí cho người lao động (健康保険・厚生年金保険)',
    zh: '健康保险及厚生年金保险的申报手续（健康保険・厚生年金保険）',
    pt: 'Comunicações ao seguro de saúde e ao seguro de pensão dos empregados (健康保険・厚生年金保険)',
  },
  雇用保険届出事務: {
    en: 'Notifications to employment insurance (雇用保険)',
    vi: 'Thủ tục khai báo bảo hiểm việc làm (雇用保険)',
    zh: '雇佣保险的申报手续（雇用保険）',
    pt: 'Comunicações ao seguro-emprego (雇用保険)',
  },
  国民年金第三号被保険者届出事務: {
    en: 'Notifications for a dependent spouse covered by the National Pension as a Category 3 insured person (国民年金第三号被保険者)',
    vi: 'Thủ tục khai báo vợ/chồng phụ thuộc là người được bảo hiểm loại 3 của Lương hưu quốc dân (国民年金第三号被保険者)',
    zh: '受抚养配偶作为国民年金第三类被保险人的申报手续（国民年金第三号被保険者）',
    pt: 'Comunicações do cônjuge dependente como segurado da categoria 3 da Pensão Nacional (国民年金第三号被保険者)',
  },
}

/** The built-in wording of a default purpose (its Japanese text equal to one), else null. */
export const builtInWording = (purpose: string, language: TranslatedLanguage): string | null =>
  Object.hasOwn(DEFAULT_PURPOSE_WORDINGS, purpose) ? DEFAULT_PURPOSE_WORDINGS[purpose as DefaultPurpose][language] : null

/** HR's wording of one purpose: a trimmed line, empty when HR gives none. */
const wordingSchema = z
  .string()
  .trim()
  .max(200)
  .refine((value) => !hasControlCharacter(value), '制御文字は使えません')

type Wordings = Partial<Record<TranslatedLanguage, string[]>>

/** Without trailing blanks, and without languages that word nothing: the same wordings are stored and compared alike. */
const normalized = (translations: Wordings): Wordings =>
  Object.fromEntries(
    Object.entries(translations)
      .map(([language, wordings]) => [language, wordings.slice(0, wordings.findLastIndex((wording) => wording !== '') + 1)] as const)
      .filter(([, wordings]) => wordings.length > 0),
  )

/** HR's wordings per translated language, in the order of `purposes` (index i words purpose i; blank: none). */
export const purposeTranslationsSchema = z.partialRecord(z.enum(TRANSLATED_LANGUAGES), z.array(wordingSchema).max(20)).overwrite(normalized)
export type PurposeTranslations = z.infer<typeof purposeTranslationsSchema>

export interface ShownPurpose {
  text: string
  /** false: nothing words the purpose in the language, and its Japanese is shown. */
  translated: boolean
}

/** Each purpose as shown in `language`: HR's wording, else the built-in one of a default purpose, else the Japanese. */
export function purposesIn(purposes: readonly string[], translations: PurposeTranslations, language: Language): ShownPurpose[] {
  if (language === 'ja') return purposes.map((text) => ({ text, translated: true }))
  return purposes.map((purpose, index) => {
    const wording = translations[language]?.[index] || builtInWording(purpose, language)
    return wording ? { text: wording, translated: true } : { text: purpose, translated: false }
  })
}

/** The texts a consent in `language` agrees to. */
export const purposeTexts = (purposes: readonly string[], translations: PurposeTranslations, language: Language) =>
  purposesIn(purposes, translations, language).map((purpose) => purpose.text)

/** Languages with more wordings than there are purposes: a campaign request the API refuses. */
export const languagesBeyondPurposes = (purposes: readonly string[], translations: PurposeTranslations) =>
  TRANSLATED_LANGUAGES.filter((language) => (translations[language]?.length ?? 0) > purposes.length)
