import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { dashboardText, dependentStatusLabels } from '../messages.ts'
import { formatDate } from '../utils/format.ts'

const t = dashboardText.employee

/** The employee and their dependents with their draft status and an image count — never the images. */
export function PersonTable({ persons, campaignId, employeeId }: { persons: EmployeeDetailResponse['persons']; campaignId: string; employeeId: string }) {
  const c = t.personColumns
  return (
    <>
      <table className="admin-table">
        <caption className="admin-visually-hidden">{t.personsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.kana}</th>
            <th scope="col">{c.relationship}</th>
            <th scope="col">{c.birthDate}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.draftImages}</th>
            <th scope="col">{c.addedByEmployee}</th>
            <th scope="col">{c.number}</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.kana}</td>
              <td>{person.relationship}</td>
              <td>{formatDate(person.birthDate)}</td>
              <td>{person.disposedAt ? t.disposed : dependentStatusLabels[person.status]}</td>
              <td>{person.draftImages}</td>
              <td>{person.addedByEmployee ? t.addedByEmployee : t.preRegistered}</td>
              <td>
                <Link to={paths.personNumber(campaignId, employeeId, person.id)} aria-label={t.numberLink(person.name)}>
                  {t.numberLinkText}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.imagesNote}</p>
    </>
  )
}
