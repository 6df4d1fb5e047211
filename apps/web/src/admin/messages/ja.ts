/**
 * Japanese texts of the HR console (error texts by code: messages/errors.ts). Words follow
 * the product's glossary: 収集依頼 (campaign), 事務取扱担当者 (operator), 取扱責任者 (administrator).
 */
import type { CompanyRole } from '@bango/shared/admin-api'
import { formatDateTime } from '../../lib/format.ts'

export const common = {
  appName: 'Bango 管理コンソール',
  loading: '読み込み中…',
  save: '保存する',
  saving: '保存しています…',
  cancel: 'キャンセル',
  create: '作成する',
  edit: '編集',
  required: '入力してください',
  checkField: '入力内容を確認してください',
  minLength: (n: number) => `${n} 文字以上で入力してください`,
  maxLength: (n: number) => `${n} 文字以内で入力してください`,
  minNumber: (n: number) => `${n} 以上の数値を入力してください`,
  maxNumber: (n: number) => `${n} 以下の数値を入力してください`,
  wholeNumber: '整数を入力してください',
  email: 'メールアドレスの形式で入力してください',
  date: '日付を入力してください',
  none: 'なし',
  dateTime: formatDateTime,
  day: (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString('ja-JP', { dateStyle: 'medium' }),
  notFoundTitle: 'ページが見つかりません',
  backHome: 'トップへ戻る',
} as const

export const roles: Record<CompanyRole, string> = {
  administrator: '取扱責任者',
  operator: '事務取扱担当者',
}

export const layout = {
  nav: 'メインメニュー',
  company: '会社',
  companySwitch: '会社を切り替える',
  campaigns: '収集依頼',
  operators: '担当者アカウント',
  disposals: '廃棄の記録',
  companies: '会社一覧',
  settings: 'システム設定',
  companySettings: '会社の設定',
  audit: '監査ログ',
  account: 'アカウント',
  help: 'ヘルプ：安全管理措置',
  logout: 'ログアウト',
  skipToContent: '本文へ移動',
  noCompanyTitle: '担当する会社がありません',
  noCompanyBody: 'システム管理者に会社への割り当てを依頼してください。',
} as const

export const signIn = {
  loginTitle: 'ログイン',
  email: 'メールアドレス',
  password: 'パスワード',
  login: 'ログイン',
  loggingIn: '確認しています…',
  totpTitle: '確認コード',
  totpIntro: '認証アプリに表示されている 6 桁の確認コードを入力してください。',
  totpCode: '確認コード（6 桁）',
  verify: '確認する',
  verifying: '確認しています…',
  backToLogin: '別のアカウントでログインする',
  enrolmentTitle: '2 段階認証の設定',
  enrolmentIntro: 'ログインには、パスワードに加えて認証アプリ（Google Authenticator、Microsoft Authenticator など）の確認コードが必要です。',
  enrolmentSteps: [
    '認証アプリで QR コードを読み取ります。読み取れない場合は、下のキーを手入力してください。',
    '認証アプリに表示された 6 桁の確認コードを入力して「設定する」を押します。',
  ],
  qrAlt: '認証アプリで読み取る QR コード',
  secretLabel: 'キー（手入力用）',
  enrol: '設定する',
  enrolled: '2 段階認証を設定しました。',
  passwordTitle: 'パスワード変更',
  passwordForced: '初回ログインのため、またはパスワードがリセットされたため、新しいパスワードを設定してください。',
  currentPassword: '現在のパスワード',
  newPassword: '新しいパスワード',
  newPasswordHint: (n: number) => `${n} 文字以上。他のサービスと同じパスワードは使わないでください。`,
  confirmPassword: '新しいパスワード（確認）',
  passwordMismatch: '新しいパスワードが一致しません',
  changePassword: 'パスワードを変更する',
  passwordChanged: 'パスワードを変更しました。ほかの端末のログインは終了しました。',
} as const

export const account = {
  title: 'アカウント',
  name: '氏名',
  email: 'メールアドレス',
  totpTitle: '2 段階認証',
  totpOn: '有効',
  totpOff: '無効',
  totpEnable: '2 段階認証を設定する',
  totpDisable: '2 段階認証を無効にする',
  totpDisableConfirm:
    '2 段階認証を無効にすると、ログインがパスワードだけになります。確認のため、パスワードと認証アプリの確認コードを入力してください。ほかの端末のログインは終了します。',
  currentPassword: '現在のパスワード',
  totpDisabled: '2 段階認証を無効にしました。',
  passwordTitle: 'パスワード',
  passwordChange: 'パスワードを変更する',
  expiresAt: (time: string) => `このログインは ${time} に終了します（操作がない場合はそれより前に終了します）。`,
} as const

export const companies = {
  title: '会社一覧',
  name: '会社名',
  role: 'あなたの権限',
  createdAt: '登録日',
  actions: '操作',
  createTitle: '会社を登録する',
  create: '登録する',
  created: (name: string) => `「${name}」を登録しました。`,
  rename: '名前を変更',
  renameLabel: (name: string) => `「${name}」の新しい会社名`,
  renameSave: '変更を保存',
  renamed: '会社名を変更しました。',
  empty: '会社はまだ登録されていません。',
  open: (name: string) => `${name} の収集依頼`,
} as const

export const campaigns = {
  title: '収集依頼',
  titleOf: (company: string) => `${company} の収集依頼`,
  create: '新しい収集依頼',
  empty: 'まだ収集依頼がありません。「新しい収集依頼」から作成してください。',
  name: '名称',
  status: '状態',
  statuses: { open: '受付中', closed: '終了' },
  deadline: '提出期限',
  createdAt: '作成日',
  actions: '操作',
  settings: '設定',
  newTitle: '収集依頼の作成',
  editTitle: (name: string) => `収集依頼の設定：${name}`,
  purposes: '個人番号の利用目的',
  purposesHint: '従業員が「同意します」の前に読む一覧です。1 行に 1 つの目的を入力します。',
  purposeLabel: (n: number) => `利用目的 ${n}`,
  addPurpose: '利用目的を追加',
  removePurpose: (n: number) => `利用目的 ${n} を削除`,
  wordings: '利用目的の翻訳（任意）',
  wordingsHint:
    '従業員が選んだ言語で同意画面に表示する訳文です。空欄の目的は、標準の利用目的なら用意された訳文を、それ以外は日本語のまま「日本語のみ」の注記をつけて表示します。利用目的の日本語を変えたときは、訳文も見直してください。',
  wordingsOf: (language: string, given: number, total: number) => `${language}：${given} / ${total} 件入力`,
  wordingBuiltIn: (wording: string) => `空欄のときは標準の訳文：${wording}`,
  wordingFallback: '空欄のときは日本語のまま表示します。',
  deadlineHint: '空欄にすると期限なし。従業員の画面に表示されます。',
  draftLifetime: '下書きの保存期間（時間）',
  draftLifetimeHint: '「完了」していない撮影画像は、この時間が過ぎると削除されます。',
  retention: '保管期間（月）',
  retentionHint:
    '提出された書類を保管する期間。各従業員の「完了」の翌年 1 月 11 日（退職日を記録し、その年の方が後なら退職の翌年 1 月 11 日）から数えます。過ぎたものは廃棄の対象になります。',
  employeeEntersNumber: '従業員にも 12 桁の個人番号を入力してもらう',
  identityByEmployment: '従業員本人の身元確認を省略する（雇用関係にあり、人違いでないことが明らかな場合）',
  identityByEmploymentHint:
    '入社時に運転免許証などで本人であることを確認済みの従業員は、番号法施行規則により身元確認書類を省略できます。オンにすると、従業員は番号確認書類（マイナンバーカード、通知カード、個人番号が記載された住民票）だけを撮影します。変更は管理者が行い、取扱記録に残ります。',
  contact: '問い合わせ先',
  contactHint: '従業員のログイン・エラー・完了画面に表示されます（例：人事部 マイナンバー係 内線 1234 / hr@example.co.jp）。200 文字まで。',
  created: '収集依頼を作成しました。',
  saved: '設定を保存しました。',
  purposesChangedNote: '利用目的を変更すると、同意済みの従業員にも、もう一度同意をお願いすることになります。',
  closeTitle: '受付の終了',
  close: '受付を終了する',
  closeConfirm:
    '受付を終了すると、従業員は書類を登録・提出できなくなり、「完了」していない下書き（撮影途中の画像）はすべて削除されます。この操作は取り消せません。',
  closeCounts: (c: { total: number; submitted: number; returned: number; unfinished: number }) => {
    const stopped = [c.unfinished > 0 ? `未提出の ${c.unfinished} 人` : '', c.returned > 0 ? `差し戻し中の ${c.returned} 人` : ''].filter(Boolean)
    return `従業員 ${c.total} 人のうち、提出済み ${c.submitted} 人。${stopped.length > 0 ? `${stopped.join('と')}は、これ以降は提出できません。` : ''}`
  },
  closeYes: '終了して下書きを削除する',
  closed: (time: string) => `${time} に受付を終了しました。`,
  reopenTitle: '受付の再開',
  reopenNote: '再開すると、従業員はもう一度書類を登録・提出できます。新しい提出期限を決めてください（空欄なら期限なし）。廃棄した収集依頼は再開できません。',
  reopenDeadline: '新しい提出期限',
  reopen: '受付を再開する',
  reopened: '受付を再開しました。',
  reopenAdministratorOnly: '受付の再開は取扱責任者（管理者）だけが行えます。',
  closedNote: '終了した収集依頼の設定は変更できません。',
  administratorOnly: '変更できるのは取扱責任者（管理者）だけです。',
  shortenAdministratorOnly: '短くできるのは取扱責任者（管理者）だけです。',
  retentionShortenNote: (days: number) => `保管期間を短くすると、${days} 日後から適用されます。それまでは廃棄の画面で対象者を確認し、取り消せます。`,
  closeAdministratorOnly: '受付の終了は取扱責任者（管理者）だけが行えます。',
} as const

export const operators = {
  title: '担当者アカウント',
  titleOf: (company: string) => `${company} の担当者アカウント`,
  name: '氏名',
  email: 'メールアドレス',
  role: '権限',
  export: '出力',
  allowExport: '出力を許可',
  allowExportFor: (name: string) => `${name} の出力を許可`,
  exportAlways: '管理者は常に出力できます',
  totp: '2 段階認証',
  state: '状態',
  lastLogin: '最終ログイン',
  actions: '操作',
  active: '利用中',
  disabled: '停止中',
  locked: (time: string) => `ロック中（${time} まで）`,
  totpOn: '設定済',
  totpOff: '未設定',
  never: '—',
  createTitle: 'アカウントを追加する',
  create: '追加する',
  roleFor: (name: string) => `${name} の権限`,
  changeRole: '権限を変更',
  /** The button's accessible name: one per row (its visible text is the same on every row). */
  changeRoleFor: (name: string) => `${name} の権限を変更`,
  disable: (name: string) => `${name} を停止`,
  enable: (name: string) => `${name} を再開`,
  unlock: (name: string) => `${name} のロックを解除`,
  updated: '変更しました。',
  oneTimeTitle: '初回パスワード',
  oneTimeBody: (name: string) =>
    `${name} さんの初回パスワードです。この画面を閉じると二度と表示できません。安全な方法で本人に伝えてください。初回ログイン時に変更を求められます。発行から 72 時間を過ぎると使えなくなります。`,
  copy: 'パスワードをコピー',
  copied: 'コピーしました。',
  copyFailed: 'コピーできませんでした。パスワードを選択してコピーしてください。',
  dismiss: '伝えたので閉じる',
  empty: 'アカウントがありません。',
} as const

export const settings = {
  title: 'システム設定',
  requireTotp: 'すべての担当者に 2 段階認証を必須にする',
  requireTotpHint:
    '有効にすると、未設定の担当者はログイン中の画面もただちに 2 段階認証の設定に切り替わります。有効にするには、先にご自身の 2 段階認証を設定してください。',
  requireTotpNeedsOwn: '先にご自身の 2 段階認証を設定してください（アカウント → 2 段階認証を設定する）。',
  saved: '設定を保存しました。',
} as const

/** The network allow-lists: the installation's (システム設定) and a company's (会社の設定). */
export const networks = {
  installationTitle: '接続元の制限（コンソール全体）',
  installationHint: 'ここに登録したアドレスからのみ、ログインを含むコンソールのすべての画面を利用できます。空欄にすると、どこからでも利用できます。',
  companyTitle: '接続元の制限（この会社のデータ）',
  companyHint: 'ここに登録したアドレスからのみ、この会社の収集依頼・従業員・書類などを扱えます（システム管理者を除く）。空欄にすると、どこからでも扱えます。',
  label: '許可するアドレス（1 行に 1 つ。IPv4・IPv6 のアドレス、または 203.0.113.0/24 のような CIDR）',
  yourAddress: (address: string) => `現在の接続元: ${address}`,
  addYourAddress: '現在の接続元を追加',
  invalid: (entries: string) => `アドレスまたは CIDR として読めない行があります: ${entries}`,
  excludesYou: 'この一覧には現在の接続元が含まれていません。保存すると、この接続元からは利用できなくなるため保存できません。',
  recovery: '締め出された場合は、サーバーで pnpm admin:networks-clear を実行すると制限を解除できます。',
  save: '接続元の制限を保存',
  saved: '接続元の制限を保存しました。',
} as const

export const companySettings = {
  title: '会社の設定',
  titleOf: (company: string) => `${company} の設定`,
  numberRecordingTitle: '個人番号の記録',
  numberRecordingIntro:
    '個人番号は、書類を見た 2 回の入力（別の担当者、または同じ担当者がもう一度）が一致したときに記録します。写真から読み取った番号と従業員本人が入力した番号のように、2 つの独立した元が一致している場合の扱いを選べます。',
  acceptNumberAgreement: '2 つの元が一致した番号は、担当者 1 人が書類の画像と見比べて確認すれば記録する',
  acceptNumberAgreementHint:
    'オフ（初期設定）のときは、一致していても 2 回目の入力が必要です。記録した番号には、どちらの方法で記録したかが残ります。この設定の変更は監査ログに記録されます。',
  saved: '保存しました。',
} as const

/** Getting back into an account: the password before enrolment, recovery codes, the administrator's reset. */
export const recovery = {
  enrolmentPasswordIntro: '2 段階認証を設定するには、確認のため現在のパスワードを入力してください。',
  enrolmentNext: '次へ',
  codesTitle: '回復コード',
  codesIntro:
    '認証アプリを使えなくなったときは、確認コードの代わりにこの回復コードでログインできます。各コードは 1 回だけ使えます。この画面を閉じると二度と表示できません。印刷するか、パスワード管理ソフトなど安全な場所に保管してください。',
  codesLabel: '回復コードの一覧',
  copyCodes: 'コードをコピー',
  copied: 'コピーしました。',
  copyFailed: 'コピーできませんでした。コードを選択してコピーしてください。',
  codesSaved: '回復コードを保管しました',
  codesContinue: '続ける',
  useRecoveryCode: '認証アプリを使えない場合（回復コードでログイン）',
  useTotp: '認証アプリの確認コードでログイン',
  recoveryTitle: '回復コードでログイン',
  recoveryIntro: '2 段階認証の設定時に保管した回復コード（16 文字）を 1 つ入力してください。使ったコードは再び使えません。',
  recoveryCode: '回復コード',
  recoveryCodeHint: '例: ABCD-EFGH-JKMN-PQRS（ハイフンは省略できます）',
  recoveryNone: '回復コードもない場合は、会社の管理者にアカウントのリセットを依頼してください。',
  reset: (name: string) => `${name} をリセット`,
  resetTitle: (name: string) => `${name} さんのアカウントをリセット`,
  resetBody:
    'パスワードを忘れた、または認証アプリと回復コードをなくした担当者のためのリセットです。新しい仮パスワードを発行し、2 段階認証と回復コードを解除して、この担当者のログインをすべて終了します。操作は監査ログに記録されます。',
  resetPassword: 'あなたのパスワード（確認のため）',
  resetConfirm: 'リセットする',
  resetDoneTitle: '仮パスワード（リセット）',
  resetDoneBody: (name: string, until: string) =>
    `${name} さんの新しい仮パスワードです。この画面を閉じると二度と表示できません。安全な方法で本人に伝えてください。${until} まで有効で、次回ログイン時に変更を求められます。2 段階認証は設定し直しになります。`,
} as const

/** The zoomable viewer of one submitted image (review, the number's record). */
export const imageViewer = {
  zoomIn: '拡大',
  zoomOut: '縮小',
  rotate: '90° 回転',
  reset: '元に戻す',
  zoom: (percent: number) => `${percent}%`,
  loading: '画像を読み込み中…',
  alt: (label: string) => `${label}の画像`,
} as const
