/** What HR reads for each error code: wording for the console, not for the employee. */
import type { FieldErrorCode } from '@bango/shared/field-errors'
import { RETENTION_SHORTENING_GRACE_DAYS } from '@bango/shared/settings-policy'
import type { AdminErrorCode } from '../lib/api-client.ts'

const TEXT: Record<AdminErrorCode, string> = {
  VALIDATION: '入力内容に誤りがあります。赤字の項目を確認してください。',
  UNAUTHENTICATED: 'セッションが終了しました。もう一度ログインしてください。',
  INVALID_CREDENTIALS: 'メールアドレスまたはパスワードが正しくありません。',
  HANDOFF_INVALID: 'コードが無効です。',
  CREDENTIAL_LOCKED: 'このログインはロックされています。',
  CONSENT_REQUIRED: '利用目的への同意が必要です。',
  NOT_FOUND: '対象が見つかりません。削除されたか、閲覧する権限がありません。',
  ALREADY_SUBMITTED: 'この従業員はすでに完了しています。',
  PERSON_REGISTERED: 'この方は登録済みです。',
  PERSON_NOT_APPLICABLE: 'この方は対象外に設定されています。',
  REGISTRATION_INVALID: '書類がそろっていません。',
  NOT_READY_TO_SUBMIT: 'まだ完了できません。',
  PURPOSES_CHANGED: '利用目的が変更されました。',
  FILE_TOO_LARGE: 'ファイルが大きすぎます。',
  UNSUPPORTED_IMAGE: 'この形式のファイルは扱えません。',
  RATE_LIMITED: '操作が集中しています。少し待ってからお試しください。',
  CAMPAIGN_CLOSED: 'この収集依頼は終了しています。',
  FORBIDDEN: 'この操作を行う権限がありません（取扱責任者のみ）。',
  CSRF_INVALID: '画面の有効期限が切れました。ページを再読み込みしてください。',
  SESSION_STEP_REQUIRED: 'ログイン手続きを最後まで完了してください。',
  TOTP_INVALID: '確認コードが正しくないか、期限切れです。認証アプリの最新のコードを入力してください。',
  ACCOUNT_LOCKED: 'パスワードまたは確認コードを続けて誤ったため、アカウントを 15 分間ロックしました。',
  ONE_TIME_PASSWORD_EXPIRED: '仮パスワードの有効期限（発行から 72 時間）が切れています。管理者に仮パスワードの再発行を依頼してください。',
  CONFLICT: '同じ内容がすでに登録されています。',
  IMPORT_INVALID: 'ファイルに誤りがあるため、取り込みませんでした。',
  EMAIL_NOT_CONFIGURED: 'メール送信が設定されていません（SMTP_URL）。',
  TOO_MANY_DEPENDENTS: '扶養家族の人数が上限に達しています。',
  NUMBER_MISMATCH: '1 回目と 2 回目の入力が一致しません。どちらの入力も破棄しました。最初から入力し直してください。',
  CAMPAIGN_OPEN: '収集依頼を終了してから廃棄してください。',
  CAMPAIGN_DISPOSED: 'この収集依頼の書類は廃棄済みのため、受付を再開できません。',
  NOTHING_TO_SEND: '送る相手がいません（全員が送信待ち・メールアドレスなし・対象外のいずれかです）。',
  CREDENTIAL_BATCH_ENDED: 'この発行分は、配布済み・取り消し済み・期限切れのいずれかです。ページを読み込み直してください。',
  PERSON_DISPOSED: 'この方の書類は廃棄済みです。承認・差し戻し・個人番号の記録も、認証情報の発行もできません。',
  SESSION_RECEIPT_ONLY: 'この操作はできません。',
  NETWORK_NOT_ALLOWED: 'この接続元（IP アドレス）からは利用できません。許可された社内ネットワークなどから接続してください。',
  NETWORK_EXCLUDES_CALLER: 'この設定では、いま接続しているアドレスからも利用できなくなります。保存する前に、現在の接続元を一覧に含めてください。',
  RETENTION_WITHIN_GRACE: `この変更では保存期間が ${RETENTION_SHORTENING_GRACE_DAYS} 日以内に終わり、書類がすぐに廃棄されてしまいます。保存期間の終了が ${RETENTION_SHORTENING_GRACE_DAYS} 日より先になる退職日を指定してください。`,
  SERVER_BUSY: 'サーバーが混み合っています。数秒後にお試しください。',
  INTERNAL: 'サーバーで問題が発生しました。時間をおいてお試しください。',
  NETWORK: 'サーバーに接続できません。ネットワークを確認してください。',
  UNEXPECTED: '予期しない応答がありました。ページを再読み込みしてください。',
}

export const adminErrorText = (code: AdminErrorCode) => TEXT[code]

/** Where the password asked for is the signed-in operator's own, with no e-mail address to get wrong. */
export const currentPasswordTexts: Partial<Record<AdminErrorCode, string>> = { INVALID_CREDENTIALS: '現在のパスワードが正しくありません。' }

/** What is wrong with a field, by the shared schemas' code (@bango/shared/field-errors): HR's wording. */
export const fieldErrorTexts: Record<FieldErrorCode, string> = {
  required: '入力してください',
  too_long: '入力できる文字数を超えています',
  control_character: '改行・タブなどの制御文字は使えません',
  kana_katakana: '全角カタカナで入力してください',
  birth_date: '生年月日が正しくありません',
  relationship: '続柄を一覧から選択してください',
  my_number: '個人番号が正しくありません（12 桁・チェックデジット）',
  invalid: '入力内容を確認してください',
}
