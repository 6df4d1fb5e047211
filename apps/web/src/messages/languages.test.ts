/** Every language has exactly ja.ts's keys, lists of the same length and the same {{placeholders}}. */
import { describe, expect, test } from 'vitest'
import { en } from './en.ts'
import { ja } from './ja.ts'
import { pt } from './pt.ts'
import { vi } from './vi.ts'
import { zh } from './zh.ts'

const files = { en, pt, vi, zh }

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value }
  return Object.entries(value as object).reduce<Record<string, string>>(
    (all, [key, inner]) => ({ ...all, ...flatten(inner, prefix ? `${prefix}.${key}` : key) }),
    {},
  )
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

const source = flatten(ja)

describe.each(Object.entries(files))('%s', (_, messages) => {
  const target = flatten(messages)
  test('has every key of ja.ts and no other', () => {
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort())
  })
  test('uses the same placeholders as ja.ts', () => {
    for (const [key, text] of Object.entries(source)) {
      expect({ key, placeholders: placeholders(target[key] ?? '') }).toEqual({ key, placeholders: placeholders(text) })
    }
  })
  test('leaves no value empty', () => {
    expect(Object.entries(target).filter(([, text]) => text.trim() === '')).toEqual([])
  })
})
