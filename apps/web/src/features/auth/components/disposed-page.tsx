import type { LinkResponse } from '@bango/shared/employee-api'
import { ContactNote } from '../../../components/contact-note.tsx'
import { formatDate } from '../../../lib/format.ts'
import { useT } from '../../../lib/use-t.ts'

type Disposal = NonNullable<LinkResponse['disposal']>

const NOTICE = {
  company: { submitted: 'auth.disposedCompanySubmitted', nothing: 'auth.disposedCompanyNothing' },
  retention: { submitted: 'auth.disposedRetentionSubmitted', nothing: 'auth.disposedRetentionNothing' },
} as const

/**
 * The link of an employee whose records were disposed of (廃棄): what happened, as it happened —
 * HR's decision or the end of the retention period, documents destroyed or none submitted — and
 * no password field, as there is nothing left to sign in to.
 */
export function DisposedPage({ requester }: { requester: LinkResponse & { disposal: Disposal } }) {
  const { t, language } = useT()
  const { disposal } = requester
  return (
    <main className="page">
      <p className="eyebrow">{requester.companyName}</p>
      <h1>{t('auth.disposedTitle')}</h1>
      <p>{t(NOTICE[disposal.by][disposal.submitted ? 'submitted' : 'nothing'], { date: formatDate(disposal.at, language), company: requester.companyName })}</p>
      <p>{t('auth.disposedNoLogin')}</p>
      <ContactNote contact={requester.contact} />
    </main>
  )
}
