import { useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { signIn as t } from '../../../messages/ja.ts'
import { EnrolmentForm } from './enrolment-page.tsx'
import { PasswordForm } from './password-form.tsx'

/** 2 段階認証の設定 from the account page (an active session). */
export function AccountEnrolmentPage() {
  const navigate = useNavigate()
  return (
    <div className="admin-page admin-page--narrow">
      <h1>{t.enrolmentTitle}</h1>
      <EnrolmentForm onEnrolled={() => navigate(paths.account(), { state: { note: t.enrolled } })} />
    </div>
  )
}

/** パスワード変更 from the account page. */
export function AccountPasswordPage() {
  const navigate = useNavigate()
  return (
    <div className="admin-page admin-page--narrow">
      <h1>{t.passwordTitle}</h1>
      <PasswordForm onChanged={() => navigate(paths.account(), { state: { note: t.passwordChanged } })} />
    </div>
  )
}
