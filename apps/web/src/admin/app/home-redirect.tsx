import { Link, Navigate } from 'react-router'
import { useSession } from '../lib/session.ts'
import { common, layout as t } from '../messages/ja.ts'
import { paths } from '../config/paths.ts'

/** /admin: the first company's campaigns; a system administrator without companies creates one. */
export function HomeRedirect() {
  const session = useSession().data
  const first = session?.companies[0]
  if (first) return <Navigate to={paths.campaigns(first.id)} replace />
  if (session?.operator.isSystemAdmin) return <Navigate to={paths.companies()} replace />
  return (
    <div className="admin-page">
      <h1>{t.noCompanyTitle}</h1>
      <p>{t.noCompanyBody}</p>
      <Link to={paths.account()}>{t.account}</Link>
    </div>
  )
}

export function NotFoundPage() {
  return (
    <div className="admin-page">
      <h1>{common.notFoundTitle}</h1>
      <Link to={paths.home()}>{common.backHome}</Link>
    </div>
  )
}
