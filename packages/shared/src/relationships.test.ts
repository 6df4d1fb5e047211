import { describe, expect, it } from 'vitest'
import { DEPENDENT_RELATIONSHIPS, RELATIONSHIPS, relationshipByCode, relationshipCode, relationshipOf } from './relationships.ts'

describe('the relationship list', () => {
  it('has one code and one label per relationship, その他 last, and offers dependents everything but 本人', () => {
    expect(new Set(RELATIONSHIPS.map((r) => r.code)).size).toBe(RELATIONSHIPS.length)
    expect(new Set(RELATIONSHIPS.map((r) => r.label)).size).toBe(RELATIONSHIPS.length)
    expect(RELATIONSHIPS.at(-1)).toEqual({ code: '99', label: 'その他' })
    expect(DEPENDENT_RELATIONSHIPS.map((r) => r.label)).not.toContain('本人')
    expect(DEPENDENT_RELATIONSHIPS).toHaveLength(RELATIONSHIPS.length - 1)
    expect(relationshipByCode('01')?.label).toBe('配偶者')
    expect(relationshipByCode('42')).toBeUndefined()
  })

  it('maps every label back to its own code (what a choice list will store)', () => {
    for (const r of RELATIONSHIPS) expect(relationshipOf(r.label)).toBe(r)
  })
})

describe('relationshipOf: the free text stored today', () => {
  it.each([
    ['spouse', '配偶者'],
    ['Wife', '配偶者'],
    [' husband ', '配偶者'],
    ['妻', '配偶者'],
    ['夫', '配偶者'],
    ['ＳＰＯＵＳＥ', '配偶者'],
    ['son', '子'],
    ['daughter', '子'],
    ['子供', '子'],
    ['子ども', '子'],
    ['長男', '子'],
    ['次女', '子'],
    ['三男', '子'],
    ['第2子', '子'],
    ['息子さん', '子'],
    ['お父さん', '父'],
    ['母親', '母'],
    ['義母', '配偶者の母'],
    ['妻の父', '配偶者の父'],
    ['mother-in-law', '配偶者の母'],
    ['祖母', '祖母'],
    ['弟', '兄弟姉妹'],
    ['sister', '兄弟姉妹'],
    ['孫', '孫'],
    ['本人', '本人'],
  ])('%s → %s', (text, label) => {
    expect(relationshipOf(text).label).toBe(label)
  })

  it.each(['同居人', 'おじ', '嫁', '', '=HYPERLINK("x")', '男', 'spouses'])('%j is その他 (the caller keeps the text)', (text) => {
    expect(relationshipOf(text).code).toBe('99')
  })

  it('makes the employee 本人 whatever their row says', () => {
    expect(relationshipCode('spouse', true)).toBe('00')
    expect(relationshipCode('spouse')).toBe('01')
  })
})
