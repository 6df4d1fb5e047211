/**
 * The audit-log viewer (`GET /api/admin/audit-events`, `…/audit-events.csv`): its query, its
 * rows, and the actions the application records, with the Japanese labels the console shows.
 */
import { z } from 'zod'

/** Every action recorded in apps/api/src (`action: '…'`), by group; the viewer's 操作 select. */
export const AUDIT_ACTIONS = {
  'employee.login': '従業員ログイン',
  'employee.logout': '従業員ログアウト',
  'employee.login_failed': '従業員ログイン失敗',
  'employee.locked': '従業員ログインのロック',
  'employee.login_refused_locked': '従業員ログイン拒否（ロック中）',
  'employee.login_unknown_token': '不明な URL でのログイン',
  'employee.consented': '利用目的への同意',
  'employee.handoff_issued': 'スマートフォンへの引き継ぎ発行',
  'employee.handoff_redeemed': 'スマートフォンへの引き継ぎ',
  'employee.submitted': '完了（提出）',
  'employee.resubmitted': '完了（差し戻し後の再提出）',
  'person.dependent_added': '扶養追加',
  'person.registered': '登録する',
  'person.unregistered': '登録の取り消し',
  'person.not_applicable': '対象外にする',
  'person.applicable': '対象外の取り消し',
  'person.approved': '承認',
  'person.returned': '差し戻し',
  'person.disposed': '対象者の廃棄',
  'person.left_on_changed': '退職日の記録・変更',
  'draft.image_stored': '画像の保存（下書き）',
  'draft.image_viewed': '画像の表示（下書き・本人）',
  'draft.purged': '下書きの削除',
  'document.viewed': '画像の閲覧',
  'number.ocr_read': '個人番号の OCR 読み取り',
  'number.entry_held': '個人番号の入力（1 回目）',
  'number.entry_mismatch': '個人番号の入力の不一致',
  'number.recorded': '個人番号の記録',
  'number.revealed': '個人番号の表示',
  'admin.login': '管理者ログイン',
  'admin.logout': '管理者ログアウト',
  'admin.login_failed': '管理者ログイン失敗',
  'admin.totp_failed': '確認コードの誤り',
  'admin.recovery_code_failed': '回復コードの誤り',
  'admin.recovery_code_used': '回復コードでのログイン',
  'admin.password_check_failed': '現在のパスワードの誤り（変更・2 段階認証の無効化）',
  'admin.locked': '管理者アカウントのロック',
  'admin.login_refused_locked': '管理者ログイン拒否（ロック中）',
  'admin.login_refused_expired': '管理者ログイン拒否（仮パスワードの期限切れ）',
  'admin.login_unknown': '不明なメールアドレスでのログイン',
  'admin.totp_enabled': '2 段階認証の有効化',
  'admin.totp_disabled': '2 段階認証の無効化',
  'admin.password_changed': 'パスワード変更',
  'operator.created': '担当者の追加',
  'operator.create_refused': '担当者の追加（使用中のメールアドレス）',
  'operator.role_changed': '担当者の権限変更',
  'operator.disabled': '担当者の無効化',
  'operator.enabled': '担当者の有効化',
  'operator.unlocked': '担当者のロック解除',
  'operator.reset': '担当者のパスワード・2 段階認証のリセット',
  'operator.export_allowed': '担当者への出力の許可',
  'operator.export_revoked': '担当者の出力の許可の取り消し',
  'company.created': '会社の作成',
  'company.renamed': '会社名の変更',
  'company.settings_updated': '会社の設定の変更（接続元の制限）',
  'campaign.created': '収集依頼の作成',
  'campaign.updated': '収集依頼の変更',
  'campaign.closed': '収集依頼の終了',
  'campaign.reopened': '収集依頼の受付の再開',
  'campaign.retention_shortening_undone': '保存期間の短縮の取り消し',
  'campaign.disposed': '収集依頼の廃棄',
  'disposal.records_exported': '廃棄の記録（CSV）の出力',
  'export.payroll_csv': '給与システム用 CSV の出力',
  'export.layout_updated': '給与システム用ファイルの列の設定の変更',
  'export.documents_zip': '書類画像（ZIP）の出力',
  'employees.imported': '従業員の取り込み',
  'employees.exported': '従業員の状況一覧（CSV）の出力',
  'credentials.issued': 'ログイン情報の発行',
  'credentials.reissued': 'ログイン情報の再発行',
  'credentials.exported': 'ログイン情報の出力',
  'credentials.prepared': 'ログイン情報の発行（未配布）',
  'credentials.batch_cancelled': '未配布のログイン情報の取り消し',
  'credentials.batch_expired': '未配布のログイン情報の期限切れ',
  'credential.unlocked': '従業員ログインのロック解除',
  'email.batch_created': 'メール送信',
  'settings.updated': '設定の変更',
  'settings.networks_updated': '接続元の制限の変更',
  'audit.exported': '監査ログの出力',
  'audit.access_report': 'アクセスの報告の作成（漏えい等の報告）',
} as const satisfies Record<string, string>
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** Labels of the groups (the part before the dot), for the select's 「…すべて」 entries. */
export const AUDIT_ACTION_GROUPS = {
  employee: '従業員',
  person: '対象者',
  draft: '下書き',
  document: '提出画像',
  number: '個人番号',
  admin: '管理者アカウント',
  operator: '担当者',
  company: '会社',
  campaign: '収集依頼',
  export: '出力',
  disposal: '廃棄の記録',
  employees: '従業員の取り込み',
  credentials: 'ログイン情報',
  credential: 'ログイン情報のロック',
  email: 'メール',
  settings: '設定',
  audit: '監査ログ',
} as const satisfies Record<string, string>

