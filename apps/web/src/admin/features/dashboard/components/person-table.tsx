import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { dashboardText, dependentStatusLabels } from '../messages.ts'
import { formatDate } from '../utils/format.ts'

const t = dashboardText.employee

/** The employee and their dependents with their draft status and an image count — never the images. */
export function PersonTable({ persons }: { persons: EmployeeDetailResponse['persons'] }) {
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
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.imagesNote}</p>
    </>
  )
}
