import type { AdminSessionResponse } from '@bango/shared/admin-api'
import { NavLink, Outlet, useNavigate } from 'react-router'
import { useEffect } from 'react'
import { useLogout } from '../features/auth/api/logout.ts'
import { useIssuedCredentials } from '../features/credentials/stores/issued-credentials.ts'
import { useSession } from '../lib/session.ts'
import { common, layout as t, roles } from '../messages/ja.ts'
import { useCurrentCompany } from './current-company.ts'
import { paths } from '../config/paths.ts'

/** The signed-in console: header with the company switcher, navigation, the page. */
export function AdminLayout() {
  const session = useSession().data
  // The gate renders this only for an active session.
  if (!session) return null
  return <SignedIn session={session} />
}

function SignedIn({ session }: { session: AdminSessionResponse }) {
  const navigate = useNavigate()
  const logout = useLogout()
  // Passwords of the last issue live only while someone is signed in: a logout or an ended
  // session (this layout unmounts) forgets them.
  useEffect(() => () => useIssuedCredentials.getState().reset(), [])
  const company = useCurrentCompany(session)
  const { operator } = session
  const administers = operator.isSystemAdmin || company?.role === 'administrator'

  return (
    <div className="admin-shell">
      <a className="admin-skip" href="#admin-main">
        {t.skipToContent}
      </a>
      <header className="admin-header">
        <p className="admin-brand">{common.appName}</p>
        {session.companies.length > 0 && (
          <div className="admin-switcher">
            <label htmlFor="admin-company">{t.company}</label>
            <select id="admin-company" value={company?.id ?? ''} onChange={(event) => navigate(paths.campaigns(event.target.value))}>
              {session.companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{roles[c.role]}）
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="admin-user">{operator.name}</p>
        <NavLink to={paths.compliance()} className="admin-help">
          {t.help}
        </NavLink>
        <button type="button" className="admin-button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t.logout}
        </button>
      </header>
      <nav className="admin-nav" aria-label={t.nav}>
        <ul>
          {company && (
            <li>
              <NavLink to={paths.campaigns(company.id)}>{t.campaigns}</NavLink>
            </li>
          )}
          {company && administers && (
            <li>
              <NavLink to={paths.operators(company.id)}>{t.operators}</NavLink>
            </li>
          )}
          {company && administers && (
            <li>
              <NavLink to={paths.disposals(company.id)}>{t.disposals}</NavLink>
            </li>
          )}
          {company && administers && (
            <li>
              <NavLink to={paths.companySettings(company.id)}>{t.companySettings}</NavLink>
            </li>
          )}
          <li>
            <NavLink to={paths.companies()} end>
              {t.companies}
            </NavLink>
          </li>
          {(operator.isSystemAdmin || session.companies.some((c) => c.role === 'administrator')) && (
            <li>
              <NavLink to={paths.audit()}>{t.audit}</NavLink>
            </li>
          )}
          {operator.isSystemAdmin && (
            <li>
              <NavLink to={paths.settings()}>{t.settings}</NavLink>
            </li>
          )}
          <li>
            <NavLink to={paths.account()}>{t.account}</NavLink>
          </li>
        </ul>
      </nav>
      <main id="admin-main" className="admin-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
