import type { DisposalPreviewResponse } from '@bango/shared/admin-disposal'
import { disposalText } from '../messages.ts'
import { formatDate, formatDateTime } from '../../../../lib/format.ts'

const t = disposalText.page

type PreviewPerson = DisposalPreviewResponse['persons'][number]

/** The persons a disposal would take, with image counts — never the images. */
export function PersonsTable({ persons, caption }: { persons: PreviewPerson[]; caption: string }) {
  const c = t.columns
  return (
    <table className="admin-table">
      <caption className="admin-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.name}</th>
          <th scope="col">{c.employeeNumber}</th>
          <th scope="col">{c.relationship}</th>
          <th scope="col">{c.submittedAt}</th>
          <th scope="col">{c.retentionStartsOn}</th>
          <th scope="col">{c.expiredAt}</th>
          <th scope="col">{c.images}</th>
        </tr>
      </thead>
      <tbody>
        {persons.map((person) => (
          <tr key={person.personId}>
            <th scope="row">{person.name}</th>
            <td>{person.employeeNumber ?? ''}</td>
            <td>{person.relationship}</td>
            <td>{formatDateTime(person.submittedAt)}</td>
            <td>{formatDate(person.retentionStartsOn)}</td>
            <td>{formatDateTime(person.expiredAt)}</td>
            <td>{person.imageCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The dry run: who the next automatic run would dispose of. */
export function DisposalPreview({ preview }: { preview: DisposalPreviewResponse }) {
  return (
    <section className="admin-section" aria-labelledby="disposal-preview">
      <h2 id="disposal-preview">{t.previewTitle}</h2>
      <p className="admin-hint">{t.previewNote(preview.retentionMonths)}</p>
      {preview.persons.length === 0 ? (
        <p>{t.previewEmpty}</p>
      ) : (
        <>
          <p>
            {t.previewNotYet} {t.previewTotal(preview.persons.length, preview.totalImages)}
          </p>
          <PersonsTable persons={preview.persons} caption={t.previewTitle} />
        </>
      )}
    </section>
  )
}
