import type { IssueCredentialsResponse } from '@bango/shared/admin-credentials'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useReportExport } from '../api/report-export.ts'
import { credentialsText as t } from '../messages.ts'
import { downloadBytes } from '../utils/download.ts'
import { encodeShiftJis, encodeUtf8WithBom } from '@bango/shared/csv'
import { mailMergeCsv } from '../utils/mail-merge-csv.ts'

/** 差し込み用 CSV (UTF-8 / Shift_JIS) and the postal kit; the CSVs report themselves to the audit log. */
export function ExportActions({ campaignId, issued }: { campaignId: string; issued: IssueCredentialsResponse }) {
  const navigate = useNavigate()
  const report = useReportExport(campaignId)
  const [lossy, setLossy] = useState(false)
  const employeeIds = issued.credentials.map((credential) => credential.employeeId)
  const stamp = issued.issuedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

  const download = (format: 'mail_merge_utf8' | 'mail_merge_sjis') => {
    const csv = mailMergeCsv(issued.credentials)
    if (format === 'mail_merge_utf8') downloadBytes(encodeUtf8WithBom(csv), `credentials-${stamp}-utf8.csv`, 'text/csv;charset=utf-8')
    else {
      const sjis = encodeShiftJis(csv)
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
