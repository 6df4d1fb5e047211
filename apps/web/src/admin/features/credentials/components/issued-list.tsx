import type { IssueCredentialsResponse } from '@bango/shared/admin-credentials'
import { credentialsText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'

/** The credentials just issued, passwords included (this is the only time they exist in clear). */
export function IssuedList({ issued }: { issued: IssueCredentialsResponse }) {
  const c = t.columns
  return (
    <table className="admin-table">
      <caption>{t.issuedSummary(issued.credentials.length, formatDateTime(issued.issuedAt))}</caption>
      <thead>
        <tr>
          <th scope="col">{c.employeeNumber}</th>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.kana}</th>
          <th scope="col">{c.email}</th>
          <th scope="col">{c.url}</th>
          <th scope="col">{c.password}</th>
        </tr>
      </thead>
      <tbody>
        {issued.credentials.map((credential) => (
          <tr key={credential.employeeId}>
            <td>{credential.employeeNumber ?? ''}</td>
            <th scope="row">{credential.name}</th>
            <td>{credential.kana}</td>
            <td>{credential.email ?? ''}</td>
            <td className="admin-break">{credential.url}</td>
            <td>
              <code>{credential.password}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
