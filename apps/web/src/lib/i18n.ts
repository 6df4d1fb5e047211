/**
 * The employee SPA's languages (ADR 024): i18next with Japanese bundled in the first
 * load and every other language fetched by dynamic import when detected or chosen, so the
 * login stays within its budget (docs/decisions/014-employee-first-load.md). The choice is
 * remembered in localStorage under `bango-language` (a preference, not personal data).
 */
import { LANGUAGES, type Language, isLanguage } from '@bango/shared/languages'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { ja } from '../messages/ja.ts'
import type { Messages } from '../messages/types.ts'
import { forPointer } from './pointer-words.ts'

/** The list is shared (@bango/shared/languages): the API validates and stores the same codes. */
export const languages = LANGUAGES
export type { Language }

const loaders: Record<Exclude<Language, 'ja'>, () => Promise<Messages>> = {
  en: () => import('../messages/en.ts').then((m) => m.en),
  pt: () => import('../messages/pt.ts').then((m) => m.pt),
  vi: () => import('../messages/vi.ts').then((m) => m.vi),
  zh: () => import('../messages/zh.ts').then((m) => m.zh),
}

export const storageKey = 'bango-language'

export const i18n = i18next.createInstance()
void i18n
  .use(initReactI18next)
  .use({ type: 'postProcessor', name: 'pointer', process: (text: string) => forPointer(text, i18n.resolvedLanguage) })
  .init({
    lng: 'ja',
    fallbackLng: 'ja',
    resources: { ja: { translation: ja } },
    // Synchronous: the first render already has Japanese.
    initAsync: false,
    // React escapes what it renders; i18next escaping would show `&amp;` in a company name.
    interpolation: { escapeValue: false },
    returnNull: false,
    // 「タップ」 on a touch screen, 「クリック」 with a mouse (lib/pointer-words.ts).
    postProcess: ['pointer'],
  })

/** The language every screen shows now (the API is told it too: lib/api-client.ts). */
export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ja')

/** The stored choice, else the first of the browser's languages we have, else Japanese. */
export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLanguage(primary)) return primary
  }
  return 'ja'
}

/** Loads the language's messages if needed, then switches every mounted screen to it. */
export async function applyLanguage(code: Language): Promise<void> {
  if (code !== 'ja' && !i18n.hasResourceBundle(code, 'translation')) {
    i18n.addResourceBundle(code, 'translation', await loaders[code]())
  }
  await i18n.changeLanguage(code)
  const language = languages.find((l) => l.code === code)
  document.documentElement.lang = language?.htmlLang ?? 'ja'
  document.title = i18n.t('auth.title')
}

/** The user's explicit choice from the switcher: remembered for the next visit. */
export async function chooseLanguage(code: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, code)
  } catch {
    // Private mode or storage disabled: the choice still applies to this visit.
  }
  await applyLanguage(code)
}

/** At start-up: the remembered or the browser's language (Japanese needs no download). */
export function startLanguage(): Promise<void> {
  let stored: string | null
  try {
    stored = localStorage.getItem(storageKey)
  } catch {
    stored = null
  }
  const code = detectLanguage(stored, navigator.languages ?? [navigator.language])
  return code === 'ja' ? Promise.resolve() : applyLanguage(code).catch(() => undefined)
}
