import type { ReactNode } from 'react'
import { useKeepSession } from '../../../lib/session.ts'
import { signIn as t } from '../../../messages/ja.ts'
import { useConfirmEnrolment } from '../api/confirm-enrolment.ts'
import { useBeginEnrolment } from '../api/totp-enrolment.ts'
import { EnrolmentCodeForm } from './enrolment-code-form.tsx'
import { EnrolmentPasswordForm } from './enrolment-password-form.tsx'
import { RecoveryCodes } from './recovery-codes.tsx'
import { SignInFrame } from './sign-in-frame.tsx'

/**
 * 2 段階認証の設定 in three steps: the current password again, then the QR code and one code
 * proving the app has it, then the recovery codes (shown once). The session the confirmation
 * answered is kept only after that, so a sign-in step does not move on past the codes.
 */
export function EnrolmentForm({ onEnrolled }: { onEnrolled?: () => void }) {
  const begin = useBeginEnrolment()
  const confirm = useConfirmEnrolment()
  const keep = useKeepSession()

  if (confirm.data) {
    const { recoveryCodes, ...session } = confirm.data
    return (
      <RecoveryCodes
        codes={recoveryCodes}
        onDone={() => {
          keep(session)
          onEnrolled?.()
        }}
      />
    )
  }
  if (!begin.data) return <EnrolmentPasswordForm busy={begin.isPending} error={begin.error} onSubmit={(password) => begin.mutate(password)} />
  return (
    <EnrolmentCodeForm enrolment={begin.data} busy={confirm.isPending} error={confirm.error} onSubmit={(code, onError) => confirm.mutate(code, { onError })} />
  )
}

/** The enrolment as a sign-in step (stage enrolment_required). */
export function EnrolmentPage(): ReactNode {
  return (
    <SignInFrame title={t.enrolmentTitle}>
      <EnrolmentForm />
    </SignInFrame>
  )
}
