import { CaptureHandoffContext } from '../features/documents/components/capture-handoff.tsx'
import { PersonPage } from '../features/documents/components/person-page.tsx'
import { handoffFragment } from '../features/documents/stores/handoff-position.ts'
import { ContinueOnPhone } from '../features/handoff/components/continue-on-phone.tsx'

/** One person's wizard, with the PC → phone handoff the app places on its capture screen: the phone lands on the same step. */
export function PersonScreen() {
  return (
    <CaptureHandoffContext.Provider value={<ContinueOnPhone carry={handoffFragment} />}>
      <PersonPage />
    </CaptureHandoffContext.Provider>
  )
}
