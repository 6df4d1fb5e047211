import { HandoffPage } from '../features/auth/components/handoff-page.tsx'
import { landFromHandoff } from '../features/documents/stores/handoff-position.ts'

/** The phone's side of 「スマートフォンで続ける」: it lands where the PC was (the wizard's position in the URL's fragment). */
export function HandoffScreen() {
  return <HandoffPage land={landFromHandoff} />
}
