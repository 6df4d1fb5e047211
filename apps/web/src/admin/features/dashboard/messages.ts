import type { EmployeeProgress } from '@bango/shared/admin-dashboard'

/**
 * Texts of the progress dashboard and the employee page. `progress` follows
 * EMPLOYEE_PROGRESS: when part 2 adds 差し戻し / 承認済 there, TypeScript asks for their labels here.
 */
export const progressLabels: Record<EmployeeProgress, string> = {
  unissued: '未発行',
  issued: '未ログイン',
  logged_in: 'ログイン済',
  consented: '同意済',
  in_progress: '登録中',
  submitted: '完了',
}

export const dependentStatusLabels = {
  pending: '未登録',
  registered: '登録済',
  not_applicable: '対象外',
  submitted: '提出済',
} as const

export const dashboardText = {
  titleFallback: '収集依頼',
  loading: '読み込み中…',
  summaryTitle: '進捗',
  total: (count: number) => `対象の従業員 ${count.toLocaleString('ja-JP')} 人`,
  countLink: (label: string, count: number) => `${label} ${count.toLocaleString('ja-JP')} 人`,
  links: { import: '従業員の取り込み', credentials: '認証情報の発行・メール', settings: '収集依頼の設定' },
  listTitle: '従業員一覧',
  search: '検索（氏名・フリガナ・社員番号）',
  searchButton: '検索',
  status: '状況',
  allStatuses: 'すべて',
  columns: {
    select: '選択',
    employeeNumber: '社員番号',
    name: '氏名',
    kana: 'フリガナ',
    progress: '状況',
    lastLoginAt: '最終ログイン',
    lock: 'ロック',
    dependents: '扶養家族',
  },
  selectRow: (name: string) => `${name} を選択`,
  selectPage: 'このページの全員を選択',
  locked: 'ロック中',
  never: '—',
  sortBy: (label: string) => `${label}で並べ替え`,
  noRows: '該当する従業員はいません。',
  pageOf: (from: number, to: number, total: number) => `${total.toLocaleString('ja-JP')} 人中 ${from.toLocaleString('ja-JP')}–${to.toLocaleString('ja-JP')} 人目`,
  pagination: 'ページ送り',
  previous: '前のページ',
  next: '次のページ',
  pageSize: '表示件数',
  selected: (count: number) => `${count} 人を選択中`,
  reissueSelected: '選択した従業員の認証情報を再発行',
  clearSelection: '選択を解除',
  employee: {
    back: '進捗ダッシュボードへ戻る',
    facts: '状況',
    employeeNumber: '社員番号',
    kana: 'フリガナ',
    birthDate: '生年月日',
    email: 'メールアドレス',
    progress: '状況',
    credentialIssuedAt: '認証情報の発行',
    lastLoginAt: '最終ログイン',
    failedAttempts: 'パスワードの連続失敗',
    lock: 'ロック',
    lockedUntil: (time: string) => `ロック中（${time} まで）`,
    notLocked: 'なし',
    consentedAt: '同意',
    submittedAt: '完了',
    unlock: 'ロック解除',
    unlocked: 'ロックを解除しました。',
    reissue: '認証情報を再発行',
    personsTitle: '収集対象者',
    personColumns: { name: '氏名', kana: 'フリガナ', relationship: '続柄', birthDate: '生年月日', status: '状況', draftImages: '下書きの画像', addedByEmployee: '追加' },
    addedByEmployee: '本人が追加',
    preRegistered: '事前登録',
    imagesNote: '画像は完了後に確認画面で表示します。ここでは枚数だけを示します。',
  },
} as const
