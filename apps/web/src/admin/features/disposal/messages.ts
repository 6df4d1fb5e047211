/** Texts of the disposal (廃棄) screens. */
import type { DisposalTrigger } from '@bango/shared/admin-disposal'

export const disposalText = {
  loading: '読み込み中…',
  page: {
    title: (campaign: string) => `廃棄: ${campaign}`,
    back: '収集依頼へ戻る',
    previewTitle: '次回の自動廃棄の対象',
    previewNotYet: 'まだ廃棄されていません。次回の自動廃棄で、次の書類が廃棄されます。',
    previewNote: (months: number) =>
      `保存期間 ${months} か月。各従業員の「完了」の翌年 1 月 11 日（退職日が記録され、その年の方が後なら退職の翌年 1 月 11 日）から数えて期間が終わった書類は、自動的に廃棄されます。`,
    previewEmpty: '現在、保存期間が終わった書類はありません。',
    previewTotal: (persons: number, images: number) => `${persons} 名、画像 ${images} 枚`,
    columns: {
      name: '氏名',
      employeeNumber: '社員番号',
      relationship: '続柄',
      submittedAt: '提出日時',
      retentionStartsOn: '起算日',
      expiredAt: '保存期間の終了',
      images: '画像',
    },
    allTitle: '収集依頼の書類をすべて廃棄',
    allNote:
      'この収集依頼のすべての対象者について、画像・番号・登録内容を復元できないように削除します。氏名・社員番号・続柄と廃棄の記録だけが残ります。元に戻せません。',
    allCounts: (total: number, submitted: number) => `対象：従業員 ${total} 人とその家族（このうち提出済み ${submitted} 人）。`,
    openNote: '受付中の収集依頼は廃棄できません。先に収集依頼の設定画面で受付を終了してください。',
    reason: '廃棄の理由',
    reasonHint: '200 文字以内。廃棄の記録に残ります。',
    confirm: (name: string) => `確認のため、収集依頼の名前「${name}」を入力してください`,
    submit: '収集依頼の書類をすべて廃棄',
    done: (persons: number, images: number) => `${persons} 名の書類（画像 ${images} 枚）を廃棄しました。`,
    administratorsOnly: '廃棄は取扱責任者だけが行えます。',
    shorteningTitle: '保存期間の短縮（猶予期間中）',
    shortening: (by: string, at: string, from: number, to: number) => `${at} に ${by} さんが保存期間を ${from} か月から ${to} か月に短縮しました。`,
    shorteningEffect: (at: string, persons: number, images: number) =>
      persons === 0
        ? `${at} 以降、この短縮で新たに廃棄される書類はありません。`
        : `${at} 以降の自動廃棄で、次の ${persons} 名（画像 ${images} 枚）の書類が廃棄されます。`,
    shorteningUndo: '短縮を取り消す',
    shorteningUndone: '短縮を取り消しました。保存期間は元に戻りました。',
    records: '廃棄の記録を見る',
    handlingRecord: '取扱記録（印刷用）',
    disposalCertificate: '廃棄証明（印刷用）',
  },
  records: {
    title: '廃棄の記録',
    empty: '廃棄の記録はまだありません。',
    search: '氏名・社員番号で検索',
    searchPlaceholder: '例: 総合、E0042',
    searchSubmit: '検索',
    noMatch: '条件に合う廃棄の記録はありません。',
    exportCsv: 'CSV で出力',
    more: 'さらに表示',
    automatic: '自動（保存期間の終了）',
    shortened: (by: string, at: string, from: number, to: number) => `自動（${at} に ${by} さんが保存期間を ${from} → ${to} か月に短縮）`,
    columns: {
      disposedAt: '廃棄日時',
      campaign: '収集依頼',
      name: '氏名',
      employeeNumber: '社員番号',
      relationship: '続柄',
      trigger: '契機',
      by: '実施者',
      reason: '理由',
      kinds: '書類の種類',
      images: '画像',
    },
  },
  triggers: { person: '個別', campaign: '収集依頼ごと', retention: '保存期間の終了' } satisfies Record<DisposalTrigger, string>,
  kinds: {
    'number:my_number_card': 'マイナンバーカード',
    'number:notification_card': '通知カード',
    'number:resident_record': '住民票（番号確認）',
    employee_entered_number: '従業員が入力した番号',
  } as Record<string, string>,
  identityKind: '身元確認書類',
} as const

/** A recorded document kind in words (identity documents by their general name). */
export const kindLabel = (kind: string) => disposalText.kinds[kind] ?? (kind.startsWith('identity:') ? disposalText.identityKind : kind)
