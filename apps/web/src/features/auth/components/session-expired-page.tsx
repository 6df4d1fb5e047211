import { auth } from '../../../messages/ja.ts'

/** Shown instead of any signed-in screen once the API has answered 401. */
export function SessionExpiredPage() {
  return (
    <main className="page">
      <h1>{auth.expiredTitle}</h1>
      <p>{auth.expiredBody}</p>
    </main>
  )
}
