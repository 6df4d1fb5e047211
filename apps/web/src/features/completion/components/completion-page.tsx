import { Navigate } from 'react-router'
import { paths } from '../../../app/paths.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { completion } from '../../../messages/ja.ts'

/**
 * After 「完了」: 登録処理は完了です。ブラウザを閉じて… — and after disposal (廃棄) only the
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
      </main>
    )
  }
  if (!me?.submittedAt) return <Navigate to={paths.targets()} replace />
  // HR approved everyone: 受理 — the outcome only, never the images.
  if (me.acceptedAt) {
    return (
      <main className="page">
        <h1>{completion.acceptedTitle}</h1>
        <p className="notice notice--success">{completion.accepted}</p>
        <p>{completion.thanks}</p>
      </main>
    )
  }
  return (
    <main className="page">
      <h1>{completion.title}</h1>
      <p className="notice notice--success">{completion.body}</p>
      {me.disposedPersons.map((person) => (
        <p key={person.name} className="notice">
          {completion.disposedPerson(person.name)}
        </p>
      ))}
      <p>{completion.thanks}</p>
    </main>
  )
}
