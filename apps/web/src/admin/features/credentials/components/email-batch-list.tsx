import type { EmailBatch } from '@bango/shared/admin-credentials'
import { credentialsText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'

const COUNTS = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const

/** Each batch with its progress counts; the query polls while one is still running. */
export function EmailBatchList({ batches }: { batches: readonly EmailBatch[] }) {
  const c = t.batchColumns
  if (batches.length === 0) return <p>{t.noBatches}</p>
  return (
    <>
      <table className="admin-table">
        <caption>{t.batchesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{c.createdAt}</th>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.state}</th>
            {COUNTS.map((count) => (
              <th scope="col" key={count}>
                {c[count]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id}>
              <th scope="row">{formatDateTime(batch.createdAt)}</th>
              <td>{t.batchKinds[batch.kind]}</td>
              <td>{batch.finishedAt ? t.batchFinished : t.batchRunning}</td>
              {COUNTS.map((count) => (
                <td key={count}>{batch.counts[count].toLocaleString('ja-JP')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {batches.some((batch) => batch.counts.unknown > 0) && <p>{t.unknownHint}</p>}
    </>
  )
}
