/**
 * An audit event as an auditor reads it: persons by name and 社員番号, a document as whose and
 * which, and the detail as labelled Japanese values — never raw JSON. The console's table and
 * the CSV export use the same words. Ids inside a detail are named from `names`, which the API
 * fills for the ids of the page it answers (one batched statement).
 */
import { auditActionLabel } from './admin-audit.ts'
import { DOCUMENT_TYPE_LABELS } from './documents.ts'
import { LANGUAGES, isLanguage, languageNameInJapanese } from './languages.ts'
import { RETURN_REASON_LABELS } from './review.ts'

/** A named id: a person (with their household's 社員番号), an operator, a campaign, a company. */
export interface AuditName {
  name: string
  employeeNumber: string | null
}

/** A document an event is about (its row, or what the event's detail recorded of it). */
export interface AuditDocument {
  personName: string | null
  employeeNumber: string | null
  role: string
  slot: number
  side: string
  type: string
}

/** 「総合 花子（社員番号 E0001）」, or the name alone when the household has no 社員番号. */
export const personText = (name: string, employeeNumber: string | null | undefined) => (employeeNumber ? `${name}（社員番号 ${employeeNumber}）` : name)

const SIDES: Record<string, string> = { front: 'おもて面', back: 'うら面' }
const ROLES: Record<string, string> = { number: '番号確認書類', identity: '身元確認書類' }

/** 「総合 花子 の マイナンバーカード うら面」 (a second identity document says 「2 通目」). */
export function documentText(document: AuditDocument): string {
  const type = (DOCUMENT_TYPE_LABELS as Record<string, string>)[document.type] ?? ROLES[document.role] ?? document.type
  const which = `${type}${document.role === 'identity' && document.slot > 0 ? `（${document.slot + 1} 通目）` : ''} ${SIDES[document.side] ?? document.side}`
  return document.personName ? `${personText(document.personName, document.employeeNumber)} の ${which}` : which
}

/** Labels of the detail keys the application records (apps/api/src: `detail: { … }`). */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  personId: '対象者',
  employeeId: '従業員',
  personIds: '対象者',
  employeeIds: '従業員',
  reissuedIds: '再発行した従業員',
  campaignId: '収集依頼',
  firstEntryBy: '1 回目の入力者',
  images: '画像の枚数',
  documents: '画像の枚数',
  persons: '人数',
  count: '件数',
  rows: '行数',
  employees: '従業員の人数',
  dependents: '扶養家族の人数',
  reason: '理由',
  suggested: '読み取った番号の提示',
  readAtUpload: '提出時に読み取り済み',
  employeeEntryShown: '従業員の入力の表示',
  household: '世帯をまとめて',
  format: '形式',
  encoding: '文字コード',
  trigger: '契機',
  method: '記録の方法',
  sameOperator: '同じ担当者',
  sources: '一致した読み取り',
  replaced: '記録の置き換え',
  duplicates: '同じ番号の他の対象者',
  employeeEntry: '従業員の入力',
  numberEntered: '個人番号の入力',
  withoutNumber: '個人番号のない人数',
  role: '種類',
  slot: '書類',
  side: '面',
  type: '書類の種類',
  kind: '種別',
  batchId: '発行の単位',
  filter: '条件',
  changes: '変更',
  language: '言語',
  purposeTranslations: '利用目的の翻訳',
  before: '変更前',
  after: '変更後',
  via: '経由',
  wasLocked: 'ロック中だった',
  failedAttempts: '失敗の回数',
  remaining: '残り',
  columns: '列',
  dateFormat: '日付の形式',
  lossyCharacters: '変換できなかった文字',
  purposes: '利用目的',
  deadline: '提出期限',
  draftLifetimeHours: '下書きの保存期間（時間）',
  retentionMonths: '保存期間（月）',
  employeeEntersNumber: '従業員による個人番号の入力',
  identityByEmployment: '身元確認の省略（雇用関係）',
  contact: '問い合わせ先',
  acceptNumberAgreement: '一致した番号の記録',
  fromMonths: '変更前の保存期間（月）',
  toMonths: '変更後の保存期間（月）',
  retentionShortenings: '保存期間の短縮',
  leftOn: '退職日',
  shorteningId: '保存期間の短縮',
  draftPersonsPurged: '削除した下書きの人数',
  draftImagesPurged: '削除した下書きの画像',
  submissions: '提出済みの従業員',
  repeatsBefore: 'それまでの回数',
  systemAdmin: 'システム管理者',
  installationRequiresTotp: '2 段階認証を必須に',
  sessionsSentToEnrolment: '2 段階認証の設定に送ったセッション',
  allowedNetworks: '接続元の制限',
  from: '期間（開始）',
  to: '期間（終了）',
  actorType: '操作者種別',
  actorId: '操作者',
  action: '操作',
  companyId: '会社',
  targetId: '対象',
  operatorId: '担当者',
  q: '検索語',
}

