import { auth } from '../../../messages/ja.ts'

export function NoTokenPage() {
  return (
    <main className="page">
      <h1>{auth.noTokenTitle}</h1>
      <p>{auth.noTokenBody}</p>
    </main>
  )
}
