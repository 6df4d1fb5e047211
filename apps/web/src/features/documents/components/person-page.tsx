import { useEffect } from 'react'
import { Navigate, useNavigate, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ResourceStatus } from '../../../components/resource-status.tsx'
import { getPersons } from '../../../lib/employee-api.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { useT } from '../../../lib/use-t.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { WizardView } from './wizard-view.tsx'
import { useLeaveWarning } from './use-leave-warning.ts'
import { useResumeWizard } from './use-resume-wizard.ts'
import { useWizardHistory } from './use-wizard-history.ts'
import { clearPosition, savedPositionPersonId } from '../stores/wizard-position.ts'
import { ReturnReason } from '../../../components/return-reason.tsx'

/** `/persons/:personId`: 「<name> さんの書類登録」 and the wizard for that person. */
export function PersonPage() {
  const { t } = useT()
  const { personId } = useParams()
  const navigate = useNavigate()
  const persons = useResource(getPersons)
  const person = persons.state === 'ready' ? persons.data.persons.find((p) => p.id === personId) : undefined
  const wizardPersonId = useWizardStore((s) => s.person?.id)

  useResumeWizard(person)
  useWizardHistory(personId ?? '')
  useLeaveWarning()
  // Leaving the wizard drops local previews (object URLs); drafts on the server stay until 「完了」 or expiry.
  useEffect(() => () => useWizardStore.getState().reset(), [])
  // A position kept for a person this employee does not have (another login in this tab) is forgotten.
  const unknownPerson = persons.state === 'ready' && !person
  useEffect(() => {
    if (unknownPerson && personId && savedPositionPersonId() === personId) clearPosition()
  }, [unknownPerson, personId])

  const toTop = () => navigate(paths.targets())

  if (persons.state !== 'ready') {
    return (
      <main className="page">
        <ResourceStatus error={persons.state === 'error' ? persons.error : undefined} onRetry={persons.reload} />
      </main>
    )
  }
  if (persons.data.submittedAt && !persons.data.reopened) return <Navigate to={paths.done()} replace />
  // After 完了, only a person sent back can be opened again.
  if (persons.data.reopened && person && person.review.status !== 'returned') return <Navigate to={paths.targets()} replace />
  if (!person) {
    return (
      <main className="page">
        <p role="alert">{t('documents.notFound')}</p>
        <button type="button" className="button" onClick={toTop}>
          {t('common.backToTop')}
        </button>
      </main>
    )
  }
  return (
    <main className="page">
      <h1>{t('documents.title', { name: person.name })}</h1>
      <ReturnReason review={person.review} />
      {wizardPersonId === person.id ? <WizardView onTop={toTop} /> : <ResourceStatus />}
    </main>
  )
}
