import { afterEach, describe, expect, it, vi } from 'vitest'
import { en } from '../messages/en.ts'
import { ja } from '../messages/ja.ts'
import { pt } from '../messages/pt.ts'
import { vi as vietnamese } from '../messages/vi.ts'
import { zh } from '../messages/zh.ts'
import { applyLanguage, i18n } from './i18n.ts'
import { forPointer } from './pointer-words.ts'
import { translate } from './use-t.ts'

const touchScreen = () => vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }))
const mouse = () => vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }))

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as object).flatMap(texts)
}

/** Any form of each language's touch verb, wider than the replacements, so a new form is caught. */
const TOUCH = { ja: /タップ/, en: /\btap/i, pt: /\bto(c|qu)/i, vi: /chạm/i, zh: /轻触|点按/ }
const FILES = { ja, en, pt, vi: vietnamese, zh }

afterEach(async () => {
  await applyLanguage('ja')
})

describe('touch and mouse wording', () => {
  it.each(Object.entries(FILES))('no %s text tells a mouse user to tap', (language, messages) => {
    const touchWord = TOUCH[language as keyof typeof TOUCH]
    const left = texts(messages)
      .map((text) => forPointer(text, language, false))
      .filter((text) => touchWord.test(text))
    expect(left).toEqual([])
  })

  it('keeps the manual’s 「タップ」 on a touch screen', () => {
    touchScreen()
    expect(translate('targets.intro')).toBe('登録する方をタップしてください。ご家族に増減がある場合は、追加または対象外に設定してください。')
  })

  it('says 「クリック」 on a computer, in every text and list the app looks up', async () => {
    mouse()
    expect(translate('targets.intro')).toBe('登録する方をクリックしてください。ご家族に増減がある場合は、追加または対象外に設定してください。')
    expect(translate('errors.NOT_READY_TO_SUBMIT')).toContain('「完了」をクリックしてください')
    await applyLanguage('en')
    expect(translate('targets.submitHint')).toContain('you can click “Done”')
    const lists = i18n.t('documents.cameraUnavailableBody', { returnObjects: true }) as string[]
    expect(lists.join('\n')).not.toMatch(/\btap\b/)
  })
})
