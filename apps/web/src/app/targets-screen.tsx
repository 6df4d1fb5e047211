import { LogoutButton } from '../features/auth/components/logout-button.tsx'
import { ContinueOnPhone } from '../features/handoff/components/continue-on-phone.tsx'
import { TargetsPage } from '../features/targets/components/targets-page.tsx'

/** The list with what the app places under it (PC → phone handoff, logout): one lazily loaded screen. */
export function TargetsScreen() {
  return (
    <TargetsPage
      aside={
        <>
          <ContinueOnPhone />
          <LogoutButton />
        </>
      }
    />
  )
}
