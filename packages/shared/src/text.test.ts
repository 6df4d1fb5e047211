import { describe, expect, it } from 'vitest'
import { hasControlCharacter, plainText } from './text.ts'

describe('hasControlCharacter', () => {
  it('refuses controls, invisible direction marks and lone surrogates', () => {
    for (const bad of ['a\u0000', '\u0007', 'x\u2028y', '\u202Eabc', '\uFEFF', 'a\uD800', '\uDFFFz', 'x\uD83D'])
      expect(hasControlCharacter(bad), JSON.stringify(bad)).toBe(true)
  })

  it('accepts Japanese text and characters outside the BMP (surrogate pairs)', () => {
    for (const good of ['総合 太郎', 'ソウゴウ タロウ', '𠮷野家', '😀', 'ﾊﾝｶｸ']) expect(hasControlCharacter(good), good).toBe(false)
    expect(plainText(10).safeParse(' 𠮷田 ').data).toBe('𠮷田')
  })
})
