import { ContactNote } from '../../../components/contact-note.tsx'
import { useMeStore } from '../../../lib/me-store.ts'
import { useT } from '../../../lib/use-t.ts'

/** Shown instead of any signed-in screen once the API has answered 401. */
export function SessionExpiredPage() {
  const { t } = useT()
  const contact = useMeStore((s) => s.me?.campaign.contact)
  return (
    <main className="page">
      <h1>{t('auth.expiredTitle')}</h1>
      <p>{t('auth.expiredBody')}</p>
      <ContactNote contact={contact} />
    </main>
  )
}
