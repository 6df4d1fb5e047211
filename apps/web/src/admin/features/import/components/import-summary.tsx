import type { ImportResponse } from '@bango/shared/admin-import'
import { importText as t } from '../messages.ts'
import { Facts } from '../../../components/facts.tsx'

type Summary = NonNullable<ImportResponse['summary']>

/** Encoding, rows, and new / changed / unchanged for employees and dependents. */
export function ImportSummary({ summary }: { summary: Summary }) {
  const rows = [
    { label: t.employees, counts: summary.employees },
    { label: t.dependents, counts: summary.dependents },
  ]
  return (
    <>
      <Facts
        facts={[
          [t.encoding, t.encodings[summary.encoding]],
          [t.rows, summary.rows.toLocaleString('ja-JP')],
        ]}
      />
      <table className="admin-table">
        <caption>{t.countsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.new}</th>
            <th scope="col">{t.changed}</th>
            <th scope="col">{t.unchanged}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, counts }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{counts.new.toLocaleString('ja-JP')}</td>
              <td>{counts.changed.toLocaleString('ja-JP')}</td>
              <td>{counts.unchanged.toLocaleString('ja-JP')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