const LABEL_ORDER = Object.keys(AUDIT_DETAIL_LABELS)

/** Values that are codes: their words. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  trigger: { person: '個別', campaign: '収集依頼ごと', retention: '保存期間の終了' },
  method: { double_entry: '2 回入力', agreement: '読み取りと入力の一致' },
  role: { number: '番号確認書類', identity: '身元確認書類', administrator: '管理者', operator: '担当者' },
  side: SIDES,
  type: DOCUMENT_TYPE_LABELS,
  via: { cli: 'サーバーのコマンド' },
  reason: RETURN_REASON_LABELS,
  format: { csv: 'CSV', xlsx: 'Excel', pdf: 'PDF' },
  encoding: { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' },
  actorType: { employee: '従業員', operator: '担当者', system: 'システム' },
  language: Object.fromEntries(LANGUAGES.map((language) => [language.code, language.japaneseName])),
}

/** Ids listed one by one up to this many; the rest as 「ほか n 件」. */
const LISTED_IDS = 5

/** In `changes`, each setting's `{ from, to }` is its value before and after (elsewhere they are a period's ends). */
const CHANGE_ENDS: Record<string, string> = { from: '変更前', to: '変更後' }

/** `setting`: the changed setting whose `{ from, to }` this is, so that its values read as that setting's. */
function valueText(key: string, value: unknown, names: Readonly<Record<string, AuditName>>, setting?: string): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'string') {
    const named = names[value]
    if (named) return personText(named.name, named.employeeNumber)
    if (key === 'action') return auditActionLabel(value)
    return VALUE_WORDS[key]?.[value] ?? value
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'なし'
    const shown = value.slice(0, LISTED_IDS).map((v) => valueText(key, v, names, setting))
    const more = value.length - shown.length
    return `${value.length} 件: ${shown.join('、')}${more > 0 ? ` ほか ${more} 件` : ''}`
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const end = setting !== undefined ? CHANGE_ENDS[k] : undefined
        if (end) return `${end}: ${valueText(setting!, v, names)}`
        const label = AUDIT_DETAIL_LABELS[k] ?? (isLanguage(k) ? languageNameInJapanese(k) : k)
        return `${label}: ${valueText(k, v, names, key === 'changes' ? k : undefined)}`
      })
      .join('、')
  }
  return String(value)
}

export interface AuditDetailLine {
  key: string
  label: string
  value: string
}

/** The detail as labelled lines; an unknown key reads 「key: value」 (its key as its label). */
export function auditDetailLines(detail: unknown, names: Readonly<Record<string, AuditName>> = {}): AuditDetailLine[] {
  if (detail === null || detail === undefined) return []
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ key: '', label: '詳細', value: valueText('', detail, names) }]
  // In the order of the labels (jsonb keeps its own key order), unknown keys last.
  const rank = (key: string) => (key in AUDIT_DETAIL_LABELS ? LABEL_ORDER.indexOf(key) : LABEL_ORDER.length)
  const entries = Object.entries(detail as Record<string, unknown>).sort(([a], [b]) => rank(a) - rank(b))
  return entries.map(([key, value]) => ({
    key,
    label: AUDIT_DETAIL_LABELS[key] ?? key,
    value: key === 'slot' && typeof value === 'number' ? `${value + 1} 通目` : valueText(key, value, names),
  }))
}

/** One line for the CSV: 「画像の枚数: 2、理由: ぼやけている」. */
export const auditDetailText = (detail: unknown, names: Readonly<Record<string, AuditName>> = {}) =>
  auditDetailLines(detail, names)
    .map((line) => `${line.label}: ${line.value}`)
    .join('、')

/** The parts of an event row the descriptions read (admin-audit's AuditEventRow has them all). */
export interface DescribedEvent {
  actorId: string | null
  actorName: string | null
  actorEmployeeNumber: string | null
  targetId: string | null
  targetName: string | null
  targetEmployeeNumber: string | null
  targetDocument: AuditDocument | null
}

export const auditActorText = (event: DescribedEvent) => (event.actorName ? personText(event.actorName, event.actorEmployeeNumber) : (event.actorId ?? ''))

/** The target in words: whose document and which, a person with their 社員番号, or the id when nothing names it. */
export function auditTargetText(event: DescribedEvent): string {
  if (event.targetDocument) return documentText(event.targetDocument)
  if (event.targetName) return personText(event.targetName, event.targetEmployeeNumber)
  return event.targetId ?? ''
}
