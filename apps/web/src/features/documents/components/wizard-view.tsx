import { imageKey, useWizardStore } from '../stores/wizard-store.ts'
import { CaptureStep } from './capture-step.tsx'
import { ConfirmStep } from './confirm-step.tsx'
import { IdentityPhotoStep } from './identity-photo-step.tsx'
import { IdentityTypeStep } from './identity-type-step.tsx'
import { AlreadyRegisteredNotice, ExcludedNotice, MarkedNotApplicableNotice, RegisteredNotice } from './notices.tsx'
import { NumberDocumentMenu } from './number-document-menu.tsx'

/** The screen of the current wizard step; every step is its own component. */
export function WizardView({ onTop }: { onTop: () => void }) {
  const step = useWizardStore((s) => s.step)
  switch (step.name) {
    case 'idle':
      return null
    case 'menu':
      return <NumberDocumentMenu onTop={onTop} />
    case 'alreadyRegistered':
      return <AlreadyRegisteredNotice onTop={onTop} />
    case 'excluded':
      return <ExcludedNotice onTop={onTop} />
    case 'markedNotApplicable':
      return <MarkedNotApplicableNotice onTop={onTop} />
    case 'capture':
      return <CaptureStep key={imageKey(step.image)} image={step.image} openCamera={step.openCamera} />
    case 'identityPhoto':
      return <IdentityPhotoStep />
    case 'identityType':
      return <IdentityTypeStep key={step.slot} slot={step.slot} />
    case 'confirm':
      return <ConfirmStep />
    case 'registered':
      return <RegisteredNotice onTop={onTop} />
  }
}
