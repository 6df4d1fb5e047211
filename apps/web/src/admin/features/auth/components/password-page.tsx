import { signIn as t } from '../../../messages/ja.ts'
import { PasswordForm } from './password-form.tsx'
import { SignInFrame } from './sign-in-frame.tsx'

/** The forced password change (stage password_change_required: first sign-in, reset). */
export function PasswordPage() {
  return (
    <SignInFrame title={t.passwordTitle}>
      <p>{t.passwordForced}</p>
      <PasswordForm />
    </SignInFrame>
  )
}
