/** Texts of the 出力 screen (export for payroll). */
export const exportText = {
  loading: '読み込み中…',
  back: '収集依頼のダッシュボードに戻る',
  title: (campaign: string) => `${campaign} の出力`,
  intro:
    '承認済みの対象者（廃棄済みを除く）を出力します。ファイルには個人番号が含まれます。取り扱いに注意し、用が済んだら削除してください。出力は監査ログに記録されます。',
  csvTitle: '給与システム用 CSV',
  csvUtf8: '給与システム用 CSV (UTF-8)',
  csvSjis: '給与システム用 CSV (Shift_JIS)',
  csvHint: 'Shift_JIS で表せない文字（𠮷 など）は「?」になります。その場合は UTF-8 の CSV をお使いください。',
  zipTitle: '書類画像',
  zip: '書類画像 (ZIP)',
  zipHint: '対象者ごとのフォルダーに画像と、各画像の SHA-256 を記した manifest.csv が入ります。ZIP は暗号化されません。',
  notAllowed: '出力は、管理者または管理者が出力を許可した担当者だけが行えます。',
} as const
