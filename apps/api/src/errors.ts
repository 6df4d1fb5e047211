import type { ErrorCode } from '@bango/shared/errors'

/** HTTP status of each error code; the one place that decides it. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  HANDOFF_INVALID: 401,
  CONSENT_REQUIRED: 403,
  NOT_FOUND: 404,
  ALREADY_SUBMITTED: 409,
  PERSON_REGISTERED: 409,
  PERSON_NOT_APPLICABLE: 409,
  NOT_READY_TO_SUBMIT: 409,
  PURPOSES_CHANGED: 409,
  CAMPAIGN_CLOSED: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_IMAGE: 415,
  REGISTRATION_INVALID: 422,
  CREDENTIAL_LOCKED: 423,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SESSION_STEP_REQUIRED: 403,
  TOTP_INVALID: 401,
  ACCOUNT_LOCKED: 423,
  CONFLICT: 409,
  IMPORT_INVALID: 422,
  EMAIL_NOT_CONFIGURED: 409,
  INTERNAL: 500,
}

/** What the employee reads. Shown as-is by the SPA. */
const MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '入力内容に誤りがあります。',
  UNAUTHENTICATED: 'ログインの有効期限が切れました。お手元の URL から、もう一度ログインしてください。',
  INVALID_CREDENTIALS: 'URL またはパスワードが正しくありません。メールまたは郵送キットに記載のものをご確認ください。',
  HANDOFF_INVALID: 'この QR コードは使用済みか、有効期限が切れています。パソコンの画面で新しい QR コードを表示して読み取ってください。',
  CREDENTIAL_LOCKED: 'パスワードを続けて間違えたため、ログインを一時的に停止しています。15 分ほどしてからお試しください。',
  CONSENT_REQUIRED: '先に個人番号の利用目的をご確認のうえ「同意します」をタップしてください。',
  NOT_FOUND: '対象が見つかりません。',
  ALREADY_SUBMITTED: '登録はすでに完了しています。変更が必要な場合は人事担当者にお問い合わせください。',
  PERSON_REGISTERED: 'この方の書類は登録済みです。',
  PERSON_NOT_APPLICABLE: 'この方は対象外に設定されています。',
  REGISTRATION_INVALID: '必要な書類の画像がそろっていません。',
  NOT_READY_TO_SUBMIT: '全員分の書類を登録するか、対象外に設定してから「完了」をタップしてください。',
  PURPOSES_CHANGED: '利用目的が更新されました。画面を読み込み直して、もう一度ご確認ください。',
  CAMPAIGN_CLOSED: 'この収集依頼は受付を終了しました。人事担当者にお問い合わせください。',
  FILE_TOO_LARGE: '画像のファイルサイズが大きすぎます（15 MB まで）。',
  UNSUPPORTED_IMAGE: '画像として読み取れませんでした。JPEG または PNG の写真を選んでください。',
  RATE_LIMITED: 'アクセスが集中しています。しばらくしてからお試しください。',
  FORBIDDEN: 'This role may not do this.',
  CSRF_INVALID: 'Missing or wrong CSRF token.',
  SESSION_STEP_REQUIRED: 'Finish signing in first (second factor, enrolment or new password).',
  TOTP_INVALID: 'Wrong or expired one-time code.',
  ACCOUNT_LOCKED: 'Account locked after repeated failed sign-ins.',
  CONFLICT: 'Conflicts with an existing record.',
  IMPORT_INVALID: 'The file has errors; nothing was imported.',
  EMAIL_NOT_CONFIGURED: 'E-mail is not configured (SMTP_URL).',
  INTERNAL: '処理中に問題が発生しました。時間をおいて、もう一度お試しください。',
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number
  readonly details: unknown

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.statusCode = STATUS[code]
    this.details = options.details
  }
}
