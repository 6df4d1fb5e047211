import type { IssueCredentialsResponse } from '@bango/shared/admin-credentials'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useReportExport } from '../api/report-export.ts'
import { credentialsText as t } from '../messages.ts'
import { downloadBytes } from '../utils/download.ts'
import { MAIL_MERGE_CSV, mailMergeRows } from '@bango/shared/csv-formats'

/** 差し込み用 CSV (UTF-8 / Shift_JIS) and the postal kit; the CSVs report themselves to the audit log. */
export function ExportActions({ campaignId, issued }: { campaignId: string; issued: IssueCredentialsResponse }) {
  const navigate = useNavigate()
  const report = useReportExport(campaignId)
  const [lossy, setLossy] = useState(false)
  const employeeIds = issued.credentials.map((credential) => credential.employeeId)
  const stamp = issued.issuedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

  const download = (format: 'mail_merge_utf8' | 'mail_merge_sjis') => {
    // The one CSV writer (ADR 032): a name typed as =HYPERLINK(…) cannot run in Excel.
    const rows = mailMergeRows(issued.credentials)
    if (format === 'mail_merge_utf8') downloadBytes(MAIL_MERGE_CSV.file(rows, 'utf-8').bytes, `credentials-${stamp}-utf8.csv`, 'text/csv;charset=utf-8')
    else {
      const sjis = MAIL_MERGE_CSV.file(rows, 'shift_jis')
      downloadBytes(sjis.bytes, `credentials-${stamp}-sjis.csv`, 'text/csv;charset=shift_jis')
      setLossy(sjis.lossy)
    }
    report.mutate({ format, employeeIds })
  }

  return (
    <div className="admin-actions">
      <button type="button" className="admin-button" onClick={() => download('mail_merge_utf8')}>
        {t.csvUtf8}
      </button>
      <button type="button" className="admin-button" onClick={() => download('mail_merge_sjis')}>
        {t.csvSjis}
      </button>
      <button type="button" className="admin-button" onClick={() => navigate(paths.campaignKit(campaignId))}>
        {t.printKit}
      </button>
      {lossy && <p className="admin-notice admin-notice--warning">{t.sjisLossy}</p>}
      {report.isError && (
        <p className="admin-notice admin-notice--error" role="alert">
          {t.exportFailed}
        </p>
      )}
    </div>
  )
}
