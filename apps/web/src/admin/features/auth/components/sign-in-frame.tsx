import type { ReactNode } from 'react'
import { common } from '../../../messages/ja.ts'

/** The narrow frame of the sign-in steps (no navigation until the session is active). */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="admin-signin">
      <header className="admin-signin__header">
        <p className="admin-brand">{common.appName}</p>
      </header>
      <main className="admin-signin__main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  )
}
