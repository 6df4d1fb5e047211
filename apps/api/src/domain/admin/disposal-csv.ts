/** The disposal records as CSV (shared writer, ADR 032): UTF-8 with a BOM, Japan time, kinds in words. */
import type { DisposalRecord } from '@bango/shared/admin-disposal'
import { DISPOSAL_RECORDS_CSV } from '@bango/shared/csv-formats'
import { DISPOSAL_TRIGGER_LABELS, documentKindText } from '@bango/shared/admin-records'
import { japanTime } from './audit-csv.ts'

export const disposalCsvLine = (record: DisposalRecord) =>
  DISPOSAL_RECORDS_CSV.line({
    廃棄日時: japanTime.format(new Date(record.disposedAt)),
    収集依頼: record.campaignName,
    氏名: record.personName,
    社員番号: record.employeeNumber ?? '',
    続柄: record.relationship,
    契機: DISPOSAL_TRIGGER_LABELS[record.trigger],
    廃棄した担当者: record.disposedBy?.name ?? '（自動）',
    理由: record.reason,
    書類: record.documentKinds.map(documentKindText).join('、'),
    画像の枚数: String(record.imageCount),
    '対象者 ID': record.personId,
  })
