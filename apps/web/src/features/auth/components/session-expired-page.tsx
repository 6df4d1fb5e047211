import { ContactNote } from '../../../components/contact-note.tsx'
import { useMeStore } from '../../../lib/me-store.ts'
import { auth } from '../../../messages/ja.ts'

/** Shown instead of any signed-in screen once the API has answered 401. */
export function SessionExpiredPage() {
  const contact = useMeStore((s) => s.me?.campaign.contact)
  return (
    <main className="page">
      <h1>{auth.expiredTitle}</h1>
      <p>{auth.expiredBody}</p>
      <ContactNote contact={contact} />
    </main>
  )
}
