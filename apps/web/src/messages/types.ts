/**
 * The shape every language file must have, derived from ja.ts (the source of truth): the
 * same keys, string leaves and lists of strings. A missing key is a type error; extra keys
 * and differing `{{placeholders}}` are caught by messages/languages.test.ts.
 */
import type { ja } from './ja.ts'

type Shape<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { readonly [K in keyof T]: Shape<T[K]> }

export type Messages = Shape<typeof ja>

type Paths<T, Leaf> = {
  [K in keyof T & string]: T[K] extends Leaf ? K : T[K] extends string | readonly string[] ? never : `${K}.${Paths<T[K], Leaf>}`
}[keyof T & string]

/** A key whose value is one string, e.g. `documents.title`. */
export type MessageKey = Paths<typeof ja, string>
/** A key whose value is a list of strings (bullets), e.g. `documents.photoNotes`. */
export type ListKey = Paths<typeof ja, readonly string[]>
