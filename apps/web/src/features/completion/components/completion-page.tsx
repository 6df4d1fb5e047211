import { Navigate } from 'react-router'
import { paths } from '../../../app/paths.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { completion } from '../../../messages/ja.ts'

/** After 「完了」: 登録処理は完了です。ブラウザを閉じて… */
export function CompletionPage() {
  const submittedAt = useMeStore((s) => s.me?.submittedAt)
  const acceptedAt = useMeStore((s) => s.me?.acceptedAt)
  if (!submittedAt) return <Navigate to={paths.targets()} replace />
  // HR approved everyone: 受理 — the outcome only, never the images.
  if (acceptedAt) {
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
      <p>{completion.thanks}</p>
    </main>
  )
}
