import type { MeResponse, Person } from '@bango/shared/employee-api'
import { Navigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ContactNote } from '../../../components/contact-note.tsx'
import { ResourceStatus } from '../../../components/resource-status.tsx'
import { getPersons } from '../../../lib/employee-api.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { relationshipText } from '../../../lib/relationship-text.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { useT } from '../../../lib/use-t.ts'
import type { MessageKey } from '../../../messages/types.ts'

/**
 * After 「完了」: 登録処理は完了です — with a printable receipt (when, to whom, who and which
 * documents; never the images or numbers), the dependents whose documents were disposed of (廃棄)
 * and HR's 問い合わせ先. The employee's own disposal ends their login: they never get here.
 */
export function CompletionPage() {
  const { t } = useT()
  const me = useMeStore((s) => s.me)
  if (!me?.submittedAt) return <Navigate to={paths.targets()} replace />
  // HR approved everyone: 受理 — the outcome only, never the images.
  const accepted = me.acceptedAt !== null
  return (
    <main className="page">
      <h1>{accepted ? t('completion.acceptedTitle') : t('completion.title')}</h1>
      <p className="notice notice--success">{accepted ? t('completion.accepted') : t('completion.body')}</p>
      {me.disposedPersons.map((person) => (
        <p key={person.name} className="notice">
          {t('completion.disposedPerson', { name: person.name })}
        </p>
      ))}
      {/* The latest 完了: after 差し戻し the receipt is of the re-submission. */}
      <Receipt me={me} submittedAt={me.lastSubmittedAt ?? me.submittedAt} />
      <ContactNote contact={me.campaign.contact} />
      <p>{t('completion.thanks')}</p>
    </main>
  )
}

function Receipt({ me, submittedAt }: { me: MeResponse; submittedAt: string }) {
  const { t, language } = useT()
  const persons = useResource(getPersons)
  return (
    <section className="card receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('completion.receiptTitle')}</h2>
      <dl className="receipt__facts">
        <dt>{t('completion.receiptSubmittedAt')}</dt>
        <dd>{t('completion.receiptTime', { time: formatDateTime(submittedAt, language) })}</dd>
        {me.submissionReference && (
          <>
            <dt>{t('completion.receiptReference')}</dt>
            <dd className="receipt__reference">{me.submissionReference}</dd>
          </>
        )}
        <dt>{t('completion.receiptCompany')}</dt>
        <dd>{me.companyName}</dd>
        <dt>{t('completion.receiptCampaign')}</dt>
        <dd>{me.campaign.name}</dd>
      </dl>
      {persons.state === 'ready' ? (
        <table className="receipt__persons">
          <caption>{t('completion.receiptPersons')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('completion.receiptPerson')}</th>
              <th scope="col">{t('completion.receiptDocuments')}</th>
            </tr>
          </thead>
          <tbody>
            {persons.data.persons.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.name}（{relationshipText(person, t)}）
                </th>
                <td>{documentsOf(person, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ResourceStatus error={persons.state === 'error' ? persons.error : undefined} onRetry={persons.reload} />
      )}
      <button type="button" className="button button--secondary receipt__print" onClick={() => window.print()}>
        {t('completion.print')}
      </button>
      <p className="hint receipt__print">{t('completion.printHint')}</p>
    </section>
  )
}

const documentsOf = (person: Person, t: (key: MessageKey) => string) =>
  person.status === 'not_applicable'
    ? t('completion.receiptNotApplicable')
    : person.documentTypes.map((type) => t(`documentShortNames.${type}`)).join(t('completion.receiptSeparator'))
