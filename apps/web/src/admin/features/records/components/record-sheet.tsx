import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatDateTime } from '../../../../lib/format.ts'
import { paths } from '../../../config/paths.ts'
import { recordsText as t } from '../messages.ts'
import './records.css'

interface Head {
  companyName: string
  campaignId: string
  campaignName: string
  campaignCreatedAt: string
  campaignClosedAt: string | null
  producedAt: string
}

/** An A4 record: the 「印刷」 button and the way back (never printed), the title, and who and what it is about. */
export function RecordSheet({ title, head, rows, children }: { title: string; head: Head; rows: [string, string][]; children: ReactNode }) {
  return (
    <div className="admin-page records">
      <p className="records__controls admin-no-print">
        <Link to={paths.campaignDisposal(head.campaignId)}>{t.back}</Link>
        <button type="button" className="admin-button admin-button--primary" onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      <article className="records-sheet" aria-label={title}>
        <h1>{title}</h1>
        <dl className="records-sheet__head">
          {(
            [
              [t.company, head.companyName],
              [t.campaign, head.campaignName],
              [t.campaignPeriod, `${formatDateTime(head.campaignCreatedAt)} 〜 ${head.campaignClosedAt ? formatDateTime(head.campaignClosedAt) : t.open}`],
              ...rows,
              [t.producedAt, formatDateTime(head.producedAt)],
            ] as [string, string][]
          ).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {children}
      </article>
    </div>
  )
}
