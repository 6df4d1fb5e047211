/**
 * 続柄: the one list of relationships to the employee, each with a stable code and its Japanese
 * label. The payroll export writes the code (続柄コード) beside the label. The employee wizard's
 * 続柄 is a choice among `DEPENDENT_RELATIONSHIPS`, sent as the code and stored as the label
 * (which maps back to its code exactly). 続柄 stored before the choice list was free text
 * (employees typed 「spouse」, 「長男」, 「妻」), and HR's import still takes text: `relationshipOf`
 * reads any of it; text it cannot place is その他, and the export keeps the text as stored.
 * Codes are never renumbered or reused: a payroll system may have imported them (ADR 046).
 */

export const RELATIONSHIPS = [
  { code: '00', label: '本人' },
  { code: '01', label: '配偶者' },
  { code: '02', label: '子' },
  { code: '03', label: '父' },
  { code: '04', label: '母' },
  { code: '05', label: '配偶者の父' },
  { code: '06', label: '配偶者の母' },
  { code: '07', label: '祖父' },
  { code: '08', label: '祖母' },
  { code: '09', label: '兄弟姉妹' },
  { code: '10', label: '孫' },
  { code: '99', label: 'その他' },
] as const

export type Relationship = (typeof RELATIONSHIPS)[number]
export type RelationshipCode = Relationship['code']

export const SELF: Relationship = RELATIONSHIPS[0]
export const OTHER_RELATIONSHIP: Relationship = RELATIONSHIPS[RELATIONSHIPS.length - 1]!

/** What a dependent may be, in the order a choice list shows them (本人 is the employee's alone). */
export type DependentRelationship = Exclude<Relationship, { code: '00' }>
export type DependentRelationshipCode = DependentRelationship['code']
export const DEPENDENT_RELATIONSHIPS: readonly DependentRelationship[] = RELATIONSHIPS.filter((r): r is DependentRelationship => r.code !== SELF.code)
export const DEPENDENT_RELATIONSHIP_CODES: readonly DependentRelationshipCode[] = DEPENDENT_RELATIONSHIPS.map((r) => r.code)

const byCode = new Map<string, Relationship>(RELATIONSHIPS.map((r) => [r.code, r]))
export const relationshipByCode = (code: string): Relationship | undefined => byCode.get(code)
/** The label a chosen code is stored as. */
export const relationshipLabel = (code: RelationshipCode): Relationship['label'] => byCode.get(code)!.label

/** Words people type, by the relationship they mean (after `normalize`: NFKC, lower case, no blanks or 「の」-less variants). */
const WORDS: Record<RelationshipCode, readonly string[]> = {
  '00': ['本人', '自分', 'self', 'employee'],
  '01': ['配偶者', '妻', '夫', '主人', '夫人', '家内', '奥さん', '旦那', 'spouse', 'wife', 'husband', 'partner'],
  '02': ['子', '子供', '子ども', 'こども', '実子', '養子', '息子', '娘', 'child', 'children', 'kid', 'son', 'daughter'],
  '03': ['父', '父親', '実父', '養父', 'お父さん', 'father', 'dad'],
  '04': ['母', '母親', '実母', '養母', 'お母さん', 'mother', 'mom', 'mum'],
  '05': ['配偶者の父', '義父', '義理の父', '妻の父', '夫の父', 'father-in-law', 'fatherinlaw'],
  '06': ['配偶者の母', '義母', '義理の母', '妻の母', '夫の母', 'mother-in-law', 'motherinlaw'],
  '07': ['祖父', 'おじいさん', 'おじいちゃん', 'grandfather', 'grandpa'],
  '08': ['祖母', 'おばあさん', 'おばあちゃん', 'grandmother', 'grandma'],
  '09': ['兄弟姉妹', '兄弟', '姉妹', '兄', '弟', '姉', '妹', '実兄', '実弟', '実姉', '実妹', 'sibling', 'brother', 'sister'],
  '10': ['孫', 'grandchild', 'grandson', 'granddaughter'],
  '99': ['その他'],
}

/** 長男, 次女, 三男, 末娘 …: a child by birth order. */
const CHILD_BY_ORDER = /^(長|次|[二三四五六七八九十]|末)(男|女|子|息子|娘)$|^第?[一二三四五六七八九十\d]+子$/

/** NFKC (全角英数 → ASCII), lower case, without blanks, 「さん」 or a trailing 「様」. */
const normalize = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]/g, '')
    .replace(/(さん|様)$/, '')

const WORD_CODES = new Map<string, Relationship>(
  Object.entries(WORDS).flatMap(([code, words]) => words.map((word) => [normalize(word), byCode.get(code)!] as const)),
)

/** The relationship typed text means; その他 for anything not recognised (the text itself is kept by the caller). */
export function relationshipOf(text: string): Relationship {
  const key = normalize(text)
  return WORD_CODES.get(key) ?? (CHILD_BY_ORDER.test(key) ? byCode.get('02')! : OTHER_RELATIONSHIP)
}

/** The code of a person's 続柄: the employee is always 本人, whatever their row says. */
export const relationshipCode = (text: string, isEmployee = false): RelationshipCode => (isEmployee ? SELF.code : relationshipOf(text).code)
