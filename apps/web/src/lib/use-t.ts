/**
 * The one way employee components read text: `t('documents.title', { name })` with keys
 * typed from messages/ja.ts, and `list('documents.photoNotes')` for bullet lists.
 * Re-renders when the language changes (react-i18next).
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListKey, MessageKey } from '../messages/types.ts'
import { i18n } from './i18n.ts'

export type Values = Record<string, string | number>
type Lookup = (key: string, options?: object) => unknown

export function useT() {
  const { t } = useTranslation(undefined, { i18n })
  return useMemo(() => bind(t as Lookup), [t])
}

/** Outside React (e.g. turning an API error code into text): the current language. */
export const translate = (key: MessageKey, values?: Values): string => String((i18n.t as Lookup)(key, values))

function bind(lookup: Lookup) {
  return {
    t: (key: MessageKey, values?: Values): string => String(lookup(key, values)),
    list: (key: ListKey): readonly string[] => lookup(key, { returnObjects: true }) as readonly string[],
  }
}