/** The label of an action (actions added later than this list show as themselves). */
export const auditActionLabel = (action: string): string => (AUDIT_ACTIONS as Record<string, string>)[action] ?? action

export const AUDIT_ACTOR_TYPES = ['employee', 'operator', 'system'] as const
export const auditActorTypeSchema = z.enum(AUDIT_ACTOR_TYPES)
export type AuditActorType = z.infer<typeof auditActorTypeSchema>
export const AUDIT_ACTOR_TYPE_LABELS: Record<AuditActorType, string> = { employee: '従業員', operator: '担当者', system: 'システム' }

export const AUDIT_PAGE_LIMIT = { default: 50, max: 200 } as const

/**
 * `action`: one action (`employee.login`), or a prefix ending in `*` (`employee.*`,
 * `employee.login*`). Period: `from` inclusive, `to` exclusive. `cursor`: opaque, the
 * `nextCursor` of the previous page.
 */
export const auditEventQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorType: auditActorTypeSchema.optional(),
  actorId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z_]*(\.[a-z_]*)?\*?$/)
    .max(80)
    .optional(),
  companyId: z.uuid().optional(),
  targetId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .optional(),
  /** Events whose target or actor is this person. */
  personId: z.uuid().optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_LIMIT.max).default(AUDIT_PAGE_LIMIT.default),
})
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>
/** The filters alone (what the CSV export takes, and what `audit.exported` records). */
export type AuditEventFilter = Omit<AuditEventQuery, 'cursor' | 'limit'>

export const auditNameSchema = z.object({ name: z.string(), employeeNumber: z.string().nullable() })
export const auditDocumentSchema = z.object({
  personName: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  role: z.string(),
  slot: z.number().int(),
  side: z.string(),
  type: z.string(),
})

export const auditEventSchema = z.object({
  /** A bigint, as a string. */
  id: z.string(),
  at: z.iso.datetime(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  /** The operator's or the employee's name, when the actor is one. */
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  /** The name of the target when it is a person, an operator, a campaign or a company (a credential or submission: its employee). */
  targetName: z.string().nullable(),
  detail: z.unknown(),
  /** The 社員番号 of the actor's household, when the actor is an employee. */
  actorEmployeeNumber: z.string().nullable(),
  /** The 社員番号 of the target's household, when the target is a person (or their credential, submission, document). */
  targetEmployeeNumber: z.string().nullable(),
  /** When the target is a document: whose and which (from its row, or from the event's detail once it is disposed of). */
  targetDocument: auditDocumentSchema.nullable(),
  /** Names of the ids in `detail` (persons, operators, campaigns, companies), for auditDetailLines. */
  names: z.record(z.string(), auditNameSchema),
})
export type AuditEventRow = z.infer<typeof auditEventSchema>

export const auditEventListResponseSchema = z.object({
  events: z.array(auditEventSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
})
export type AuditEventListResponse = z.infer<typeof auditEventListResponseSchema>

/**
 * `GET /api/admin/audit-subjects`: the persons and operators a filter may name, found by
 * 氏名・フリガナ (any part) or 社員番号 (its start; a dependent by their household's) — or one
 * `id` named, for a filter opened from a link. Within what the caller's audit log shows.
 */
export const auditSubjectQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    id: z.uuid().optional(),
    companyId: z.uuid().optional(),
  })
  .refine((query) => query.q !== undefined || query.id !== undefined, { message: 'q or id is required' })
export type AuditSubjectQuery = z.infer<typeof auditSubjectQuerySchema>

export const auditSubjectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Persons: the household's 社員番号. */
  employeeNumber: z.string().nullable(),
  /** Persons: 続柄, campaign and company; operators: their e-mail address. */
  note: z.string(),
})
export type AuditSubject = z.infer<typeof auditSubjectSchema>
export const AUDIT_SUBJECTS_LIMIT = 10
export const auditSubjectsResponseSchema = z.object({ persons: z.array(auditSubjectSchema), operators: z.array(auditSubjectSchema) })
export type AuditSubjectsResponse = z.infer<typeof auditSubjectsResponseSchema>

/** The first seven columns as they always were (an auditor's tooling may read them); the readable ones after. */
export const AUDIT_CSV_HEADER = [
  '日時',
  '会社',
  '操作者種別',
  '操作者',
  '操作',
  '対象',
  '詳細',
  '操作者（氏名・社員番号）',
  '対象（説明）',
  '詳細（説明）',
] as const
