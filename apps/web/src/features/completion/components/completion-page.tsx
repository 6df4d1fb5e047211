import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import type { MeResponse, Person } from '@bango/shared/employee-api'
import { Navigate } from 'react-router'
import { paths } from '../../../app/paths.ts'
import { ContactNote } from '../../../components/contact-note.tsx'
import { ResourceStatus } from '../../../components/resource-status.tsx'
import { getPersons } from '../../../lib/employee-api.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { completion } from '../../../messages/ja.ts'

/**
 * After 「完了」: 登録処理は完了です — with a printable receipt (when, to whom, who and which
 * documents; never the images or numbers) and HR's 問い合わせ先. After disposal (廃棄) only the
 * notice that the documents are gone: no images, no actions.
 */
export function CompletionPage() {
  const me = useMeStore((s) => s.me)
  if (me?.disposedAt) {
    return (
      <main className="page">
        <h1>{completion.disposedTitle}</h1>
        <p className="notice">{completion.disposed}</p>
        <p>{completion.disposedNote}</p>
        <ContactNote contact={me.campaign.contact} />
      </main>
    )
  }
  if (!me?.submittedAt) return <Navigate to={paths.targets()} replace />
  // HR approved everyone: 受理 — the outcome only, never the images.
  const accepted = me.acceptedAt !== null
  return (
    <main className="page">
      <h1>{accepted ? completion.acceptedTitle : completion.title}</h1>
      <p className="notice notice--success">{accepted ? completion.accepted : completion.body}</p>
      {me.disposedPersons.map((person) => (
        <p key={person.name} className="notice">
          {completion.disposedPerson(person.name)}
        </p>
      ))}
      <Receipt me={me} submittedAt={me.submittedAt} />
      <ContactNote contact={me.campaign.contact} />
      <p>{completion.thanks}</p>
    </main>
  )
}

function Receipt({ me, submittedAt }: { me: MeResponse; submittedAt: string }) {
  const persons = useResource(getPersons)
  return (
    <section className="card receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{completion.receiptTitle}</h2>
      <dl className="receipt__facts">
        <dt>{completion.receiptSubmittedAt}</dt>
        <dd>{completion.receiptTime(formatDateTime(submittedAt))}</dd>
        <dt>{completion.receiptCompany}</dt>
        <dd>{me.companyName}</dd>
        <dt>{completion.receiptCampaign}</dt>
        <dd>{me.campaign.name}</dd>
      </dl>
      {persons.state === 'ready' ? (
        <table className="receipt__persons">
          <caption>{completion.receiptPersons}</caption>
          <thead>
            <tr>
              <th scope="col">{completion.receiptPerson}</th>
              <th scope="col">{completion.receiptDocuments}</th>
            </tr>
          </thead>
          <tbody>
            {persons.data.persons.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.name}（{person.relationship}）
                </th>
                <td>{documentsOf(person)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ResourceStatus error={persons.state === 'error' ? persons.error : undefined} onRetry={persons.reload} />
      )}
      <button type="button" className="button button--secondary receipt__print" onClick={() => window.print()}>
        {completion.print}
      </button>
      <p className="hint receipt__print">{completion.printHint}</p>
    </section>
  )
}

const documentsOf = (person: Person) =>
  person.status === 'not_applicable' ? completion.receiptNotApplicable : person.documentTypes.map((type) => DOCUMENT_TYPE_LABELS[type]).join('、')
