import { describe, expect, it } from 'vitest'
import { auditDetailLines, auditDetailText, auditTargetText, documentText } from './audit-detail.ts'

const PERSON = '44444444-4444-4444-8444-444444444444'

describe('audit detail in words', () => {
  it('labels known keys, names ids, words codes and booleans, and shows unknown keys as themselves', () => {
    const names = { [PERSON]: { name: '総合 花子', employeeNumber: 'E0001' } }
    expect(auditDetailLines({ zzz: [1, 2], reason: 'blurry', employeeId: PERSON, household: true, trigger: 'retention' }, names)).toEqual([
      { key: 'employeeId', label: '従業員', value: '総合 花子（社員番号 E0001）' },
      { key: 'reason', label: '理由', value: expect.not.stringMatching(/^blurry$/) },
      { key: 'household', label: '世帯をまとめて', value: 'はい' },
      { key: 'trigger', label: '契機', value: '保存期間の終了' },
      { key: 'zzz', label: 'zzz', value: '2 件: 1、2' },
    ])
  })

  it('lists the first ids of a long list and counts the rest; nested objects read as labelled pairs', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `id-${i}`)
    expect(auditDetailText({ personIds: ids, filter: { action: 'document.viewed', actorType: 'operator' } })).toBe(
      '対象者: 8 件: id-0、id-1、id-2、id-3、id-4 ほか 3 件、条件: 操作: 画像の閲覧、操作者種別: 担当者',
    )
  })

  it('names a consent’s language, and HR’s wordings by their language', () => {
    expect(auditDetailText({ language: 'vi' })).toBe('言語: ベトナム語')
    expect(auditDetailText({ changes: { purposeTranslations: { to: { en: ['Salary'], pt: ['Salário'] } } } })).toBe(
      '変更: 利用目的の翻訳: 変更後: 英語: 1 件: Salary、ポルトガル語: 1 件: Salário',
    )
  })

  it('reads a change as before and after, in the words of the setting changed; a period keeps its start and end', () => {
    expect(auditDetailText({ changes: { leftOn: { from: null, to: '2029-03-31' }, employeeEntersNumber: { from: false, to: true } } })).toBe(
      '変更: 退職日: 変更前: —、変更後: 2029-03-31、従業員による個人番号の入力: 変更前: いいえ、変更後: はい',
    )
    expect(auditDetailText({ from: '2026-12-01', to: '2026-12-31' })).toBe('期間（開始）: 2026-12-01、期間（終了）: 2026-12-31')
  })

  it('describes a document as whose and which, and falls back to the id when nothing names the target', () => {
    expect(documentText({ personName: '総合 花子', employeeNumber: null, role: 'identity', slot: 1, side: 'front', type: 'passport' })).toBe(
      '総合 花子 の パスポート（2 通目） おもて面',
    )
    const bare = { actorId: null, actorName: null, actorEmployeeNumber: null, targetName: null, targetEmployeeNumber: null, targetDocument: null }
    expect(auditTargetText({ ...bare, targetId: 'abc' })).toBe('abc')
  })
})
