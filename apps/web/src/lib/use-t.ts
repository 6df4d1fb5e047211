/**
 * The one way employee components read text: `t('documents.title', { name })` with keys
 * typed from messages/ja.ts, and `list('documents.photoNotes')` for bullet lists.
 * Re-renders when the language changes (react-i18next); `language` is the one shown.
 *
 * `useT({ files: true })` — on a device where choosing a file, not the camera, is the main way
 * (a PC, a phone without a camera) — reads a key's `…_file` form where the messages have one
 * (i18next's context): 「写真を選ぶ」 where the manual, written for phones, says 「撮影する」.
 */
import type { Language } from '@bango/shared/languages'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListKey, MessageKey } from '../messages/types.ts'
import { currentLanguage, i18n } from './i18n.ts'

export type Values = Record<string, string | number>
type Lookup = (key: string, options?: object) => unknown

export interface Wording {
  /** A file, not the camera, is the main way to add an image here. */
  files: boolean
}

export function useT(wording?: Wording) {
  const { t } = useTranslation(undefined, { i18n })
  const files = wording?.files ?? false
  // useTranslation renders again on a change of language: read it each time.
  const language = currentLanguage()
  return useMemo(() => bind(t as Lookup, files ? { context: 'file' } : {}, language), [t, files, language])
}

/** Outside React (e.g. turning an API error code into text): the current language. */
export const translate = (key: MessageKey, values?: Values): string => String((i18n.t as Lookup)(key, values))

function bind(lookup: Lookup, context: { context?: 'file' }, language: Language) {
  return {
    /** The language shown, for what the messages do not hold: dates (@bango/shared/languages), the purposes. */
    language,
    t: (key: MessageKey, values?: Values): string => String(lookup(key, { ...values, ...context })),
    list: (key: ListKey): readonly string[] => lookup(key, { ...context, returnObjects: true }) as readonly string[],
  }
}
